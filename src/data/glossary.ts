import { getCollection, type CollectionEntry } from 'astro:content';
import runtime from 'virtual:glossa/config';
import { buildGlossary, createGraphMemo, type GraphMemo } from '../lib/graph/glossary-graph.ts';
import { restorePreviewParts } from '../loader/preview-entries.ts';
import { previewGeneration, previewKey } from '../loader/preview-status.ts';
import type { Term } from '../lib/entries/term.ts';
import { pathUnder } from '../lib/site/urls.ts';

/**
 * The one place that reads the content collection. Every route imports the glossary from here,
 * so entries are loaded, normalized and cross-referenced once per build.
 */

/** The validated site configuration, as the `glossa()` integration read it. */
export const site = runtime.site;

/**
 * The link a page prints for a site path (`/definition/gamma/`): under the glossary's root, so
 * a glossary served from `/docs/glossary/` or inside another site links within itself.
 */
export function href(path: string): string {
  return pathUnder(runtime.root, path);
}

/**
 * In the live preview, which reload of the glossary this evaluation of the module read it after
 * (preview-status.ts): pages print it, so one that missed a later reload can tell. Undefined in a build.
 */
export const previewShown = import.meta.env.DEV
  ? { glossary: previewKey(runtime.siteDir), generation: previewGeneration(runtime.siteDir) }
  : undefined;

// The loader keeps bodies and their HTML in memory, out of the store (src/loader/preview-entries.ts).
const entries = restorePreviewParts(runtime.siteDir, 'glossa', await getCollection('glossa'));
const entryBySlug = new Map(entries.map((entry) => [entry.id, entry]));

/**
 * What this module keeps between its evaluations in the live preview, which evaluates it again
 * after every save: each entry's Term by the loader's data object (the same object while the
 * file is unchanged), and the last graph, so the next one is patched for the entries that changed
 * (glossary-graph.ts). On a global: the module itself is evaluated afresh.
 */
const KEPT = Symbol.for('glossa.glossary-graph');
const kept = ((globalThis as { [KEPT]?: Map<string, { terms: WeakMap<object, Term>; graph: GraphMemo }> })[
  KEPT
] ??= new Map());
let memo = kept.get(runtime.siteDir);
if (!memo) kept.set(runtime.siteDir, (memo = { terms: new WeakMap(), graph: createGraphMemo() }));
const termsByData = memo.terms;

// The loader keeps what each body mentions beside the entry's data; the graph resolves it.
const all: Term[] = entries.map((entry) => {
  const body = entry.body ?? '';
  const known = termsByData.get(entry.data);
  if (known?.body === body) return known;
  const term: Term = { ...entry.data, body };
  termsByData.set(entry.data, term);
  return term;
});
const bodyMentions = new Map(entries.map((entry) => [entry.id, entry.data.bodyMentions]));

/** The published glossary; drafts are included only in `astro dev` so editors can preview them. */
export const glossary = buildGlossary(
  all.filter((term) => !term.draft || import.meta.env.GLOSSA_SHOW_DRAFTS),
  site,
  bodyMentions,
  memo.graph,
);

/** The collection entry of a term, for Astro's `render()`. */
export function entryOf(term: Term): CollectionEntry<'glossa'> {
  const entry = entryBySlug.get(term.slug);
  if (!entry) throw new Error(`No collection entry for ${term.slug}`);
  return entry;
}
