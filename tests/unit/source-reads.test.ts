import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSourceFiles } from '../../src/lib/entries/read-glossary.ts';
import { createSourceReads, sameSources } from '../../src/loader/source-reads.ts';

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
    const reads = createSourceReads(dir);
    await readSourceFiles(dir, reads.fs);
    expect(reads.stats).toEqual({ read: 2, reused: 0 });

    // Changed on disk with no event: the text in memory stands (the watcher is the one source of change).
    writeFileSync(join(dir, 'content/term/alpha.md'), 'alpha 2');
    writeFileSync(join(dir, 'content/term/beta.md'), 'beta 2');
    writeFileSync(join(dir, 'content/term/gamma.md'), 'gamma 1');
    reads.changed(join(dir, 'content/term/beta.md'));
    expect(texts(await readSourceFiles(dir, reads.fs))).toEqual([
      ['content/term/alpha.md', 'alpha 1'],
      ['content/term/beta.md', 'beta 2'],
      ['content/term/gamma.md', 'gamma 1'],
    ]);
    expect(reads.stats).toEqual({ read: 4, reused: 1 });
  });

  it('forgets every file of a folder it was told changed', async () => {
    const dir = site({ 'content/term/alpha.md': 'alpha 1', 'content/area/beta.md': 'beta 1' });
    const reads = createSourceReads(dir);
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
    const reads = createSourceReads(dir);
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

describe('a sync read', () => {
  const alpha = 'content/term/alpha.md';
  const beta = 'content/term/beta.md';

  it('after a saved edit, reads just the edited files and keeps the others as the last good sync had them', async () => {
    const dir = site({ [alpha]: 'alpha 1', [beta]: 'beta 1', 'public/a.svg': '<svg/>' });
    const reads = createSourceReads(dir);
    const first = await reads.read();
    expect(first.unchanged).toBe(false);
    expect([...first.publicFiles]).toEqual(['/a.svg']);
    reads.settle(first);

    writeFileSync(join(dir, alpha), 'alpha 2');
    reads.changed(join(dir, alpha));
    const second = await reads.read();
    expect(texts(second.files)).toEqual([
      [alpha, 'alpha 2'],
      [beta, 'beta 1'],
    ]);
    expect(second.files[1]).toBe(first.files[1]);
    expect(second.publicFiles).toBe(first.publicFiles);
    expect(second.unchanged).toBe(false);
    expect(reads.stats).toEqual({ read: 1, reused: 0 });
  });

  it('finds nothing changed when a save wrote the same text again, unless the last sync failed', async () => {
    const dir = site({ [alpha]: 'alpha 1' });
    const reads = createSourceReads(dir);
    reads.settle(await reads.read());
    reads.changed(join(dir, alpha));
    const again = await reads.read();
    expect(again.unchanged).toBe(true);

    reads.settle(undefined);
    reads.changed(join(dir, alpha));
    expect((await reads.read()).unchanged).toBe(false);
  });

  it('reads the whole glossary again after an entry is added, or a public file or the config changes', async () => {
    const dir = site({ [alpha]: 'alpha 1', 'glossa.config.yaml': 'title: A\n' });
    const reads = createSourceReads(dir);
    reads.settle(await reads.read());
    writeFileSync(join(dir, beta), 'beta 1');
    reads.changed(join(dir, beta));
    const added = await reads.read();
    expect(texts(added.files)).toEqual([
      [alpha, 'alpha 1'],
      [beta, 'beta 1'],
    ]);
    reads.settle(added);

    mkdirSync(join(dir, 'public'));
    writeFileSync(join(dir, 'public/b.png'), 'png');
    reads.changed(join(dir, 'public/b.png'));
    const pictured = await reads.read();
    expect([...pictured.publicFiles]).toEqual(['/b.png']);
    expect(pictured.unchanged).toBe(false);
    reads.settle(pictured);

    reads.changed(join(dir, 'glossa.config.yaml'));
    expect((await reads.read()).unchanged).toBe(false);
  });

  it('after an entry is added or deleted, reads just that file and keeps the order a full read gives', async () => {
    const dir = site({ [alpha]: 'alpha 1', 'content/term/gamma.md': 'gamma 1' });
    const reads = createSourceReads(dir);
    const first = await reads.read();
    reads.settle(first);
    writeFileSync(join(dir, beta), 'beta 1');
    reads.changed(join(dir, beta));
    const added = await reads.read();
    expect(texts(added.files)).toEqual(texts(await readSourceFiles(dir)));
    expect(added.files.map((file) => file.path)).toEqual([alpha, beta, 'content/term/gamma.md']);
    expect(added.files[0]).toBe(first.files[0]);
    expect(reads.stats).toEqual({ read: 1, reused: 0 });
    reads.settle(added);

    rmSync(join(dir, alpha));
    reads.changed(join(dir, alpha));
    const deleted = await reads.read();
    expect(texts(deleted.files)).toEqual([
      [beta, 'beta 1'],
      ['content/term/gamma.md', 'gamma 1'],
    ]);
    expect(reads.stats).toEqual({ read: 0, reused: 0 });
  });

  it('reads what a full read reads, notes and all, after any run of saves, adds, deletes and odd files', async () => {
    const dir = site({ [alpha]: 'alpha 0' });
    const reads = createSourceReads(dir);
    reads.settle(await reads.read());
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const names = ['term/a.md', 'term/b.md', 'area/c.md', 'area/deep/d.md', 'term/.hidden.md', 'term/e.MD'];
    names.push('term/notes.txt', 'new/f.md');
    for (let step = 0; step < 120; step++) {
      const count = 1 + Math.floor(random() * 3);
      for (let change = 0; change < count; change++) {
        const path = join(dir, 'content', names[Math.floor(random() * names.length)] as string);
        if (random() < 0.35) rmSync(path, { force: true });
        else {
          mkdirSync(join(path, '..'), { recursive: true });
          // Now and then bytes that are not UTF-8, which a full read notes.
          writeFileSync(path, random() < 0.1 ? Buffer.from([0x74, 0xff, 0x0a]) : `text ${step}`);
        }
        reads.changed(path);
      }
      const read = await reads.read();
      const full = await readSourceFiles(dir);
      expect(read.files.map(({ path, text, notes }) => ({ path, text, notes }))).toEqual(
        full.map(({ path, text, notes }) => ({ path, text, notes })),
      );
      reads.settle(read);
    }
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
