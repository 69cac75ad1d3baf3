import type {
  BreadcrumbList,
  DefinedTerm,
  DefinedTermSet,
  ImageObject,
  Organization,
  Person,
} from 'schema-dts';
import { resolveAuthor, type SiteConfig } from '../site/site-config.ts';
import type { Term } from '../entries/term.ts';
import { absoluteUrl, sectionPath, termPath } from '../site/urls.ts';
import { jsonLdIds } from './ids.ts';

/** A crumb as shown on the page: the last one is the current page. */
export interface Crumb {
  name: string;
  path: string;
}

/**
 * What every page node shares, whatever its type: its id and URL, name, language, the WebSite
 * it belongs to and its breadcrumb. Spread into a WebPage, CollectionPage or SearchResultsPage.
 */
export function pageNodeBase(site: SiteConfig, url: string, name: string) {
  return {
    '@id': jsonLdIds.webPage(url),
    url,
    name,
    inLanguage: site.locale,
    isPartOf: { '@id': jsonLdIds.website(site) },
    breadcrumb: { '@id': jsonLdIds.breadcrumb(url) },
  };
}

/** The publishing organization, with its logo as an ImageObject. */
export function buildOrganization(site: SiteConfig): Organization {
  return {
    '@type': 'Organization',
    '@id': jsonLdIds.organization(site),
    name: site.publisher.name,
    url: site.publisher.url,
    logo: { '@type': 'ImageObject', url: absoluteUrl(site.url, site.publisher.logo) },
  };
}

/** An author as a Person with a URL, as search engines ask for (never a bare name). */
export function buildPerson(site: SiteConfig, authorKey: string): Person {
  const author = resolveAuthor(site, authorKey);
  return { '@type': 'Person', name: author.name, url: author.url };
}

/** A BreadcrumbList whose items mirror the visible breadcrumb, each with an absolute URL. */
export function buildBreadcrumbList(
  site: SiteConfig,
  pageUrl: string,
  crumbs: readonly Crumb[],
): BreadcrumbList {
  return {
    '@type': 'BreadcrumbList',
    '@id': jsonLdIds.breadcrumb(pageUrl),
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(site.url, crumb.path),
    })),
  };
}

/** The whole glossary as a DefinedTermSet, parent of every section's set. */
export function buildGlossarySet(site: SiteConfig): DefinedTermSet {
  return {
    '@type': 'DefinedTermSet',
    '@id': jsonLdIds.glossarySet(site),
    name: site.name,
    url: absoluteUrl(site.url, '/'),
  };
}

/** A section's DefinedTermSet, part of the glossary's set; the same node on every page. */
export function buildSectionSet(site: SiteConfig, section: { key: string; label: string }): DefinedTermSet {
  return {
    '@type': 'DefinedTermSet',
    '@id': jsonLdIds.sectionSet(site, section.key),
    name: `${site.name}: ${section.label}`,
    url: absoluteUrl(site.url, sectionPath(section.key)),
    isPartOf: { '@id': jsonLdIds.glossarySet(site) },
  };
}

/** A DefinedTerm describing an entry; `withSets` links it to its section's and the glossary's sets. */
export function buildDefinedTerm(site: SiteConfig, term: Term, withSets = true): DefinedTerm {
  const node: DefinedTerm = {
    '@type': 'DefinedTerm',
    '@id': jsonLdIds.term(site, term),
    name: term.title,
    description: term.summary,
    url: absoluteUrl(site.url, termPath(term)),
  };
  if (term.aka.length > 0) node.alternateName = term.aka;
  if (withSets) {
    node.inDefinedTermSet = [
      { '@id': jsonLdIds.sectionSet(site, term.section) },
      { '@id': jsonLdIds.glossarySet(site) },
    ];
  }
  return node;
}

/** An entry's image as an ImageObject with an absolute URL and its alt text as caption. */
export function buildImage(site: SiteConfig, image: { src: string; alt: string }): ImageObject {
  return { '@type': 'ImageObject', url: absoluteUrl(site.url, image.src), caption: image.alt };
}
