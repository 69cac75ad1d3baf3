import { stripXmlForbidden } from '../checks/control-characters.ts';
import { toIsoDateTime } from '../entries/dates.ts';
import type { Glossary } from '../graph/glossary-graph.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { FEED_PATH, absoluteUrl, sectionFeedPath, sectionPath, termPath } from '../site/urls.ts';

/** One RSS item, in the shape `@astrojs/rss` takes (which escapes every value when it writes XML). */
export interface FeedItem {
  title: string;
  /** Absolute URL of the term page. */
  link: string;
  /** The term's summary. */
  description: string;
  /** When the entry last changed: `updated`, else `published`, so a revised entry resurfaces. */
  pubDate: Date;
  categories: string[];
}

/** A feed's channel and items. */
export interface Feed {
  title: string;
  description: string;
  /** Absolute URL of the page the feed follows: the home page or the section index. */
  link: string;
  /** Absolute URL of the feed itself, announced as its `atom:link rel="self"`. */
  self: string;
  /** Language of the entries (the site's locale), as the channel's `<language>`. */
  language: string;
  items: FeedItem[];
}

/**
 * The feed of the whole glossary, or of one section: its `site.feedSize` most recently
 * published or updated entries, newest first.
 */
export function buildFeed(site: SiteConfig, glossary: Glossary, sectionKey?: string): Feed {
  const terms = glossary.recent.filter((t) => sectionKey === undefined || t.section === sectionKey);
  const section = sectionKey === undefined ? undefined : glossary.sections.find((s) => s.key === sectionKey);
  return {
    title: section ? `${site.name}: ${section.label}` : site.name,
    description: section?.description ?? site.description,
    link: absoluteUrl(site.url, section ? sectionPath(section.key) : '/'),
    self: absoluteUrl(site.url, section ? sectionFeedPath(section.key) : FEED_PATH),
    language: site.locale,
    items: terms.slice(0, site.feedSize).map((term) => ({
      title: term.title,
      link: absoluteUrl(site.url, termPath(term)),
      description: term.summary,
      pubDate: new Date(toIsoDateTime(term.updated ?? term.published, site.timezone)),
      categories: [...term.categories],
    })),
  };
}

/**
 * The options `@astrojs/rss` takes for a feed; its `site` becomes the channel's link. The
 * channel also names its language and its own address (`atom:link rel="self"`, which feed
 * validators ask for). Both go in as raw XML: the locale is a validated language tag and the URL
 * is percent-encoded, so only `&` could need escaping.
 */
export function toRssOptions(feed: Feed): {
  title: string;
  description: string;
  site: string;
  items: FeedItem[];
  xmlns: Record<string, string>;
  customData: string;
} {
  const self = feed.self.replaceAll('&', '&amp;');
  // Validation refuses control characters; stripping what XML forbids keeps a feed well-formed
  // even if some other path (a future field, a config read elsewhere) lets one through.
  return {
    title: stripXmlForbidden(feed.title),
    description: stripXmlForbidden(feed.description),
    site: feed.link,
    items: feed.items.map((item) => ({
      ...item,
      title: stripXmlForbidden(item.title),
      description: stripXmlForbidden(item.description),
      categories: item.categories.map(stripXmlForbidden),
    })),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${feed.language}</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
  };
}
