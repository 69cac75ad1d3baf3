import type {
  CollectionPage,
  DefinedTermSet,
  Graph,
  SearchAction,
  SearchResultsPage,
  WebSite,
  WithActionConstraints,
} from 'schema-dts';
import type { Section } from '../graph/glossary-graph.ts';
import type { SiteConfig } from '../site/site-config.ts';
import type { Term } from '../entries/term.ts';
import { SEARCH_PATH, absoluteUrl } from '../site/urls.ts';
import { jsonLdIds } from './ids.ts';
import {
  buildBreadcrumbList,
  buildDefinedTerm,
  buildGlossarySet,
  buildOrganization,
  buildSectionSet,
  pageNodeBase,
  type Crumb,
} from './shared-nodes.ts';

/**
 * The JSON-LD graph of a section index: a CollectionPage whose main entity is the section's
 * DefinedTermSet, listing the terms shown on that page (large sections list one initial per
 * page, so the data never claims entries the page does not show).
 */
export function buildSectionPageGraph(
  site: SiteConfig,
  section: Section,
  listed: readonly Term[],
  pagePath: string,
  crumbs: readonly Crumb[],
): Graph {
  const url = absoluteUrl(site.url, pagePath);
  const set: DefinedTermSet = {
    ...buildSectionSet(site, section),
    hasDefinedTerm: listed.map((term) => buildDefinedTerm(site, term, false)),
  };
  if (section.description) set.description = section.description;
  const page: CollectionPage = {
    '@type': 'CollectionPage',
    ...pageNodeBase(site, url, crumbs.at(-1)?.name ?? section.label),
    mainEntity: { '@id': set['@id'] as string },
  };
  return {
    '@context': 'https://schema.org',
    '@graph': [
      page,
      set,
      buildBreadcrumbList(site, url, crumbs),
      buildGlossarySet(site),
      buildWebSite(site),
      buildOrganization(site),
    ],
  };
}

/**
 * The WebSite node, published by the organization, with the SearchAction that tells search
 * engines how to query the site's own search page (`/search/?q=…`).
 */
export function buildWebSite(site: SiteConfig): WebSite {
  const search: WithActionConstraints<SearchAction> = {
    '@type': 'SearchAction',
    target: {
      '@type': 'EntryPoint',
      urlTemplate: `${absoluteUrl(site.url, SEARCH_PATH)}?q={search_term_string}`,
    },
    'query-input': 'required name=search_term_string',
  };
  return {
    '@type': 'WebSite',
    '@id': jsonLdIds.website(site),
    url: absoluteUrl(site.url, '/'),
    name: site.name,
    description: site.description,
    inLanguage: site.locale,
    publisher: { '@id': jsonLdIds.organization(site) },
    potentialAction: search,
  };
}

/** The JSON-LD graph of the home page: WebSite, Organization and the glossary's DefinedTermSet. */
export function buildHomePageGraph(site: SiteConfig, sections: readonly Section[]): Graph {
  const glossarySet: DefinedTermSet = {
    ...buildGlossarySet(site),
    description: site.description,
    hasPart: sections.map((s) => ({ '@id': jsonLdIds.sectionSet(site, s.key) })),
  };
  const sectionSets = sections.map((s) => buildSectionSet(site, s));
  return {
    '@context': 'https://schema.org',
    '@graph': [buildWebSite(site), buildOrganization(site), glossarySet, ...sectionSets],
  };
}

/**
 * The JSON-LD graph of a plain listing page (A–Z, tags, categories): a CollectionPage with its
 * breadcrumb, part of the WebSite. The listed entries are links, not described terms, so they
 * are left to the term pages themselves.
 */
export function buildCollectionPageGraph(
  site: SiteConfig,
  page: { name: string; description: string; path: string; crumbs: readonly Crumb[] },
  type: 'CollectionPage' | 'SearchResultsPage' = 'CollectionPage',
): Graph {
  const url = absoluteUrl(site.url, page.path);
  const node: CollectionPage | SearchResultsPage = {
    '@type': type,
    ...pageNodeBase(site, url, page.name),
    description: page.description,
  };
  return {
    '@context': 'https://schema.org',
    '@graph': [
      node,
      buildBreadcrumbList(site, url, page.crumbs),
      buildWebSite(site),
      buildOrganization(site),
    ],
  };
}
