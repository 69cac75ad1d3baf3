import { copyFileSync, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  readFragmentIdentity,
  readIndexManifest,
  type FragmentIdentity,
  type IndexManifest,
} from './index-manifest.ts';

/**
 * Keeps the fragments of the index just written in `keepDir`, with the two files that list them,
 * for `seedFragments` in the next build. Fragments are hard links where possible (Pagefind never
 * writes into an existing one), and `keepDir` is replaced in one rename, so an interrupted build
 * leaves either the old set or the new one.
 */
export function keepForNextBuild(outputDir: string, keepDir: string): void {
  const manifest = readIndexManifest(outputDir);
  if (!manifest) return;
  const next = `${keepDir}.next-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  mkdirSync(join(next, 'fragment'), { recursive: true });
  for (const { fragment } of manifest.pages) linkOrCopy(join(outputDir, fragment), join(next, fragment));
  // Copies, not links: Pagefind rewrites these two in place when it writes into an existing index.
  for (const file of [
    'pagefind-entry.json',
    ...[...manifest.files].filter((file) => file.endsWith('.pf_meta')),
  ]) {
    copyFileSync(join(outputDir, file), join(next, file));
  }
  rmSync(keepDir, { recursive: true, force: true });
  mkdirSync(dirname(keepDir), { recursive: true });
  renameSync(next, keepDir);
}

/**
 * Puts the page fragments of the previous build's index into the new index's folder before
 * Pagefind writes it. Pagefind names each fragment after a hash of its contents and does not
 * compress or write a fragment whose file is already there (`WriteBehavior::Immutable`,
 * pagefind/src/output/mod.rs), so only the pages that changed are written again. At 10,000 entries
 * writing is a third of Pagefind's time: 8 of its 26 CPU seconds, on one thread, almost all of it
 * gzip at its best level on 10,000 fragments.
 *
 * Only an index written by the same Pagefind version is reused (another version may compress the
 * same page differently). Files are hard-linked where the two folders share a file system.
 * Returns the names seeded, relative to `outputDir`.
 */
export function seedFragments(previousDir: string, outputDir: string, version: string): Set<string> {
  const seeded = new Set<string>();
  if (resolve(previousDir) === resolve(outputDir)) return seeded;
  const previous = readIndexManifest(previousDir);
  if (!previous || previous.version !== version) return seeded;
  mkdirSync(join(outputDir, 'fragment'), { recursive: true });
  for (const { fragment } of previous.pages) {
    if (seeded.has(fragment)) continue;
    try {
      linkOrCopy(join(previousDir, fragment), join(outputDir, fragment));
      seeded.add(fragment);
    } catch {
      // A fragment the previous index lost is simply written again.
    }
  }
  return seeded;
}

/** What `settleSeededIndex` found. */
export interface SettledIndex {
  /** Seeded fragments the new index uses. */
  reused: number;
  /** Seeded fragments it does not use, now deleted. */
  removed: number;
  /**
   * Why the new index cannot be trusted to hold the right pages, or undefined when it can. The
   * caller then deletes the index and writes it again without seeds.
   */
  problem?: string;
}

/**
 * Makes a freshly written index that was seeded by `seedFragments` what Pagefind would have
 * written into an empty folder: deletes the seeded fragments it does not refer to (pages deleted
 * or changed since), and checks the ones it does refer to. A fragment's name is only 7 hex digits of
 * its hash, so a new page can be given the name of an old, different fragment; Pagefind then keeps
 * the old file. Every fragment the index uses must therefore hold one of `expectedUrls` (the pages
 * indexed now), each URL once, with the word count the index's metadata gives it: a kept fragment
 * of another page shows as that page twice (or as a page gone), and one of an older version of
 * the same page by its word count, unless its words are as many (a 1 in 2^28 clash of hashes on
 * top of that, for an edited page).
 */
export function settleSeededIndex(
  outputDir: string,
  seeded: Set<string>,
  expectedUrls: Set<string>,
): SettledIndex {
  const manifest = readIndexManifest(outputDir);
  if (!manifest) return { reused: 0, removed: 0, problem: 'its metadata could not be read back' };
  let removed = 0;
  for (const fragment of seeded) {
    if (manifest.files.has(fragment)) continue;
    rmSync(join(outputDir, fragment), { force: true });
    removed++;
  }
  const reused = seeded.size - removed;
  const problem = checkFragments(outputDir, manifest, expectedUrls);
  return problem ? { reused, removed, problem } : { reused, removed };
}

/**
 * The first reason the index's fragments do not match the pages indexed, if there is one. A page
 * in two fragments is looked for first: it names the page whose old fragment was kept by mistake.
 */
function checkFragments(
  outputDir: string,
  manifest: IndexManifest,
  expectedUrls: Set<string>,
): string | undefined {
  const identities: (FragmentIdentity & { fragment: string; expected: number })[] = [];
  for (const page of manifest.pages) {
    const identity = readFragmentIdentity(join(outputDir, page.fragment));
    if (!identity) return `${page.fragment} is missing or unreadable`;
    identities.push({ ...identity, fragment: page.fragment, expected: page.wordCount });
  }
  const seen = new Set<string>();
  for (const { url } of identities) {
    // A fragment's contents include its URL, so no two pages can share one.
    if (seen.has(url)) return `${url} is in two fragments`;
    seen.add(url);
  }
  for (const { url, wordCount, fragment, expected } of identities) {
    if (!expectedUrls.has(url)) return `${fragment} holds ${url}, a page not indexed now`;
    if (wordCount !== expected) return `${fragment} holds another version of ${url}`;
  }
  return undefined;
}

/**
 * The URL Pagefind gives the page at `file` (relative to the site's folder, `/` separated):
 * its path from the site's root, without a final `index.html` (pagefind/src/fossick/mod.rs,
 * `build_url`, without `keep_index_url`).
 */
export function pagefindUrlOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    copyFileSync(from, to);
  }
}
