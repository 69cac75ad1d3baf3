import GithubSlugger from 'github-slugger';
import { spellSymbols } from '../entries/slugify.ts';

/**
 * Every path and absolute URL of the site is made here, so the canonical link, og:url, JSON-LD
 * ids, breadcrumbs and the sitemap always carry the same string. Paths end with a slash because
 * the site is built with `trailingSlash: 'always'`.
 */

/** Section folder names that would collide with Glossa's own pages. */
export const RESERVED_SECTIONS = [
  'tags',
  'categories',
  'search',
  'a-z',
  '_astro',
  'pagefind',
  'social-cards',
] as const;
/** Slugs that would collide with a section's own sub-pages. */
export const RESERVED_SLUGS = ['a-z'] as const;

/** Path of a term page: `/definition/negative-gamma/`. */
export function termPath(term: { section: string; slug: string }): string {
  return `/${term.section}/${term.slug}/`;
}

/**
 * A glob, relative to the output folder, matching the built file of every term page in the given
 * sections and nothing else (`/<section>/<slug>/index.html`; section indexes and per-letter pages
 * sit one level up or down). Undefined when there are no sections.
 */
export function termPagesGlob(sections: readonly string[]): string | undefined {
  if (sections.length === 0) return undefined;
  const folders = sections.length === 1 ? sections[0] : `{${sections.join(',')}}`;
  return `${folders}/*/index.html`;
}

/** Path of a term's Markdown copy: `/definition/negative-gamma.md`. */
export function termMarkdownPath(term: { section: string; slug: string }): string {
  return `/${term.section}/${term.slug}.md`;
}

/** Path of the whole glossary's RSS feed. */
export const FEED_PATH = '/rss.xml';

/** Path of a section's RSS feed: `/definition/rss.xml`. */
export function sectionFeedPath(section: string): string {
  return `/${section}/rss.xml`;
}

/** Path of the site search page, which reads its query from `?q=`. */
export const SEARCH_PATH = '/search/';

/** Path of the titles and synonyms list that search suggestions are drawn from. */
export const SEARCH_NAMES_PATH = '/search/names.json';

/** Path of Pagefind's browser bundle, which the search code imports on demand. */
export const PAGEFIND_BUNDLE_PATH = '/pagefind/pagefind.js';

/** Path of a section index: `/definition/`. */
export function sectionPath(section: string): string {
  return `/${section}/`;
}

/** Path of the page listing a section's entries for one initial, used by large sections: `/definition/a-z/g/`. */
export function sectionLetterPath(section: string, letter: string): string {
  return `/${section}/a-z/${letterKey(letter)}/`;
}

/** Path of the whole-glossary A–Z page. */
export const AZ_PATH = '/a-z/';

/**
 * URL-safe key of a tag or category name ("Market Structure" → "market-structure", "C#" →
 * "c-sharp", "C++" → "c-plus-plus"). Letters of any script are kept as they are (percent-encoded
 * in URLs, readable in the address bar), so existing tag URLs do not move.
 */
export function taxonomyKey(name: string): string {
  return new GithubSlugger().slug(spellSymbols(name)).replace(/-{2,}/g, '-').replace(/^-|-$/g, '') || 'other';
}

/** Path of the page listing every tag. */
export const TAGS_PATH = '/tags/';

/** Path of the page listing every category. */
export const CATEGORIES_PATH = '/categories/';

/** Path of a tag page: `/tags/hedging/`. */
export function tagPath(tag: string): string {
  return `/tags/${taxonomyKey(tag)}/`;
}

/** Path of a category page: `/categories/options/`. */
export function categoryPath(category: string): string {
  return `/categories/${taxonomyKey(category)}/`;
}

/** Key of an A–Z group: `a`…`z`, or `0-9` for anything else. */
export function letterKey(letter: string): string {
  return letter === '#' ? '0-9' : letter.toLowerCase();
}

/**
 * Absolute URL of a site path (or an already absolute URL, returned unchanged), in the
 * percent-encoded form browsers and Astro's sitemap use: a tag such as "ünïcode" must read the
 * same in the canonical link, the JSON-LD and the sitemap. The path is joined to the site URL
 * rather than resolved against it, so a site served from a sub-folder keeps that folder.
 */
export function absoluteUrl(siteUrl: string, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  if (siteUrl !== plain.site) plain = plainBaseOf(siteUrl);
  // A path of plain characters without dot segments is what URL would print anyway.
  if (plain.base !== undefined && PLAIN_PATH.test(path) && !path.includes('/.')) return plain.base + path;
  const joined = `${siteUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  let href = absoluteUrls.get(joined);
  if (href === undefined) {
    href = new URL(joined).href;
    if (absoluteUrls.size >= ABSOLUTE_URL_CACHE_LIMIT) absoluteUrls.clear();
    absoluteUrls.set(joined, href);
  }
  return href;
}
// Every page names dozens of other pages by URL (JSON-LD, Open Graph, feeds), the same few
// thousand again and again; parsing each with URL was almost a second of a 10,000-entry build.
const absoluteUrls = new Map<string, string>();
const ABSOLUTE_URL_CACHE_LIMIT = 200_000;
// Even the cache took 1.7 s of a 10,000-entry build (a million calls: two replaces, a long string
// key hashed each time); most paths need neither.
const PLAIN_PATH = /^\/(?!\/)[\w\-.~/]*$/;
let plain: { site: string; base: string | undefined } = { site: '', base: undefined };

/** The site URL without its trailing slashes, when URL would print it the same (else undefined). */
function plainBaseOf(site: string): { site: string; base: string | undefined } {
  const base = site.replace(/\/+$/, '');
  try {
    return { site, base: new URL(`${base}/`).href === `${base}/` ? base : undefined };
  } catch {
    return { site, base: undefined };
  }
}

/**
 * The link a page prints for a site path: the path under the glossary's root (`/docs/glossary/`
 * when the glossary is served from a sub-path, `/` otherwise). Absolute URLs, `#fragments` and
 * `?queries` are returned unchanged. Paths made here stay root-free so the same path also builds
 * the absolute URL (`absoluteUrl`, whose site URL already ends in that root).
 */
export function pathUnder(root: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  return `${root.replace(/\/+$/, '')}${path}`;
}

/**
 * The root path a glossary is served at, with a leading and a trailing slash: Astro's `base`
 * joined with the glossary's `prefix` inside it (`'/docs'` + `'/glossary'` → `/docs/glossary/`).
 */
export function joinRoot(base: string, prefix: string): string {
  const parts = [...base.split('/'), ...prefix.split('/')].filter((part) => part !== '');
  return parts.length === 0 ? '/' : `/${parts.join('/')}/`;
}
