import type { Term } from '../entries/term.ts';
import { pathUnder, termPath } from '../site/urls.ts';

/**
 * Redirects from an entry's old addresses (`redirectFrom: [old-slug, /old/path/]`), so a renamed
 * or moved entry keeps the links others made to it. Each old address gets a static page that
 * sends readers on (src/routes/[...redirect].astro) and a line of `_redirects`, which hosts that
 * read one (Netlify, Cloudflare Pages) answer with a real 301 before any page is served.
 */

/** One old address of an entry. */
export interface Redirect {
  /** The old address as a root-free site path: `/definition/old-name/`, `/old/path/`. */
  from: string;
  /** The entry's page. */
  to: string;
  /** The entry it leads to, and the index of the item in its `redirectFrom`. */
  term: Term;
  index: number;
}

/**
 * The site path of one `redirectFrom` item: an old slug is the same section's `/<section>/<slug>/`;
 * a path is taken as written, with the trailing slash pages have unless its last part names a
 * file (`/old.html`).
 */
export function redirectSource(term: Pick<Term, 'section'>, item: string): string {
  if (!item.startsWith('/')) return termPath({ section: term.section, slug: item });
  const last = item.slice(item.lastIndexOf('/') + 1);
  return item.endsWith('/') || last.includes('.') ? item : `${item}/`;
}

/** Whether an old address is a folder, which gets a redirect page (`/old/`), not a file (`/old.html`). */
export function isPageAddress(path: string): boolean {
  return path.endsWith('/');
}

/** Every redirect of the given entries, in their order and the order of their lists. */
export function collectRedirects(terms: readonly Term[]): Redirect[] {
  return terms.flatMap((term) =>
    term.redirectFrom.map((item, index) => ({
      from: redirectSource(term, item),
      to: termPath(term),
      term,
      index,
    })),
  );
}

/**
 * The `_redirects` file: one `from to 301` line per old address, both under the glossary's root
 * (`/docs/glossary/…` on a sub-path), sorted so the file is the same on every build.
 */
export function buildRedirectsFile(
  redirects: readonly Pick<Redirect, 'from' | 'to'>[],
  root: string,
): string {
  const lines = redirects
    .map((r) => `${encodeURI(pathUnder(root, r.from))} ${encodeURI(pathUnder(root, r.to))} 301`)
    .sort();
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Where the build collects the redirects before the redirects-file integration reads them. */
export const REDIRECTS_BUNDLE = '/glossa-redirects.json';

/** The bundle's content: each old address and the entry page it leads to, as root-free site paths. */
export interface RedirectsBundle {
  redirects: { from: string; to: string }[];
}

/** The bundle of every redirect of the published glossary. */
export function buildRedirectsBundle(terms: readonly Term[]): RedirectsBundle {
  return { redirects: collectRedirects(terms).map(({ from, to }) => ({ from, to })) };
}
