import { buildGlossary } from '../graph/glossary-graph.ts';
import { checkRedirects } from '../outputs/redirects-check.ts';
import { collectRedirects } from '../outputs/redirects.ts';
import { bodyError } from '../checks/body-checks.ts';
import type { Problem } from '../checks/problems.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { glossarySitePaths } from '../site/site-paths.ts';
import type { Term } from '../entries/term.ts';
import type { FieldPositions, SourceFile, ValidationContext } from '../checks/validate-glossary.ts';
import { checkBodyLimits } from './body-limits.ts';
import { collectBodyUrls, type BodyUrl } from './body-urls.ts';
import type { BodyUrlProblem } from './check-body-urls.ts';
import { createEntryLinkChecker } from './check-entry-links.ts';
import { findUnclosedComments, type UnclosedComment } from './html-comments.ts';
import { urlScheme } from './url-safety.ts';

/**
 * What the link checks read from one body: its destinations that point into the site (web links
 * and other schemes are not checked) and the HTML comments it leaves open. Both come from parsing
 * the body alone, so the validation cache keeps them with the file's outcome and a check of an
 * unchanged entry parses nothing; what they point to is checked against the glossary every time.
 */
export interface BodyLinkParts {
  urls: BodyUrl[];
  unclosed: UnclosedComment[];
}

/** The parts of `body` the link checks read (see `BodyLinkParts`). */
export function findBodyLinkParts(body: string): BodyLinkParts {
  const urls = collectBodyUrls(body).filter(
    ({ url }) => url !== '' && !url.startsWith('//') && urlScheme(url) === undefined,
  );
  return { urls, unclosed: findUnclosedComments(body) };
}

/** What the link checks are given by the validator. */
export interface LinkCheckInput {
  terms: readonly Term[];
  /** Slugs of every entry file, valid or not (see EntryLinkContext.existing). */
  existing: ReadonlySet<string>;
  files: readonly SourceFile[];
  site: SiteConfig;
  context: ValidationContext;
  positions: ReadonlyMap<Term, FieldPositions>;
  /**
   * The terms whose bodies go past their bounds, when the validator found them already; worked
   * out here otherwise (a second pass over every body, a second at 100,000 entries).
   */
  overLimits?: ReadonlySet<Term>;
  /** Each body's parts as the validator found them; a body missing here is parsed now. */
  parts?: ReadonlyMap<Term, BodyLinkParts>;
  /**
   * The site's page addresses (glossary-site paths), asked for only when a link or an old address
   * needs them; built from the published entries' graph when not given.
   */
  pagePaths?: () => ReadonlySet<string>;
}

/**
 * The checks between entries that links make: body links and images (check-entry-links.ts) and
 * old addresses (`redirectFrom`, redirects-check.ts), as problems positioned in the files; and,
 * in the same pass over bodies, HTML comments left open (html-comments.ts). The
 * site's addresses are worked out once, from the published entries, and only if something needs them.
 */
export function checkLinks({
  terms,
  existing,
  files,
  site,
  context,
  positions,
  overLimits,
  parts,
  pagePaths: givenPaths,
}: LinkCheckInput): Problem[] {
  const published = terms.filter((term) => !term.draft);
  let pages: ReadonlySet<string> | undefined;
  const pagePaths = () =>
    (pages ??= givenPaths ? givenPaths() : glossarySitePaths(buildGlossary(published, site)));
  let addresses: Set<string> | undefined;
  const sitePaths = () =>
    (addresses ??= new Set([...pagePaths(), ...collectRedirects(published).map((r) => r.from)]));

  const problems: Problem[] = [];
  const check = createEntryLinkChecker({ terms, existing, sitePaths, publicFiles: context.publicFiles });
  // Files, not texts: check:content leaves unchanged files unread until a problem needs one.
  const sources = new Map(files.map((file) => [file.path, file]));
  for (const term of terms) {
    // A body past its bounds is reported by the validator and never parsed.
    if (overLimits ? overLimits.has(term) : checkBodyLimits(term.body).length > 0) continue;
    const { urls, unclosed } = parts?.get(term) ?? findBodyLinkParts(term.body);
    const found: BodyUrlProblem[] = [
      ...check(term, urls),
      ...unclosed.map((at) => ({
        ...at,
        message:
          'has an HTML comment that is never closed, so the page would show the rest of the entry as text',
        hint: 'end the comment with -->',
      })),
    ];
    if (found.length === 0) continue;
    // The body is the file's last lines (entry-file.ts), so its first line follows from the counts.
    const fileLines = (sources.get(term.file)?.text ?? '').split(/\r\n?|\n/).length;
    const bodyLine = fileLines - term.body.split('\n').length + 1;
    for (const problem of found) problems.push(bodyError(term.file, bodyLine, problem));
  }
  for (const problem of checkRedirects(published, pagePaths)) {
    const field = `redirectFrom[${problem.index}]`;
    const at = positions.get(problem.term);
    problems.push({
      file: problem.term.file,
      field,
      message: problem.message,
      hint: problem.hint,
      severity: 'error',
      ...(at?.(field) ?? at?.('redirectFrom') ?? { line: 1, column: 1 }),
    });
  }
  return problems;
}
