import type { z } from 'zod';
import {
  AZ_PATH,
  CATEGORIES_PATH,
  TAGS_PATH,
  absoluteUrl,
  SEARCH_PATH,
  categoryPath,
  pathUnder,
  sectionPath,
  tagPath,
} from '../site/urls.ts';
import type { GlossaryJsonTermSchema } from './glossary-json.ts';

type DatedTerm = Pick<
  z.output<typeof GlossaryJsonTermSchema>,
  'url' | 'section' | 'tags' | 'categories' | 'modified'
>;

/** Site paths that are built but must never be offered to search engines. */
const UNLISTED_PATHS = ['/404/', SEARCH_PATH];

/**
 * Whether a built URL belongs in the sitemap: pages only (the feeds, JSON and Markdown copies
 * are not pages), never the glossary's 404 or search page. Drafts are never built, so never
 * listed. `root` is the path the glossary is served at (`/`, or `/docs/glossary/`).
 */
export function isSitemapPage(url: string, root = '/'): boolean {
  const path = new URL(url).pathname;
  return path.endsWith('/') && !UNLISTED_PATHS.some((unlisted) => pathUnder(root, unlisted) === path);
}

/**
 * The `lastmod` of every page that lists entries, by absolute URL: a term page's is its JSON-LD
 * `dateModified`; a section, tag or category page, the tag and category indexes, the A–Z page
 * and the home page take the newest of their
 * entries. Built from `/glossary.json`, so the sitemap says what the built pages say.
 */
export function buildLastmodIndex(siteUrl: string, terms: readonly DatedTerm[]): Map<string, string> {
  const newest = new Map<string, { at: number; iso: string }>();
  const offer = (path: string, iso: string) => {
    const url = absoluteUrl(siteUrl, path);
    const at = Date.parse(iso);
    const current = newest.get(url);
    if (!current || at > current.at) newest.set(url, { at, iso });
  };
  for (const term of terms) {
    offer(term.url, term.modified);
    offer('/', term.modified);
    offer(AZ_PATH, term.modified);
    offer(sectionPath(term.section), term.modified);
    for (const tag of term.tags) offer(tagPath(tag), term.modified);
    for (const category of term.categories) offer(categoryPath(category), term.modified);
    // The pages listing every tag and every category change with any entry that has one.
    if (term.tags.length > 0) offer(TAGS_PATH, term.modified);
    if (term.categories.length > 0) offer(CATEGORIES_PATH, term.modified);
  }
  return new Map([...newest].map(([url, { iso }]) => [url, iso]));
}
