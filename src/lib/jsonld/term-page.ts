import type { Article, Graph, WebPage } from 'schema-dts';
import { toIsoDateTime } from '../entries/dates.ts';
import type { Glossary } from '../graph/glossary-graph.ts';
import type { SiteConfig } from '../site/site-config.ts';
import type { Term } from '../entries/term.ts';
import { absoluteUrl, sectionPath, termPath } from '../site/urls.ts';
import { jsonLdIds } from './ids.ts';
import {
  buildBreadcrumbList,
  buildDefinedTerm,
  buildGlossarySet,
  buildImage,
  buildOrganization,
  buildPerson,
  buildSectionSet,
  pageNodeBase,
  type Crumb,
} from './shared-nodes.ts';

/** The visible breadcrumb of a term page: Home › Section › Title. */
export function termCrumbs(glossary: Glossary, term: Term): Crumb[] {
  return [
    { name: 'Home', path: '/' },
    { name: glossary.sectionOf(term).label, path: sectionPath(term.section) },
    { name: term.title, path: termPath(term) },
  ];
}

/**
 * The JSON-LD graph of a term page: WebPage, Article, BreadcrumbList, the term's own DefinedTerm
 * in its section's DefinedTermSet, and the publisher, all linked by `@id`. Every value comes from
 * the same entry the page renders, so the structured data says what the page shows. `cardPaths`
 * are the site paths of the term's social card in the aspect ratios Google asks of an Article
 * image; they follow the entry's own picture, the one the page shows.
 */
export function buildTermPageGraph(
  site: SiteConfig,
  glossary: Glossary,
  term: Term,
  cardPaths: readonly string[] = [],
): Graph {
  const url = absoluteUrl(site.url, termPath(term));
  const section = glossary.sectionOf(term);
  const published = toIsoDateTime(term.published, site.timezone);
  const modified = toIsoDateTime(term.updated ?? term.published, site.timezone);
  const mentions = glossary.mentions(term).map((t) => buildDefinedTerm(site, t, false));

  const webPage: WebPage = {
    '@type': 'WebPage',
    ...pageNodeBase(site, url, term.title),
    description: term.summary,
    about: { '@id': jsonLdIds.term(site, term) },
    mainEntity: { '@id': jsonLdIds.article(url) },
    datePublished: published,
    dateModified: modified,
  };
  if (mentions.length > 0) webPage.mentions = mentions;

  const article: Article = {
    '@type': 'Article',
    '@id': jsonLdIds.article(url),
    headline: term.title,
    description: term.summary,
    url,
    mainEntityOfPage: { '@id': jsonLdIds.webPage(url) },
    author: buildPerson(site, term.author),
    publisher: { '@id': jsonLdIds.organization(site) },
    datePublished: published,
    dateModified: modified,
    articleSection: section.label,
    inLanguage: site.locale,
    about: { '@id': jsonLdIds.term(site, term) },
  };
  const images = [
    ...(term.image ? [buildImage(site, term.image)] : []),
    ...cardPaths.map((path) => absoluteUrl(site.url, path)),
  ];
  const [only] = images;
  if (only !== undefined) article.image = images.length === 1 ? only : images;
  if (term.tags.length > 0) article.keywords = term.tags;

  return {
    '@context': 'https://schema.org',
    '@graph': [
      webPage,
      article,
      buildBreadcrumbList(site, url, termCrumbs(glossary, term)),
      buildDefinedTerm(site, term),
      buildSectionSet(site, section),
      buildGlossarySet(site),
      buildOrganization(site),
      {
        '@type': 'WebSite',
        '@id': jsonLdIds.website(site),
        url: absoluteUrl(site.url, '/'),
        name: site.name,
      },
    ],
  };
}
