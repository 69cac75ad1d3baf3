import type { LoaderContext } from 'astro/loaders';
import type { BodyMention } from '../lib/autolink/plan.ts';

/** An entry's rendered HTML as the loader's `renderMarkdown` returns it. */
type Rendered = Awaited<ReturnType<LoaderContext['renderMarkdown']>>;

/** The bulky parts of an entry that the live preview keeps in memory instead of the content store. */
export interface PreviewParts {
  body: string;
  rendered: Rendered;
  bodyMentions: BodyMention[];
}

/**
 * Why the live preview keeps bodies out of the content store: Astro rewrites the whole store file
 * and every page reloads all of it on each change. At 10,000 entries the store is 184 MB, mostly
 * rendered HTML, bodies and body mentions; serializing it (devalue) took 18-21 s, and reading and
 * parsing it back 6 s, on this shared machine, for a one-word edit. In `astro dev` the loader and
 * the pages run in one process, so the loader keeps those parts here, the store holds the entries'
 * data (about 6 MB), and `src/data/glossary.ts` puts the two back together. Builds never use it:
 * their store must hold everything, since pages render from it later.
 */
const CACHE = Symbol.for('glossa.preview-entries');

/** The in-memory parts of the glossary in `siteDir`, by slug (shared by the loader and the pages). */
export function previewParts(siteDir: string): Map<string, PreviewParts> {
  const holder = globalThis as { [CACHE]?: Map<string, Map<string, PreviewParts>> };
  const bySite = (holder[CACHE] ??= new Map());
  let parts = bySite.get(siteDir);
  if (!parts) bySite.set(siteDir, (parts = new Map()));
  return parts;
}

/** A collection entry as far as restoring its parts goes. */
interface StoredEntry {
  id: string;
  body?: string | undefined;
  rendered?: Rendered | undefined;
  data: { bodyMentions: BodyMention[] };
}

/**
 * The collection's entries with the parts the live preview kept in memory put back; entries it
 * did not keep (every entry of a build) come back as they are.
 */
export function restorePreviewParts<Entry extends StoredEntry>(siteDir: string, entries: Entry[]): Entry[] {
  const parts = previewParts(siteDir);
  if (parts.size === 0) return entries;
  return entries.map((entry) => {
    const kept = parts.get(entry.id);
    if (!kept) return entry;
    return {
      ...entry,
      body: kept.body,
      rendered: kept.rendered,
      data: { ...entry.data, bodyMentions: kept.bodyMentions },
    };
  });
}
