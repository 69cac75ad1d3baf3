import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { PreviewParts } from './preview-entries.ts';

/**
 * The files a build keeps its entries' rendered parts in between builds, so the next build renders
 * only the bodies whose digest changed.
 *
 * Why not Astro's content store, which would keep them too: its single file is one devalue string
 * of every entry (184 MB at 10,000 entries, written and parsed again on every build) and cannot
 * hold 100,000 entries at all, being longer than the longest string V8 allows (512 MiB); its
 * chunked form finds chunk ends with one TextEncoder call per character, minutes at 10,000
 * entries. These files are V8's structured serialization, split into shards by slug so a build
 * that rendered a few bodies rewrites only their shards.
 */

/** How many files the parts are spread over. */
const SHARDS = 32;

/** Which shard holds an entry: a stable hash of its slug. */
export function shardOf(slug: string): number {
  let hash = 2166136261;
  for (let i = 0; i < slug.length; i++) hash = Math.imul(hash ^ slug.charCodeAt(i), 16777619);
  return (hash >>> 0) % SHARDS;
}

/** The name of shard `n`'s file. */
function shardName(n: number): string {
  return `parts-${String(n).padStart(2, '0')}.v8`;
}

/**
 * Reads every shard in `dir` into `parts`. A missing folder, a missing shard or one that cannot be
 * read (written by another Node, cut short) leaves its entries out: they are rendered again.
 */
export function loadKeptParts(dir: string, parts: Map<string, PreviewParts>): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (let n = 0; n < SHARDS; n++) {
    if (!names.includes(shardName(n))) continue;
    try {
      const entries = deserialize(readFileSync(join(dir, shardName(n)))) as [string, PreviewParts][];
      for (const [slug, kept] of entries) parts.set(slug, kept);
    } catch {
      // Rendered again, and the shard rewritten, by this build.
    }
  }
}

/**
 * Writes the shards of `parts` that hold one of the `changed` slugs (rendered or deleted), or
 * every shard when `changed` is `'all'`. Each file is written under another name, then renamed,
 * so a build stopped halfway leaves whole shards behind.
 */
export function saveKeptParts(
  dir: string,
  parts: ReadonlyMap<string, PreviewParts>,
  changed: Iterable<string> | 'all',
): void {
  const dirty = new Set<number>();
  if (changed === 'all') for (let n = 0; n < SHARDS; n++) dirty.add(n);
  else for (const slug of changed) dirty.add(shardOf(slug));
  if (dirty.size === 0) return;
  const shards = new Map<number, [string, PreviewParts][]>([...dirty].map((n) => [n, []]));
  for (const entry of parts) shards.get(shardOf(entry[0]))?.push(entry);
  mkdirSync(dir, { recursive: true });
  for (const [n, entries] of shards) {
    const file = join(dir, shardName(n));
    writeFileSync(`${file}.tmp`, serialize(entries));
    renameSync(`${file}.tmp`, file);
  }
}
