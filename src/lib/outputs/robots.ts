import type { SiteConfig } from '../site/site-config.ts';
import { absoluteUrl } from '../site/urls.ts';

/** Where @astrojs/sitemap writes its index, which robots.txt names for crawlers. */
export const SITEMAP_INDEX_PATH = '/sitemap-index.xml';

/**
 * The text of robots.txt: everything may be crawled and the sitemap index is named by its
 * absolute URL; on a staging site everything is disallowed and no sitemap is offered.
 */
export function buildRobotsTxt(site: SiteConfig): string {
  if (site.staging) return 'User-agent: *\nDisallow: /\n';
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site.url, SITEMAP_INDEX_PATH)}\n`;
}
