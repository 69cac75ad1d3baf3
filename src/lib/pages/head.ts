import { toIsoDateTime } from '../entries/dates.ts';
import { cutAtWord } from '../checks/sentences.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { siteSocialImage, type SocialImage } from '../social-cards/plan.ts';
import { FEED_PATH, absoluteUrl, sectionFeedPath } from '../site/urls.ts';

/** One `<meta>` or `<link>` element of the document head. */
export interface HeadTag {
  tag: 'meta' | 'link';
  attrs: Record<string, string>;
}

/** Another representation of a page, announced with `<link rel="alternate">`. */
export interface Alternate {
  /** Media type, e.g. `application/rss+xml` or `text/markdown`. */
  type: string;
  /** Site path (or absolute URL) of the alternate; printed as an absolute URL. */
  path: string;
  /** What a reader or tool is offered, e.g. "Definition feed". */
  title: string;
}

/** The alternate announcing a section's RSS feed, on the section's index and its term pages. */
export function sectionFeedAlternate(site: SiteConfig, section: { key: string; label: string }): Alternate {
  return {
    type: 'application/rss+xml',
    path: sectionFeedPath(section.key),
    title: `${site.name}: ${section.label}`,
  };
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
  /**
   * The PNG, JPEG or WebP social sites show for a link to the page (og:image, twitter:image).
   * Left out, the site's card; null, none.
   */
  socialImage?: SocialImage | null | undefined;
  /**
   * Keep the page out of search results (the 404 page). Such a page also gets no canonical URL
   * or og:url: the 404 page answers at every missing address, and `/404/` itself is no page.
   */
  noindex?: boolean;
  /** Alternates beyond the site feed every page announces: a section feed, a Markdown copy. */
  alternates?: readonly Alternate[];
}

/**
 * Longest meta description: search engines show about 160 characters and cut the rest mid-word.
 * The page itself shows the summary in full.
 */
export const DESCRIPTION_MAX = 160;

/** The full document title: the page title followed by the site name, or the site name alone. */
export function documentTitle(site: SiteConfig, title: string): string {
  return title === site.name ? site.name : `${title} | ${site.name}`;
}

/**
 * Builds the head's meta and link elements for a page: description, canonical URL, Open Graph
 * and Twitter tags, and the alternates (the site's RSS feed on every page, plus the page's own).
 * Built as data (and printed by a tiny component) so tests can check it and so the values are the
 * same strings the JSON-LD uses.
 */
export function buildHeadTags(site: SiteConfig, page: PageMeta): HeadTag[] {
  const url = absoluteUrl(site.url, page.path);
  const meta = (key: 'name' | 'property', name: string, content: string): HeadTag => ({
    tag: 'meta',
    attrs: { [key]: name, content },
  });
  const addressable = !page.noindex;
  const description = cutAtWord(page.description, DESCRIPTION_MAX, site.locale);
  const tags: HeadTag[] = [
    meta('name', 'description', description),
    ...(addressable ? [{ tag: 'link', attrs: { rel: 'canonical', href: url } } as const] : []),
    meta('property', 'og:site_name', site.name),
    meta('property', 'og:title', page.title),
    meta('property', 'og:description', description),
    ...(addressable ? [meta('property', 'og:url', url)] : []),
    meta('property', 'og:type', page.article ? 'article' : 'website'),
    meta('property', 'og:locale', toOgLocale(site.locale)),
  ];
  if (page.article) {
    tags.push(
      meta('property', 'article:published_time', toIsoDateTime(page.article.published, site.timezone)),
      meta('property', 'article:modified_time', toIsoDateTime(page.article.modified, site.timezone)),
      meta('property', 'article:section', page.article.section),
      ...page.article.tags.map((tag) => meta('property', 'article:tag', tag)),
    );
  }
  const image = page.socialImage === undefined ? siteSocialImage(site) : page.socialImage;
  if (image) {
    tags.push(
      meta('property', 'og:image', absoluteUrl(site.url, image.src)),
      meta('property', 'og:image:type', image.type),
      meta('property', 'og:image:width', String(image.width)),
      meta('property', 'og:image:height', String(image.height)),
      meta('property', 'og:image:alt', image.alt),
    );
  }
  tags.push(
    meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', page.title),
    meta('name', 'twitter:description', description),
  );
  if (image) {
    tags.push(
      meta('name', 'twitter:image', absoluteUrl(site.url, image.src)),
      meta('name', 'twitter:image:alt', image.alt),
    );
  }
  const alternates: Alternate[] = [
    { type: 'application/rss+xml', path: FEED_PATH, title: site.name },
    ...(page.alternates ?? []),
  ];
  for (const alt of alternates) {
    tags.push({
      tag: 'link',
      attrs: { rel: 'alternate', type: alt.type, href: absoluteUrl(site.url, alt.path), title: alt.title },
    });
  }
  // A staging copy must never be indexed, whatever the page.
  if (page.noindex || site.staging) tags.push(meta('name', 'robots', 'noindex'));
  return tags;
}

/**
 * The Open Graph locale for a BCP 47 locale: language and territory joined by `_`, the form
 * Facebook and LinkedIn accept (`en_US`). A bare language gets its likely territory, as
 * Intl.Locale's maximize() gives it (`en` → `en_US`, `fr` → `fr_FR`, `pt-BR` stays `pt_BR`).
 */
export function toOgLocale(locale: string): string {
  let tag = ogLocales.get(locale);
  if (tag === undefined) {
    const { language, region } = new Intl.Locale(locale).maximize();
    tag = region ? `${language}_${region}` : language;
    ogLocales.set(locale, tag);
  }
  return tag;
}
// Every page asks for the same one or two locales; maximizing one each time cost 0.5 s at 10,000.
const ogLocales = new Map<string, string>();
