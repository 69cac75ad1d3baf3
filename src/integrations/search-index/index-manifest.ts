import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';

/** One page of a written Pagefind index: the name of its fragment file and its word count. */
export interface IndexedPage {
  fragment: string;
  wordCount: number;
}

/** What a written Pagefind index consists of, read back from its own files. */
export interface IndexManifest {
  /** The Pagefind version that wrote it. */
  version: string;
  /** Every page, in the index's page order. */
  pages: IndexedPage[];
  /** Every file the index refers to, relative to its folder (`fragment/en_3324ea6.pf_fragment`). */
  files: Set<string>;
}

/**
 * Pagefind prefixes every file it compresses with this marker before gzipping it
 * (pagefind/src/output/mod.rs); its browser code strips it again.
 */
const FILE_MARKER = 'pagefind_dcd';

/**
 * Reads the index Pagefind wrote into `dir`: `pagefind-entry.json` names each language's
 * metadata file, which lists the pages' fragments, the word index's chunks and the filters.
 * The metadata is CBOR with positional fields (Pagefind's `MetaIndex`, index/index_metadata.rs):
 * `[version, pages [[hash, word count, …]], chunks [[from, to, hash]], filters [[name, hash]], …]`.
 * Returns undefined when `dir` holds no index this can read (none yet, or another layout).
 */
export function readIndexManifest(dir: string): IndexManifest | undefined {
  let entry: { version?: unknown; languages?: Record<string, { hash?: unknown }> };
  try {
    entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as typeof entry;
  } catch {
    return undefined;
  }
  if (typeof entry.version !== 'string' || !entry.languages) return undefined;
  const manifest: IndexManifest = { version: entry.version, pages: [], files: new Set() };
  for (const language of Object.values(entry.languages)) {
    if (typeof language.hash !== 'string') return undefined;
    const metaFile = `pagefind.${language.hash}.pf_meta`;
    const meta = readCompressed(join(dir, metaFile), (bytes) => decode(bytes));
    if (!isMeta(meta)) return undefined;
    manifest.files.add(metaFile);
    for (const [hash, wordCount] of meta[1]) {
      manifest.pages.push({ fragment: `fragment/${hash}.pf_fragment`, wordCount });
      manifest.files.add(`fragment/${hash}.pf_fragment`);
    }
    for (const chunk of meta[2]) manifest.files.add(`index/${chunk[2]}.pf_index`);
    for (const filter of meta[3]) manifest.files.add(`filter/${filter[1]}.pf_filter`);
  }
  return manifest;
}

/** The fields of a page's fragment that tell which page and which version of it the file holds. */
export interface FragmentIdentity {
  url: string;
  wordCount: number;
}

/** Reads a fragment file's URL and word count; undefined when it is not a readable fragment. */
export function readFragmentIdentity(path: string): FragmentIdentity | undefined {
  const data = readCompressed(path, (bytes) => JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown);
  if (typeof data !== 'object' || data === null) return undefined;
  const { url, word_count: wordCount } = data as { url?: unknown; word_count?: unknown };
  return typeof url === 'string' && typeof wordCount === 'number' ? { url, wordCount } : undefined;
}

/** Gunzips one of Pagefind's files and hands its contents, past the marker, to `parse`. */
function readCompressed<T>(path: string, parse: (bytes: Uint8Array) => T): T | undefined {
  try {
    const bytes = gunzipSync(readFileSync(path));
    if (bytes.subarray(0, FILE_MARKER.length).toString('latin1') !== FILE_MARKER) return undefined;
    return parse(bytes.subarray(FILE_MARKER.length));
  } catch {
    return undefined;
  }
}

type Meta = [string, [string, number, ...unknown[]][], [string, string, string][], [string, string][]];

function isMeta(value: unknown): value is Meta {
  if (!Array.isArray(value) || value.length < 4 || typeof value[0] !== 'string') return false;
  const [, pages, chunks, filters] = value as unknown[];
  return (
    Array.isArray(pages) &&
    pages.every((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number') &&
    Array.isArray(chunks) &&
    chunks.every((c) => Array.isArray(c) && typeof c[2] === 'string') &&
    Array.isArray(filters) &&
    filters.every((f) => Array.isArray(f) && typeof f[1] === 'string')
  );
}
