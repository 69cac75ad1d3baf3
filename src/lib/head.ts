import { toIsoDateTime } from './dates.ts';
import type { SiteConfig } from './site-config.ts';
import { absoluteUrl } from './urls.ts';

/** One `<meta>` or `<link>` element of the document head. */
export interface HeadTag {
  tag: 'meta' | 'link';
  attrs: Record<string, string>;
}

/** What a page says about itself; everything in the head is derived from it. */
export interface PageMeta {
  /** The page's visible title (the `<h1>`). */
  title: string;
  /** The meta description: a term's summary, a section's description. */
  description: string;
  /** Site path of the page; made absolute for canonical and og:url. */
  path: string;
  /** Article metadata for term pages. */
  article?: { published: string; modified: string; section: string; tags: readonly string[] };
  image?: { src: string; alt: string };
  /** Keep the page out of search results (the 404 page). */
  noindex?: boolean;
}

/** The full document title: the page title followed by the site name, or the site name alone. */
export function documentTitle(site: SiteConfig, title: string): string {
  return title === site.name ? site.name : `${title} | ${site.name}`;
}

/**
 * Builds the head's meta and link elements for a page: description, canonical URL, Open Graph
 * and Twitter tags. Built as data (and printed by a tiny component) so tests can check it and so
 * the values are the same strings the JSON-LD uses.
 */
export function buildHeadTags(site: SiteConfig, page: PageMeta): HeadTag[] {
  const url = absoluteUrl(site.url, page.path);
  const meta = (key: 'name' | 'property', name: string, content: string): HeadTag => ({
    tag: 'meta',
    attrs: { [key]: name, content },
  });
  const tags: HeadTag[] = [
    meta('name', 'description', page.description),
    { tag: 'link', attrs: { rel: 'canonical', href: url } },
    meta('property', 'og:site_name', site.name),
    meta('property', 'og:title', page.title),
    meta('property', 'og:description', page.description),
    meta('property', 'og:url', url),
    meta('property', 'og:type', page.article ? 'article' : 'website'),
    meta('property', 'og:locale', site.locale.replace('-', '_')),
  ];
  if (page.article) {
    tags.push(
      meta('property', 'article:published_time', toIsoDateTime(page.article.published, site.timezone)),
      meta('property', 'article:modified_time', toIsoDateTime(page.article.modified, site.timezone)),
      meta('property', 'article:section', page.article.section),
      ...page.article.tags.map((tag) => meta('property', 'article:tag', tag)),
    );
  }
  if (page.image) {
    tags.push(
      meta('property', 'og:image', absoluteUrl(site.url, page.image.src)),
      meta('property', 'og:image:alt', page.image.alt),
    );
  }
  tags.push(
    meta('name', 'twitter:card', page.image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', page.title),
    meta('name', 'twitter:description', page.description),
  );
  if (page.image) tags.push(meta('name', 'twitter:image', absoluteUrl(site.url, page.image.src)));
  if (page.noindex) tags.push(meta('name', 'robots', 'noindex'));
  return tags;
}
