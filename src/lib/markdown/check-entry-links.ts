import { createSuggester, didYouMean } from '../checks/suggest.ts';
import type { Term } from '../entries/term.ts';
import { termPath } from '../site/urls.ts';
import { collectBodyUrls, type BodyUrl } from './body-urls.ts';
import type { BodyUrlProblem } from './check-body-urls.ts';
import { parseEntryFileLink } from './entry-links.ts';
import { bodyHeadingIds } from './heading-ids.ts';
import { LAYOUT_IDS } from './layout-ids.ts';
import { urlScheme } from './url-safety.ts';

/** What the link checks need to know about the glossary around an entry. */
export interface EntryLinkContext {
  /** Every entry that parsed, drafts included. */
  terms: readonly Term[];
  /**
   * Slugs of every entry file, including those whose front matter is broken: a link to one of
   * those is not "not an entry" (that file's own problems are reported instead).
   */
  existing?: ReadonlySet<string>;
  /**
   * Every address the published site answers at (pages, outputs, redirects), as root-free site
   * paths; called only when a body has a site path to check, since it builds the graph.
   */
  sitePaths: () => ReadonlySet<string>;
  /** Every file under `public/` as a site path; without it body images are not checked. */
  publicFiles?: ReadonlySet<string> | undefined;
}

// Ids Sätteri gives footnotes and their references; a body may link to them.
const FOOTNOTE_ID = /^(?:user-content-)?fn(?:ref)?-|^footnote-label$/;

/**
 * Checks the links and images of entry bodies against the glossary: a link to an entry (by its
 * file, `./tcp.md`, or its page, `/definition/tcp/`) must name an entry that exists and is
 * published; its `#fragment` must be a heading of that entry; a site path must be a page the
 * build writes or a file in `public/`; a body image must be a file in `public/`. Returns a
 * checker for one entry (given its body's destinations when they were collected already, see
 * check-links.ts); what it needs of the whole glossary is worked out once, on first use.
 */
export function createEntryLinkChecker(
  context: EntryLinkContext,
): (term: Term, urls?: readonly BodyUrl[]) => BodyUrlProblem[] {
  const bySlug = new Map<string, Term>();
  for (const term of context.terms) if (!bySlug.has(term.slug)) bySlug.set(term.slug, term);
  const byPath = new Map([...bySlug.values()].map((term) => [termPath(term), term]));
  const headings = new Map<Term, Set<string>>();
  const headingsOf = (term: Term) => {
    let ids = headings.get(term);
    if (!ids) headings.set(term, (ids = new Set(bodyHeadingIds(term.body))));
    return ids;
  };
  const { sitePaths } = context;
  const suggestSlug = createSuggester(bySlug.keys());
  let suggestPath: ((path: string) => string | undefined) | undefined;
  let filesSuggester: ((path: string) => string | undefined) | undefined;
  const suggestFile = (path: string) => (filesSuggester ??= createSuggester(context.publicFiles ?? []))(path);
  const pathHint = (path: string, from: Term) => {
    // A path that names another entry in it (`/term/definition/tcp/`) most likely means it.
    const named = path
      .split('/')
      .reverse()
      .find((part) => bySlug.has(part) && part !== from.slug);
    const entry = named === undefined ? undefined : bySlug.get(named);
    if (entry) return `did you mean '${termPath(entry)}'?`;
    suggestPath ??= createSuggester(sitePaths());
    return suggestPath(path) ?? 'link to an entry as /section/slug/ or ./slug.md';
  };

  return (term, urls = collectBodyUrls(term.body)) => {
    const problems: BodyUrlProblem[] = [];
    const report = (found: BodyUrl, message: string, hint: string) =>
      problems.push({ message, hint, line: found.line, column: found.column });
    // A link to an entry: it must be published (unless this entry is a draft too), and its
    // fragment must be a heading there.
    const checkTarget = (found: BodyUrl, what: string, entry: Term, fragment: string | undefined) => {
      if (entry.draft && !term.draft) {
        report(
          found,
          `${what} '${found.url}' points to '${entry.slug}', which is a draft and will not be published`,
          `publish ${entry.file} (remove draft: true) or remove the link`,
        );
      } else if (fragment !== undefined && fragment !== '') {
        checkFragment(found, what, entry, fragment);
      }
    };
    const checkFragment = (found: BodyUrl, what: string, entry: Term, fragment: string) => {
      const ids = headingsOf(entry);
      if (ids.has(fragment) || LAYOUT_IDS.has(fragment) || FOOTNOTE_ID.test(fragment)) return;
      const name = entry === term ? 'this entry' : `'${entry.slug}'`;
      const hint =
        ids.size === 0
          ? `${name} has no headings; link to the page without #${fragment}`
          : (didYouMean(fragment, ids)?.replace(/'(.*)'/, "'#$1'") ??
            `its headings: ${[...ids].map((id) => `#${id}`).join(', ')}`);
      report(
        found,
        `${what} '${found.url}' points to '#${fragment}', which is not a heading of ${name}`,
        hint,
      );
    };

    for (const found of urls) {
      const { url } = found;
      const what = found.image ? 'image' : found.kind === 'definition' ? 'link definition' : 'link';
      if (url === '' || url.startsWith('//') || urlScheme(url) !== undefined) continue;

      if (url.startsWith('#')) {
        if (!found.image) checkFragment(found, what, term, decode(url.slice(1)));
        continue;
      }
      const file = found.image ? undefined : parseEntryFileLink(url);
      if (file) {
        const entry = bySlug.get(file.slug);
        if (entry) checkTarget(found, what, entry, file.fragment);
        else if (!context.existing?.has(file.slug)) {
          const better = suggestSlug(file.slug)?.match(/'(.*)'/)?.[1];
          report(
            found,
            `${what} '${url}' points to '${file.slug}', which is not an entry in this glossary`,
            better
              ? `did you mean '${url.replace(`${file.slug}.md`, `${better}.md`)}'?`
              : 'create the entry or fix the file name',
          );
        }
        continue;
      }
      const { path, fragment } = splitUrl(url, termPath(term));
      if (found.image) {
        if (url.startsWith('/') && context.publicFiles && !context.publicFiles.has(path)) {
          report(
            found,
            `image '${url}' is not a file in public/`,
            suggestFile(path) ?? 'add the file under public/ or fix the path',
          );
        }
        continue;
      }
      if (context.publicFiles?.has(path)) continue;
      const entry = byPath.get(path);
      if (entry) {
        checkTarget(found, what, entry, fragment);
      } else if (!sitePaths().has(path)) {
        const where = url.startsWith('/') ? '' : ` leads to ${path}, which`;
        report(found, `${what} '${url}'${where} is not a page of this glossary`, pathHint(path, term));
      }
    }
    return problems;
  };
}

/** The decoded path and fragment of a destination, resolved against the page it is on. */
function splitUrl(url: string, page: string): { path: string; fragment: string | undefined } {
  const resolved = new URL(url, `https://glossary.invalid${page}`);
  return {
    path: decode(resolved.pathname),
    fragment: resolved.hash === '' ? undefined : decode(resolved.hash.slice(1)),
  };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
