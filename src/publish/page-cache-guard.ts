/**
 * Keeps Astro's incremental build from trusting a page cache that a build left half-written.
 * Astro copies each rendered page into its cache as it goes but writes the manifest that says
 * which key each copy belongs to only once every page is done; a build that fails or is killed in
 * between leaves copies newer than the manifest, and a later build whose keys match the old
 * manifest (an edit undone, say) would publish the newer copies. So every build marks the cache
 * as in use and unmarks it only on success; a build that finds the mark drops the manifest, and
 * renders every page once (the content store, a separate file, stays warm).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Astro's manifest of the incremental build, in its cache folder (astro/dist/core/build/incremental.js). */
export const INCREMENTAL_MANIFEST = 'incremental-build.json';
/** The mark of a build that has not finished yet. */
export const UNFINISHED_MARK = 'glossa-build-unfinished';

/**
 * Run before Astro starts: if the previous build using `cacheDir` did not finish, deletes the
 * incremental manifest and returns `true`; then marks the cache as in use by this build.
 */
export function claimPageCache(cacheDir: string): boolean {
  const mark = join(cacheDir, UNFINISHED_MARK);
  const unfinished = existsSync(mark);
  if (unfinished) rmSync(join(cacheDir, INCREMENTAL_MANIFEST), { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(mark, `${process.pid}\n`);
  return unfinished;
}

/** Run once the build has succeeded: the cache's copies and manifest agree again. */
export function releasePageCache(cacheDir: string): void {
  rmSync(join(cacheDir, UNFINISHED_MARK), { force: true });
}
