import type { SiteConfig } from '../site/site-config.ts';
import { absoluteUrl, sectionPath, termPath } from '../site/urls.ts';

/**
 * Stable `@id`s for JSON-LD nodes. Nodes on different pages that describe the same thing (the
 * organization, a section's term set, a term) get the same id, so a crawler can merge them.
 */
export const jsonLdIds = {
  organization: (site: SiteConfig) => absoluteUrl(site.url, '/#organization'),
  website: (site: SiteConfig) => absoluteUrl(site.url, '/#website'),
  glossarySet: (site: SiteConfig) => absoluteUrl(site.url, '/#glossary'),
  sectionSet: (site: SiteConfig, section: string) => `${absoluteUrl(site.url, sectionPath(section))}#set`,
  term: (site: SiteConfig, term: { section: string; slug: string }) =>
    `${absoluteUrl(site.url, termPath(term))}#term`,
  webPage: (pageUrl: string) => `${pageUrl}#webpage`,
  article: (pageUrl: string) => `${pageUrl}#article`,
  breadcrumb: (pageUrl: string) => `${pageUrl}#breadcrumb`,
};
