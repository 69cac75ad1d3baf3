import { z } from 'zod';
import { toIsoDateTime } from '../entries/dates.ts';
import type { Glossary } from '../graph/glossary-graph.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { absoluteUrl, termMarkdownPath, termPath } from '../site/urls.ts';

/** Path of the whole glossary as JSON. */
export const GLOSSARY_JSON_PATH = '/glossary.json';

const IsoDateTime = z.iso.datetime({ offset: true });

/** One published entry in `/glossary.json`. Every URL is absolute. */
export const GlossaryJsonTermSchema = z.strictObject({
  slug: z.string(),
  section: z.string(),
  /** The term page. */
  url: z.url(),
  /** The entry as Markdown (`/<section>/<slug>.md`). */
  markdownUrl: z.url(),
  title: z.string(),
  summary: z.string(),
  keyword: z.string(),
  aka: z.array(z.string()),
  tags: z.array(z.string()),
  categories: z.array(z.string()),
  /** Term-page URLs of the related entries, in the editor's order (drafts left out). */
  related: z.array(z.url()),
  /**
   * Term-page URLs of the entries the page mentions: those listed in `mentions`, then those the
   * body links to or names (as the page's JSON-LD `mentions`).
   */
  mentions: z.array(z.url()),
  /** ISO 8601 date-times with offset, as in the page's JSON-LD. */
  published: IsoDateTime,
  updated: IsoDateTime.nullable(),
  /** `updated`, else `published`: the page's JSON-LD `dateModified`. */
  modified: IsoDateTime,
  /** The site's own fields (glossa.schema.ts), when it declares any. */
  fields: z.record(z.string(), z.unknown()).optional(),
});

/** The document served at `/glossary.json`: the site and every published entry, A–Z. */
export const GlossaryJsonSchema = z.strictObject({
  name: z.string(),
  description: z.string(),
  url: z.url(),
  language: z.string(),
  terms: z.array(GlossaryJsonTermSchema),
});

/** The parsed shape of `/glossary.json`. */
export type GlossaryJson = z.output<typeof GlossaryJsonSchema>;

/** Builds `/glossary.json` from the published glossary. */
export function buildGlossaryJson(site: SiteConfig, glossary: Glossary): GlossaryJson {
  const date = (value: string) => toIsoDateTime(value, site.timezone);
  return {
    name: site.name,
    description: site.description,
    url: absoluteUrl(site.url, '/'),
    language: site.locale,
    terms: glossary.terms.map((term) => ({
      slug: term.slug,
      section: term.section,
      url: absoluteUrl(site.url, termPath(term)),
      markdownUrl: absoluteUrl(site.url, termMarkdownPath(term)),
      title: term.title,
      summary: term.summary,
      keyword: term.keyword,
      aka: [...term.aka],
      tags: [...term.tags],
      categories: [...term.categories],
      related: glossary.related(term).map((t) => absoluteUrl(site.url, termPath(t))),
      mentions: glossary.mentions(term).map((t) => absoluteUrl(site.url, termPath(t))),
      published: date(term.published),
      updated: term.updated === undefined ? null : date(term.updated),
      modified: date(term.updated ?? term.published),
      ...(term.fields ? { fields: term.fields } : {}),
    })),
  };
}
