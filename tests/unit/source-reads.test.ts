import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSourceFiles } from '../../src/lib/entries/read-glossary.ts';
import { createSourceReads, resetReadStats, sameSources } from '../../src/loader/source-reads.ts';

const sites: string[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) rmSync(site, { recursive: true, force: true });
});

/** A glossary folder with the given files (paths under the site folder). */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'glossa-source-reads-'));
  sites.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const texts = (files: { path: string; text: string }[]) => files.map(({ path, text }) => [path, text]);

describe('the live preview source reads', () => {
  it('reads again only the files it was told changed, and lists the folders every time', async () => {
    const dir = site({ 'content/term/alpha.md': 'alpha 1', 'content/term/beta.md': 'beta 1' });
    const reads = createSourceReads();
    await readSourceFiles(dir, reads.fs);
    expect(reads.stats).toEqual({ read: 2, reused: 0 });

    // Changed on disk with no event: the text in memory stands (the watcher is the one source of change).
    writeFileSync(join(dir, 'content/term/alpha.md'), 'alpha 2');
    writeFileSync(join(dir, 'content/term/beta.md'), 'beta 2');
    writeFileSync(join(dir, 'content/term/gamma.md'), 'gamma 1');
    reads.changed(join(dir, 'content/term/beta.md'));
    resetReadStats(reads);
    expect(texts(await readSourceFiles(dir, reads.fs))).toEqual([
      ['content/term/alpha.md', 'alpha 1'],
      ['content/term/beta.md', 'beta 2'],
      ['content/term/gamma.md', 'gamma 1'],
    ]);
    expect(reads.stats).toEqual({ read: 2, reused: 1 });
  });

  it('forgets every file of a folder it was told changed', async () => {
    const dir = site({ 'content/term/alpha.md': 'alpha 1', 'content/area/beta.md': 'beta 1' });
    const reads = createSourceReads();
    await readSourceFiles(dir, reads.fs);
    writeFileSync(join(dir, 'content/term/alpha.md'), 'alpha 2');
    writeFileSync(join(dir, 'content/area/beta.md'), 'beta 2');
    reads.changed(join(dir, 'content/term'));
    expect(texts(await readSourceFiles(dir, reads.fs))).toEqual([
      ['content/area/beta.md', 'beta 1'],
      ['content/term/alpha.md', 'alpha 2'],
    ]);
  });

  it('reads a file reached through a symbolic link from disk every time', async () => {
    const dir = site({ 'shared/alpha.md': 'alpha 1', 'content/term/beta.md': 'beta 1' });
    symlinkSync(join(dir, 'shared'), join(dir, 'content/linked'));
    const reads = createSourceReads();
    await readSourceFiles(dir, reads.fs);
    writeFileSync(join(dir, 'shared/alpha.md'), 'alpha 2');
    // The watcher names the target, not the path the file was read by.
    reads.changed(join(dir, 'shared/alpha.md'));
    expect(texts(await readSourceFiles(dir, reads.fs))).toEqual([
      ['content/linked/alpha.md', 'alpha 2'],
      ['content/term/beta.md', 'beta 1'],
    ]);
  });
});

describe('sameSources', () => {
  const alpha = { path: 'content/term/alpha.md', text: 'alpha' };
  it('holds for the same files with the same texts and notes', () => {
    expect(sameSources([alpha], [{ ...alpha }])).toBe(true);
  });

  it('fails for a changed text, an added or removed file, or a note of its own', () => {
    expect(sameSources([alpha], [{ ...alpha, text: 'alpha!' }])).toBe(false);
    expect(sameSources([alpha], [alpha, { path: 'content/term/beta.md', text: 'beta' }])).toBe(false);
    expect(sameSources([alpha], [])).toBe(false);
    const note = {
      field: 'file',
      message: 'is not valid UTF-8',
      hint: 'save it as UTF-8',
      severity: 'error' as const,
      line: 1,
    };
    expect(sameSources([alpha], [{ ...alpha, notes: [note] }])).toBe(false);
  });
});
