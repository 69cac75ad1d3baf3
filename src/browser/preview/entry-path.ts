/**
 * Which links preview an entry, decided by their address alone: a link is to an entry when its
 * path, under the glossary's root, is `/<section>/<slug>/`. Markup is not consulted, so links in
 * bodies, lists and cards, hand-written or generated, all qualify the same way.
 */

/** Two-segment paths that belong to Glossa's own listing pages, not to entries. */
const LISTING_FOLDERS = new Set(['tags', 'categories']);

/**
 * The root-free path (`/definition/gamma/`) of the entry `href` points to, or undefined when it
 * points elsewhere: another site, a listing page, a file, or the page the reader is on (`here`).
 * `root` is the glossary's root path, with slashes at both ends (`/docs/glossary/`).
 */
export function entryPathOf(href: string, root: string, here: URL): string | undefined {
  const url = new URL(href, here);
  if (url.origin !== here.origin || !url.pathname.startsWith(root)) return undefined;
  if (url.pathname === here.pathname) return undefined;
  const path = url.pathname.slice(root.length - 1);
  const match = /^\/([^/]+)\/[^/]+\/$/.exec(path);
  return match && !LISTING_FOLDERS.has(match[1] ?? '') ? path : undefined;
}
