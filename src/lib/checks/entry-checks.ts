import type { PositionLookup } from '../entries/entry-file.ts';
import type { Problem } from './problems.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { didYouMean } from './suggest.ts';
import type { Term } from '../entries/term.ts';

/**
 * Checks of one parsed entry against the site: its author is one of the configured authors, and
 * an `image.src` path is a file under `public/` (when the caller listed them).
 */
export function checkAgainstSite(
  file: { path: string },
  term: Pick<Term, 'image'>,
  author: string | undefined,
  site: SiteConfig,
  publicFiles: ReadonlySet<string> | undefined,
  positionOf: PositionLookup,
): Problem[] {
  const problems: Problem[] = [];
  const at = (field: string) => positionOf(field) ?? { line: 1, column: 1 };
  if (author !== undefined && !Object.hasOwn(site.authors, author)) {
    problems.push({
      file: file.path,
      field: 'author',
      message: `'${author}' is not an author in glossa.config.yaml`,
      hint:
        didYouMean(author, Object.keys(site.authors)) ??
        `known authors: ${Object.keys(site.authors).join(', ')}`,
      severity: 'error',
      ...at('author'),
    });
  }
  const src = term.image?.src;
  if (publicFiles && src?.startsWith('/') && !publicFiles.has(src.split(/[?#]/)[0] ?? src)) {
    problems.push({
      file: file.path,
      field: 'image.src',
      message: `'${src}' is not a file in public/`,
      hint: didYouMean(src, publicFiles) ?? 'add the file under public/ or fix the path',
      severity: 'error',
      ...(positionOf('image.src') ?? at('image')),
    });
  }
  return problems;
}
