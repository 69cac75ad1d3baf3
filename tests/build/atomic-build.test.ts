import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint, publishSite } from '../support/build-fixture.ts';

const root = resolve(import.meta.dirname, '../..');
const outParent = join(root, 'tests/.output/atomic');
const outDir = join(outParent, 'site');

/** Runs `npm run build`'s script on a fixture, publishing into `outDir`. */
function publish(fixture: string, args: readonly string[] = ['--silent']) {
  return publishSite(join(root, 'tests/fixtures', fixture), outDir, { args });
}

rmSync(outParent, { recursive: true, force: true });
afterAll(() => rmSync(outParent, { recursive: true, force: true }));

describe('npm run build (atomic publishing)', () => {
  it('produces byte-identical files when the same content is built twice', () => {
    expect(publish('basic').status).toBe(0);
    const first = fingerprint(outDir);
    expect(Object.keys(first)).toContain('index.html');
    expect(publish('basic').status).toBe(0);
    expect(fingerprint(outDir)).toEqual(first);
  });

  it('leaves the previous site byte-for-byte intact when a build fails, and no staging folder behind', () => {
    const before = fingerprint(outDir);
    expect(Object.keys(before).length).toBeGreaterThan(10);
    const failed = publish('broken');
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain(`Build failed: ${outDir} was left unchanged.`);
    expect(fingerprint(outDir)).toEqual(before);
    expect(existsSync(join(outParent, '.glossa-tmp'))).toBe(false);
  });

  it('says first how many entries it checks, and never names its staging folder', () => {
    const built = publish('basic', []);
    expect(built.status).toBe(0);
    expect(built.stdout.split('\n')[0]).toBe('Checking 6 entries…');
    // Astro colours its log in CI; the folder it names is what matters.
    expect(stripVTControlCharacters(built.stdout)).toContain(`directory: ${outDir}/`);
    const failed = publish('broken', []);
    expect(failed.status).not.toBe(0);
    for (const output of [built.stdout, built.stderr, failed.stdout, failed.stderr]) {
      expect(output).not.toContain('.glossa-tmp');
    }
  });
});
