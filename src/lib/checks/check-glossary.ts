import { createReferenceCounts, findContentWarnings, type ReferenceCounts } from './content-warnings.ts';
import { sortProblems, type Problem } from './problems.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { unifyTaxonomyNames } from '../graph/taxonomy.ts';
import {
  validateGlossary,
  type GlossaryValidation,
  type SourceFile,
  type ValidationContext,
} from './validate-glossary.ts';

/** A validated glossary with everything found about it: errors and editorial warnings. */
export interface GlossaryCheck extends GlossaryValidation {
  /** Every error and warning, errors first, each group by file and line. */
  problems: Problem[];
  /** The warnings about tags and categories among them (taxonomy.ts), kept by check:content's snapshot. */
  taxonomy: Problem[];
  /**
   * The warnings across entries among them (orphans, empty related lists, near-duplicate names:
   * every editorial warning but each entry's own), kept by check:content's snapshot too.
   */
  crossWarnings?: Problem[];
}

/**
 * The one check the build, the live preview and `check:content` all run: the validator, then the
 * editorial warnings on the entries that passed it. Having one function is what keeps the three
 * from ever disagreeing about a glossary.
 */
export function checkGlossary(
  files: readonly SourceFile[],
  site: SiteConfig,
  context: ValidationContext = {},
): GlossaryCheck {
  const validation = validateGlossary(files, site, context);
  const at = (file: string, field: string) =>
    validation.positions.get(file)?.(field) ?? { line: 1, column: 1 };
  // Before anything reads the names: pages, feeds and glossary.json see one spelling per tag.
  const unified = unifyTaxonomyNames(validation.terms, site.locale, at);
  // Each entry's own warnings come with its outcome: a file the cache kept is not read again.
  const warnings = findContentWarnings(unified.terms, validation.positions, {
    locale: site.locale,
    entryWarnings: (file) => validation.findings?.get(file)?.warnings,
    references: context.cache && referenceCountsOf(context.cache),
  });
  // Each entry's own warnings are those its findings hold, the very objects the list above took;
  // where an entry has none, the list found its own warnings itself and they cannot be told apart.
  const findings = validation.findings;
  const own = new Set<Problem>();
  for (const found of findings?.values() ?? []) for (const warning of found.warnings.own) own.add(warning);
  const separable = findings !== undefined && validation.terms.every((term) => findings.has(term.file));
  return {
    ...validation,
    terms: unified.terms,
    problems: sortProblems([...validation.problems, ...unified.warnings, ...warnings]),
    taxonomy: unified.warnings,
    ...(separable ? { crossWarnings: warnings.filter((warning) => !own.has(warning)) } : {}),
  };
}

/** The reference counts kept with a validation cache: the live preview keeps one for its life. */
const countsByCache = new WeakMap<object, ReferenceCounts>();

function referenceCountsOf(cache: object): ReferenceCounts {
  let counts = countsByCache.get(cache);
  if (!counts) countsByCache.set(cache, (counts = createReferenceCounts()));
  return counts;
}
