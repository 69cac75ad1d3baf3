import type { LoaderContext } from 'astro/loaders';
import type { BodyMention } from '../lib/autolink/plan.ts';

/** An entry's rendered HTML as the loader's `renderMarkdown` returns it. */
type Rendered = Awaited<ReturnType<LoaderContext['renderMarkdown']>>;

/** The parts of an entry that the live preview keeps in memory instead of the content store. */
export interface PreviewParts {
  /** The entry's data, body mentions included: the store holds only an empty object. */
  data: { bodyMentions: BodyMention[] };
  body: string;
  rendered: Rendered;
}

/**
 * Why the live preview keeps bodies out of the content store: Astro rewrites the whole store file
 * and every page reloads all of it on each change. At 10,000 entries the store is 184 MB, mostly
 * rendered HTML, bodies and body mentions; serializing it (devalue) took 18-21 s, and reading and
 * parsing it back 6 s, on this shared machine, for a one-word edit. In `astro dev` the loader and
 * the pages run in one process, so the loader keeps those parts here and `src/data/glossary.ts`
 * puts them back. The entries' data went the same way: at 7 MB it still cost seconds a save, to
 * write, to load again as a module and to unpack, so the store holds each entry's id, file and
 * digest only. Builds never use it: their store must hold everything, since pages render from it
 * later.
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
 * did not keep (every entry of a build) come back as they are. A preview's entry whose parts are
 * gone (the store outlived a restart, and the loader has not rendered it again yet) is left out
 * until it has: its data is in memory only.
 */
export function restorePreviewParts<Entry extends StoredEntry>(siteDir: string, entries: Entry[]): Entry[] {
  const parts = previewParts(siteDir);
  if (parts.size === 0) return entries.filter((entry) => !isPreviewStub(entry));
  return entries.flatMap((entry) => {
    const kept = parts.get(entry.id);
    if (!kept) return isPreviewStub(entry) ? [] : [entry];
    return [{ ...entry, body: kept.body, rendered: kept.rendered, data: kept.data as Entry['data'] }];
  });
}

/** An entry the live preview stored without its data (see above). */
function isPreviewStub(entry: StoredEntry): boolean {
  return Object.keys(entry.data).length === 0;
}
