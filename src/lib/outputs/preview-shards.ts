/**
 * The shape and the sharding of link-preview data, shared by the build and the browser. It imports
 * nothing, so the preview module bundles only this file: once it reached `urls.ts`, the bundle
 * pulled in the slugger and its transliteration tables (56 KB gzipped instead of under 2 KB).
 *
 * The data behind link previews: for each entry, what its preview shows. Pages carry none of it;
 * the preview script fetches one shard when a reader first points at or focuses a link to an
 * entry. The shard of an entry follows from its path alone (a hash), so the browser needs only
 * the number of shards to know which file holds the entry a link points to.
 */

/** What the preview of one entry shows. */
export interface PreviewEntry {
  title: string;
  keyword: string;
  summary: string;
  /** The entry's picture, its `src` already under the site's root. */
  image?: { src: string; alt: string };
}

/** One shard: previews by the entry's root-free path (`/definition/gamma/`). */
export type PreviewShard = Record<string, PreviewEntry>;

/**
 * Entries per shard, on average. At the bench's sizes an entry is about 210 bytes of JSON: at
 * 10,000 entries the 50 shards are 10 KB gzipped (11.5 KB the largest), against 458 KB for one
 * file of the whole glossary.
 */
export const ENTRIES_PER_SHARD = 200;

/** How many shards a glossary of `entryCount` entries is split into: at least one. */
export function previewShardCount(entryCount: number): number {
  return Math.max(1, Math.ceil(entryCount / ENTRIES_PER_SHARD));
}

/**
 * The shard holding the entry at `path` (root-free, `/definition/gamma/`): FNV-1a over its UTF-16
 * code units, modulo `count`. The browser imports this same function, so both sides agree.
 */
export function previewShardOf(path: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}

/** Path of a shard's file, numbered from 0: `/glossa-previews/3.json`. */
export function previewShardPath(index: number | string): string {
  return `/glossa-previews/${index}.json`;
}
