import { getCollection, type CollectionEntry } from 'astro:content';
import { loadSiteConfig } from '../lib/site-config.ts';
import type { Term } from '../lib/term.ts';
import { siteDir } from '../site-dir.ts';

/** The validated site configuration, read once per build. */
export const site = loadSiteConfig(siteDir);

const entries = await getCollection('terms');

// The loader stored exactly the validated Term (minus its body), so this cast restates what
// validateGlossary already guaranteed.
const all: Term[] = entries.map((entry) => ({
  ...(entry.data as Omit<Term, 'body'>),
  body: entry.body ?? '',
}));

/** Published entries; drafts are included only in `astro dev` so editors can preview them. */
export const terms: Term[] = all.filter((term) => !term.draft || import.meta.env.DEV);

const entryBySlug = new Map(entries.map((entry) => [entry.id, entry]));

/** The collection entry of a term, for Astro's `render()`. */
export function entryOf(term: Term): CollectionEntry<'terms'> {
  const entry = entryBySlug.get(term.slug);
  if (!entry) throw new Error(`No collection entry for ${term.slug}`);
  return entry;
}
