import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultGlossaryCacheDir } from '../../src/integration/cache-dir.ts';
import { UNFINISHED_MARK } from '../../src/publish/page-cache-guard.ts';
import { fingerprint, publishSite } from '../support/build-fixture.ts';

// `npm run build` (the atomic wrapper) on a glossary built before: every build starts in an empty
// staging folder, so unchanged pages are copied from Astro's cache, and the editor is told so.

const root = resolve(import.meta.dirname, '../..');
const siteDir = join(root, 'tests/fixtures/incremental');
const outDir = join(root, 'tests/.output/incremental-publish/site');
const cacheDir = fileURLToPath(defaultGlossaryCacheDir(root, siteDir, outDir));

const clean = () => {
  rmSync(join(root, 'tests/.output/incremental-publish'), { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
};
clean();
afterAll(clean);

const publish = () => {
  const result = publishSite(siteDir, outDir, { args: [] });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};

describe('npm run build after an earlier build', () => {
  it('copies every unchanged page it can and says how many', () => {
    expect(publish()).not.toContain('unchanged since the last build');
    const first = fingerprint(outDir);
    // 8 entries, 2 sections, 2 categories, 5 tags; the other pages and outputs always render.
    expect(publish()).toContain('\n17 pages were unchanged since the last build and copied from it.\n');
    expect(fingerprint(outDir)).toEqual(first);
  });

  it('renders every page again after a build that did not finish, and publishes the same site', () => {
    const before = fingerprint(outDir);
    // What a build killed while rendering leaves behind.
    writeFileSync(join(cacheDir, UNFINISHED_MARK), '1\n');
    const stdout = publish();
    expect(stdout).toContain('The last build did not finish: every page is rendered again this time.\n');
    expect(stdout).not.toContain('unchanged since the last build');
    expect(fingerprint(outDir)).toEqual(before);
    expect(publish()).toContain('\n17 pages were unchanged since the last build and copied from it.\n');
  });
});
