import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deleteTrash,
  parseStagingName,
  publishBuild,
  recoverOutDir,
  stagingPaths,
} from '../../src/publish/staging.ts';

let parent: string;
let outDir: string;
let staging: string;
const LIVE = 4242;
const isAlive = (pid: number) => pid === LIVE;

/** Makes a folder holding one file whose text names it, so a test can tell which folder moved where. */
function folder(path: string, label: string, mtime?: number) {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'label.txt'), label);
  if (mtime !== undefined) utimesSync(path, mtime, mtime);
}
const labelOf = (path: string) => readFileSync(join(path, 'label.txt'), 'utf8');

beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'glossa-staging-'));
  outDir = join(parent, 'dist');
  staging = join(parent, '.glossa-tmp');
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

describe('parseStagingName', () => {
  it('reads the process id and the state from a staging folder name', () => {
    expect(parseStagingName('dist', 'dist-12.building')).toEqual({ pid: 12, state: 'building' });
    expect(parseStagingName('dist', 'dist-12.ready')).toEqual({ pid: 12, state: 'ready' });
    expect(parseStagingName('dist', 'dist-12.previous')).toEqual({ pid: 12, state: 'previous' });
    expect(parseStagingName('dist', 'dist-12.previous.trash')).toEqual({ pid: 12, state: 'trash' });
  });

  it('counts names from before states were named as trash, never as a site to restore', () => {
    expect(parseStagingName('dist', 'dist-12')).toEqual({ pid: 12, state: 'trash' });
    expect(parseStagingName('dist', 'dist-12-previous')).toEqual({ pid: 12, state: 'trash' });
  });

  it('ignores the staging folders of another output folder and names that are not ours', () => {
    expect(parseStagingName('dist', 'dist-2-12.ready')).toBeUndefined();
    expect(parseStagingName('dist', 'site-12.ready')).toBeUndefined();
    expect(parseStagingName('dist', 'dist-12.ready.bak')).toBeUndefined();
    expect(parseStagingName('dist', 'notes.txt')).toBeUndefined();
  });
});

describe('recoverOutDir', () => {
  it('does nothing when there is no staging folder at all', () => {
    expect(recoverOutDir(outDir, { isAlive })).toEqual({ removed: 0 });
    expect(existsSync(staging)).toBe(false);
  });

  it('finishes a swap cut between its renames: the finished build becomes the output folder', () => {
    folder(join(staging, 'dist-7.ready'), 'new');
    folder(join(staging, 'dist-7.previous'), 'old');
    expect(recoverOutDir(outDir, { isAlive })).toEqual({ restored: 'ready', removed: 1 });
    expect(labelOf(outDir)).toBe('new');
    expect(existsSync(staging)).toBe(false);
  });

  it('puts the previous site back when the output folder is missing and no finished build is left', () => {
    folder(join(staging, 'dist-7.previous'), 'old');
    folder(join(staging, 'dist-8.building'), 'half');
    expect(recoverOutDir(outDir, { isAlive })).toEqual({ restored: 'previous', removed: 1 });
    expect(labelOf(outDir)).toBe('old');
  });

  it('restores the most recent of several finished builds', () => {
    folder(join(staging, 'dist-7.ready'), 'older', 1_000);
    folder(join(staging, 'dist-8.ready'), 'newer', 2_000);
    recoverOutDir(outDir, { isAlive });
    expect(labelOf(outDir)).toBe('newer');
  });

  it('never restores a folder that was being deleted or a half-built one', () => {
    folder(join(staging, 'dist-7.previous.trash'), 'half-deleted');
    folder(join(staging, 'dist-8.building'), 'half-built');
    folder(join(staging, 'dist-9'), 'from an older Glossa');
    expect(recoverOutDir(outDir, { isAlive })).toEqual({ removed: 3 });
    expect(existsSync(outDir)).toBe(false);
    expect(existsSync(staging)).toBe(false);
  });

  it('keeps the output folder when it exists and deletes what dead builds left', () => {
    folder(outDir, 'current');
    folder(join(staging, 'dist-7.ready'), 'never published');
    folder(join(staging, 'dist-7.previous'), 'replaced');
    expect(recoverOutDir(outDir, { isAlive })).toEqual({ removed: 2 });
    expect(labelOf(outDir)).toBe('current');
  });

  it('leaves the staging folders of a build that is still running, and those of other output folders', () => {
    folder(join(staging, `dist-${LIVE}.ready`), 'in use');
    folder(join(staging, 'other-7.building'), 'not ours');
    expect(recoverOutDir(outDir, { isAlive })).toEqual({ removed: 0 });
    expect(existsSync(outDir)).toBe(false);
    expect(readdirSync(staging).sort()).toEqual([`dist-${LIVE}.ready`, 'other-7.building']);
  });
});

describe('publishBuild and deleteTrash', () => {
  it('publishes the new site and keeps the one it replaced as trash, never to be restored', () => {
    folder(outDir, 'old');
    const paths = stagingPaths(outDir, 7);
    folder(paths.building, 'new');
    const steps: string[] = [];
    publishBuild(paths, outDir, (step) => steps.push(step));
    expect(steps).toEqual(['ready', 'between-renames', 'swapped', 'trashed']);
    expect(labelOf(outDir)).toBe('new');
    expect(readdirSync(staging)).toEqual(['dist-7.previous.trash']);
    expect(parseStagingName('dist', 'dist-7.previous.trash')).toEqual({ pid: 7, state: 'trash' });
  });

  it('publishes a first build without leaving anything beside it', () => {
    const paths = stagingPaths(outDir, 7);
    folder(paths.building, 'first');
    publishBuild(paths, outDir);
    expect(labelOf(outDir)).toBe('first');
    expect(existsSync(staging)).toBe(false);
  });

  it("leaves trash to deleteTrash when asked, which deletes only dead builds' trash", async () => {
    folder(outDir, 'current');
    folder(join(staging, 'dist-7.previous.trash'), 'replaced');
    folder(join(staging, 'dist-8.building'), 'half-built');
    folder(join(staging, `dist-${LIVE}.previous.trash`), 'still being deleted by a live build');
    expect(recoverOutDir(outDir, { isAlive, keepTrash: true })).toEqual({ removed: 1 });
    expect(readdirSync(staging).sort()).toEqual([`dist-${LIVE}.previous.trash`, 'dist-7.previous.trash']);
    expect(await deleteTrash(outDir, { isAlive })).toBe(1);
    expect(readdirSync(staging)).toEqual([`dist-${LIVE}.previous.trash`]);
    expect(labelOf(outDir)).toBe('current');
  });

  it('finds no trash when there is no staging folder', async () => {
    expect(await deleteTrash(outDir, { isAlive })).toBe(0);
  });
});
