import { checkReferences } from './check-references.ts';
import type { PositionLookup } from '../entries/entry-file.ts';
import { FILE_START } from '../entries/entry-location.ts';
import { shallowCloneWarning } from '../entries/fill-in.ts';
import type { GitDates } from '../entries/git-dates.ts';
import { checkLinks } from '../markdown/check-links.ts';
import type { Problem, Severity } from './problems.ts';
import { checkPublicFiles, type PublicSvg } from './public-files.ts';
import type { SiteConfig } from '../site/site-config.ts';
import type { Term } from '../entries/term.ts';
import {
  TERM_FIELDS,
  TermFrontMatterSchema,
  extendTermSchema,
  type TermSchemaExtension,
} from '../entries/term-schema.ts';
import { validateEntryFile, type EntryEnvironment, type EntryFindings } from './validate-entry.ts';
import type { BodyLinkParts } from '../markdown/check-links.ts';
import type { EntryValidator, ValidationCache } from './validation-cache.ts';

/** Something the reader found about a path while reading it (see read-glossary.ts). */
export interface SourceNote {
  field: string;
  message: string;
  hint: string;
  severity: Severity;
  line: number;
}

/** One Markdown file of the glossary as read from disk. */
export interface SourceFile {
  /** Path relative to the site folder, with forward slashes: `content/<section>/<slug>.md`. */
  path: string;
  text: string;
  /** What reading found: a file that cannot be read, invalid UTF-8, a file that is not an entry. */
  notes?: readonly SourceNote[];
  /** True when there is no text to validate (a folder or file that could not be read, a skipped file). */
  unreadable?: boolean;
}

/** Where each front-matter field of a file starts, 1-based; looked up lazily (see entry-file.ts). */
export type FieldPositions = PositionLookup;

/** The outcome of validating a whole glossary: every entry that parsed, and every problem found. */
export interface GlossaryValidation {
  terms: Term[];
  problems: Problem[];
  /** Field positions by file path, so later checks (warnings) can point at the right line. */
  positions: ReadonlyMap<string, FieldPositions>;
  /**
   * What the checks across entries read of each entry alone, by file path (see validate-entry.ts),
   * for the editorial warnings that follow the validation (check-glossary.ts).
   */
  findings?: ReadonlyMap<string, EntryFindings>;
  /**
   * The problems among `problems` that the reference rules found (check-references.ts), which
   * check:content's snapshot keeps for its next run (recheck-glossary.ts).
   */
  references?: Problem[];
}

/** Facts about the site folder that the validator cannot read itself, since it stays pure. */
export interface ValidationContext {
  /**
   * Every file under `public/`, as site paths (`/images/curve.svg`). When given, an `image.src`
   * path that is not among them is an error: the page would show a broken picture.
   */
  publicFiles?: ReadonlySet<string>;
  /** The SVGs under `public/` with their text; checked for script (see public-files.ts) when given. */
  publicSvgs?: readonly PublicSvg[];
  /**
   * The site's git history (see git-dates.ts), asked for only when an entry leaves out its
   * `published` date, since reading it costs a `git log`. Without it such an entry is an error.
   */
  gitDates?: () => GitDates | undefined;
  /** The site's own fields (glossa.schema.ts, see schema-extension.ts), validated like Glossa's. */
  extend?: TermSchemaExtension | undefined;
  /**
   * Outcomes of the per-file checks kept from the last validation of the same glossary (see
   * validation-cache.ts): the live preview passes one so a save re-checks only the files that
   * changed. The problems found are the same with it and without it.
   */
  cache?: ValidationCache | undefined;
}

/**
 * Validates every file of a glossary and the references between them, returning all problems
 * at once (never just the first) so an editor can fix a batch in one pass. Pure: the caller
 * reads the files.
 */
export function validateGlossary(
  files: readonly SourceFile[],
  site: SiteConfig,
  context: ValidationContext = {},
): GlossaryValidation {
  const problems: Problem[] = [];
  const terms: Term[] = [];
  const lines = new Map<Term, FieldPositions>();
  // Bodies past their bounds, which the link checks must not parse either.
  const overLimits = new Set<Term>();
  const findings = new Map<string, EntryFindings>();
  const linkParts = new Map<Term, BodyLinkParts>();
  // Slugs of every well-placed file, valid or not: a reference to an entry whose front matter is
  // broken is not "unknown" (that file's own problem is reported instead).
  const existing = new Set<string>();
  const {
    schema,
    fields: knownFields,
    own,
  } = context.extend
    ? extendTermSchema(context.extend)
    : { schema: TermFrontMatterSchema, fields: TERM_FIELDS, own: [] };
  let git: { dates: GitDates | undefined } | undefined;
  const readGit = () => (git ??= { dates: context.gitDates?.() }).dates;
  const env: EntryEnvironment = {
    site,
    schema,
    knownFields,
    own,
    publicFiles: context.publicFiles,
    git: readGit,
  };
  const validate: EntryValidator = context.cache?.begin(env) ?? ((file) => validateEntryFile(file, env));

  for (const file of files) {
    for (const note of file.notes ?? []) problems.push({ file: file.path, column: 1, ...note });
    if (file.unreadable) continue;
    const outcome = validate(file);
    problems.push(...outcome.problems);
    if (outcome.slug !== undefined) existing.add(outcome.slug);
    if (!outcome.term) continue;
    terms.push(outcome.term);
    if (outcome.overLimits) overLimits.add(outcome.term);
    if (outcome.findings) {
      findings.set(outcome.term.file, outcome.findings);
      linkParts.set(outcome.term, outcome.findings.links);
    }
    lines.set(outcome.term, outcome.positionOf ?? (() => undefined));
  }

  problems.push(...emptyGlossaryProblems(files, problems));
  if (git?.dates?.shallow) problems.push(shallowCloneWarning());
  const references = checkReferences(terms, existing, lines);
  problems.push(...references);
  problems.push(
    ...checkLinks({
      terms,
      existing,
      files,
      site,
      context,
      positions: lines,
      overLimits,
      parts: linkParts,
    }),
  );
  if (context.publicFiles) {
    const sections = [...new Set(terms.map((term) => term.section))];
    problems.push(...checkPublicFiles(context.publicFiles, context.publicSvgs ?? [], { sections, terms }));
  }
  return {
    terms,
    problems,
    positions: new Map(terms.map((term) => [term.file, lines.get(term) ?? (() => undefined)])),
    findings,
    references,
  };
}

/**
 * The error for a glossary with no readable entry file, unless the files already have an error of
 * their own. An empty glossary is refused: a missing or emptied content/ once replaced a 98-page
 * site with a 5-page one and exited 0. check:content's recheck (recheck-glossary.ts) applies it too.
 */
export function emptyGlossaryProblems(files: readonly SourceFile[], problems: readonly Problem[]): Problem[] {
  if (files.some((file) => !file.unreadable) || problems.some((p) => p.severity === 'error')) return [];
  return [
    {
      file: 'content/',
      field: 'file',
      message: 'holds no entries',
      hint: 'add content/<section>/<slug>.md files, e.g. with npm run new -- "Term" --section definition',
      severity: 'error',
      ...FILE_START,
    },
  ];
}
