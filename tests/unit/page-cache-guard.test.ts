import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  INCREMENTAL_MANIFEST,
  UNFINISHED_MARK,
  claimPageCache,
  releasePageCache,
} from '../../src/publish/page-cache-guard.ts';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const cacheWithManifest = () => {
  const dir = mkdtempSync(join(tmpdir(), 'glossa-page-cache-'));
  folders.push(dir);
  writeFileSync(join(dir, INCREMENTAL_MANIFEST), '{}');
  return dir;
};

describe('page cache guard', () => {
  it('keeps the manifest when the last build finished, and marks the cache while this one runs', () => {
    const dir = cacheWithManifest();
    expect(claimPageCache(dir)).toBe(false);
    expect(existsSync(join(dir, INCREMENTAL_MANIFEST))).toBe(true);
    expect(existsSync(join(dir, UNFINISHED_MARK))).toBe(true);
    releasePageCache(dir);
    expect(existsSync(join(dir, UNFINISHED_MARK))).toBe(false);
  });

  it('drops the manifest after a build that never released the cache, so every page renders again', () => {
    const dir = cacheWithManifest();
    claimPageCache(dir);
    expect(claimPageCache(dir)).toBe(true);
    expect(existsSync(join(dir, INCREMENTAL_MANIFEST))).toBe(false);
  });

  it('creates a cache folder that does not exist yet', () => {
    const dir = join(cacheWithManifest(), 'site-new');
    expect(claimPageCache(dir)).toBe(false);
    expect(existsSync(join(dir, UNFINISHED_MARK))).toBe(true);
  });
});
