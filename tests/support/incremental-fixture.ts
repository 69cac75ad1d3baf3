import { cpSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { glossaryCacheDir } from '../../src/integration/cache-dir.ts';
import { buildSite } from './build-fixture.ts';

const root = resolve(import.meta.dirname, '../..');
const outputs = join(root, 'tests/.output');
const astroCache = pathToFileURL(join(root, 'node_modules/.astro/'));

/** A copy of tests/fixtures/incremental built twice (rebuilt) and once more from cold. */
export interface IncrementalFixture {
  /** The glossary's copy, to edit between the builds. */
  siteDir: string;
  /** Built first, then again after the edit, from its own cache. */
  rebuiltDir: string;
  /** Built once, after the edit, with no cache. */
  coldDir: string;
  /** Copies the fixture afresh and drops both output folders' caches. */
  reset(): void;
  /** Builds the copy into `outDir`, with `env` added; returns the build's log without colour codes. */
  build(outDir: string, env?: Record<string, string>): string;
  /** Removes the copy, both output folders and their caches. */
  cleanUp(): void;
}

/**
 * The incremental-build fixture under `tests/.output/<name>*`. Each output folder has its own
 * Astro cache (glossaryCacheDir), so the rebuild finds the first build's and the cold build none.
 */
export function incrementalFixture(name: string): IncrementalFixture {
  const work = join(outputs, name);
  const siteDir = join(work, 'site');
  const rebuiltDir = join(outputs, `${name}-rebuilt`);
  const coldDir = join(outputs, `${name}-cold`);
  // The integration keys the cache on Astro's outDir as a path, which ends in a slash.
  const cacheOf = (outDir: string) => fileURLToPath(glossaryCacheDir(astroCache, siteDir, `${outDir}/`));
  return {
    siteDir,
    rebuiltDir,
    coldDir,
    reset() {
      rmSync(work, { recursive: true, force: true });
      cpSync(join(root, 'tests/fixtures/incremental'), siteDir, { recursive: true });
      for (const dir of [rebuiltDir, coldDir]) rmSync(cacheOf(dir), { recursive: true, force: true });
    },
    build(outDir, env = {}) {
      const result = buildSite(siteDir, relative(outputs, outDir), env, { log: true });
      if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
      // Astro colours its log when CI is set (as on CI machines): the codes go before matching.
      return stripVTControlCharacters(result.output);
    },
    cleanUp() {
      for (const dir of [rebuiltDir, coldDir]) {
        rmSync(cacheOf(dir), { recursive: true, force: true });
        rmSync(dir, { recursive: true, force: true });
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}
