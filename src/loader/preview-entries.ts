import type { LoaderContext } from 'astro/loaders';
import type { BodyMention } from '../lib/autolink/plan.ts';

/** An entry's rendered HTML as the loader's `renderMarkdown` returns it. */
type Rendered = Awaited<ReturnType<LoaderContext['renderMarkdown']>>;

/** The parts of an entry that the loader keeps in memory instead of the content store. */
export interface PreviewParts {
  /** The entry's data, body mentions included: the store holds only an empty object. */
  data: { bodyMentions: BodyMention[] };
  body: string;
  rendered: Rendered;
  /** The entry's file, relative to the project root, as the store has it (Astro's `render()` reads it). */
  filePath: string;
  /** The digest of what these parts were rendered from: the loader renders again when it differs. */
  digest: string;
  /**
   * The digest of what the parts were rendered from besides the glossary's names (code, settings,
   * the entry's data and text), and the digest of all the names the `digest` was worked out with
   * (glossary-loader.ts): while both stand, so does `digest`, without the body's names key.
   */
  sources?: { own: string; names: string } | undefined;
}

/**
 * Why the live preview keeps bodies out of the content store: Astro rewrites the whole store file
 * and every page reloads all of it on each change. At 10,000 entries the store is 184 MB, mostly
 * rendered HTML, bodies and body mentions; serializing it (devalue) took 18-21 s, and reading and
 * parsing it back 6 s, on this shared machine, for a one-word edit. In `astro dev` the loader and
 * the pages run in one process, so the loader keeps those parts here and `src/data/glossary.ts`
 * puts them back. The entries' data went the same way: at 7 MB it still cost seconds a save, to
 * write, to load again as a module and to unpack, so the store holds each entry's id, file and
 * digest only. Builds keep them here too: their pages render in the same process, and a store
 * holding every body and its HTML is written and parsed again on every build, and cannot be
 * written at all at 100,000 entries (longer than V8's longest string). Between builds the parts
 * are kept on disk instead (kept-parts-file.ts).
 *
 * The store is not what the pages list either: in the live preview the entries are these parts.
 * Astro writes the store 500 ms after the last change to it and only then reloads the pages, so a
 * page that listed the store's entries would wait for that write (and miss an added entry until
 * it). The store still holds the id of each entry the preview started with, so a site's own
 * `getCollection('glossa')` sees them; entries added or deleted later are not written to it, since
 * any change to the store has Astro write and reload all of it (glossary-loader.ts).
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
  collection: string;
  body?: string | undefined;
  rendered?: Rendered | undefined;
  filePath?: string | undefined;
  digest?: string | number | undefined;
  data: { bodyMentions: BodyMention[] };
}

/**
 * The collection's entries with the parts the loader kept in memory put back. Entries kept
 * nowhere (a store written by an older Glossa) come back as they are. Otherwise the entries are those
 * the loader kept, whether or not the store has been written since (see above), in the order of
 * the store's ids; an entry of the store the loader has not rendered again since a restart is left
 * out until it has, since its data is in memory only.
 */
export function restorePreviewParts<Entry extends StoredEntry>(
  siteDir: string,
  collection: string,
  entries: Entry[],
): Entry[] {
  const parts = previewParts(siteDir);
  if (parts.size === 0) return entries.filter((entry) => !isPreviewStub(entry));
  const stored = new Map(entries.map((entry) => [entry.id, entry]));
  // Astro's store lists ids in this order (it sorts them when it writes the store).
  const ids = [...parts.keys()].sort((a, b) => a.localeCompare(b));
  return ids.map((id) => {
    const kept = parts.get(id) as PreviewParts;
    const { body, rendered, filePath, digest } = kept;
    // An entry added since the store was last written is not in it yet: it is made from its parts.
    const entry = stored.get(id) ?? ({ id, collection } as Entry);
    return { ...entry, body, rendered, filePath, digest, data: kept.data as Entry['data'] };
  });
}

/** An entry the live preview stored without its data (see above). */
function isPreviewStub(entry: StoredEntry): boolean {
  return Object.keys(entry.data).length === 0;
}
