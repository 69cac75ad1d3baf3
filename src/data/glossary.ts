import { getCollection, type CollectionEntry } from 'astro:content';
import { buildGlossary } from '../lib/glossary-graph.ts';
import { loadSiteConfig } from '../lib/site-config.ts';
import type { Term } from '../lib/term.ts';
import { siteDir } from '../site-dir.ts';

/**
 * The one place that reads the content collection. Every route imports the glossary from here,
 * so entries are loaded, normalized and cross-referenced once per build.
 */

/** The validated site configuration. */
export const site = loadSiteConfig(siteDir);

const entries = await getCollection('terms');
const entryBySlug = new Map(entries.map((entry) => [entry.id, entry]));

// The loader stored exactly the validated Term (minus its body), so this cast restates what
// validateGlossary already guaranteed.
const all: Term[] = entries.map((entry) => ({
  ...(entry.data as Omit<Term, 'body'>),
  body: entry.body ?? '',
}));

/** The published glossary; drafts are included only in `astro dev` so editors can preview them. */
export const glossary = buildGlossary(
  all.filter((term) => !term.draft || import.meta.env.GLOSSA_SHOW_DRAFTS),
  site,
);

/** The collection entry of a term, for Astro's `render()`. */
export function entryOf(term: Term): CollectionEntry<'terms'> {
  const entry = entryBySlug.get(term.slug);
  if (!entry) throw new Error(`No collection entry for ${term.slug}`);
  return entry;
}
