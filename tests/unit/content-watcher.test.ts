import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchTree, type TreeEvent, type TreeWatcher } from '../../src/loader/content-watcher.ts';

const open: TreeWatcher[] = [];
const sites: string[] = [];
afterEach(() => {
  for (const watcher of open.splice(0)) watcher.close();
  for (const site of sites.splice(0)) rmSync(site, { recursive: true, force: true });
});

/** A glossary folder with two entries, watched; `events` collects what the watch reports. */
function watched() {
  const site = mkdtempSync(join(tmpdir(), 'glossa-watch-'));
  sites.push(site);
  const content = join(site, 'content');
  mkdirSync(join(content, 'definition'), { recursive: true });
  writeFileSync(join(content, 'definition', 'gamma.md'), 'gamma');
  writeFileSync(join(content, 'definition', 'delta.md'), 'delta');
  const events: [string, TreeEvent][] = [];
  const watcher = watchTree(content, (path, event) => events.push([path.slice(site.length + 1), event]));
  open.push(watcher);
  return { site, content, events, watcher };
}

/** Waits until `events` holds `expected` (in any order, each at least once), or fails. */
async function until(events: [string, TreeEvent][], expected: [string, TreeEvent][]): Promise<void> {
  const has = () => expected.every(([path, event]) => events.some(([p, e]) => p === path && e === event));
  for (let waited = 0; waited < 5000 && !has(); waited += 20) {
    await new Promise((done) => setTimeout(done, 20));
  }
  expect(events).toEqual(expect.arrayContaining(expected));
}

describe('watchTree', () => {
  it('reports nothing for the files there when it starts, one watch a folder', async () => {
    const { events, watcher } = watched();
    await new Promise((done) => setTimeout(done, 100));
    expect(events).toEqual([]);
    expect(watcher.folders).toBe(2);
  });

  it('reports a saved entry as a change, a new one as an add and a deleted one as an unlink', async () => {
    const { content, events } = watched();
    writeFileSync(join(content, 'definition', 'gamma.md'), 'gamma, edited');
    await until(events, [['content/definition/gamma.md', 'change']]);
    writeFileSync(join(content, 'definition', 'vega.md'), 'vega');
    await until(events, [['content/definition/vega.md', 'add']]);
    rmSync(join(content, 'definition', 'delta.md'));
    await until(events, [['content/definition/delta.md', 'unlink']]);
    expect(events.filter(([path]) => path.endsWith('gamma.md')).every(([, e]) => e === 'change')).toBe(true);
  });

  it('reports an editor saving through a temporary file and a rename as a change of the entry', async () => {
    const { content, events } = watched();
    const temporary = join(content, 'definition', '.gamma.md.tmp');
    writeFileSync(temporary, 'gamma, saved atomically');
    renameSync(temporary, join(content, 'definition', 'gamma.md'));
    await until(events, [['content/definition/gamma.md', 'change']]);
    expect(events.some(([path, event]) => path === 'content/definition/gamma.md' && event !== 'change')).toBe(
      false,
    );
  });

  it('watches a section folder added later, with the entries it arrives with, and forgets a deleted one', async () => {
    const { site, content, events, watcher } = watched();
    const moved = join(site, 'elsewhere');
    mkdirSync(moved);
    writeFileSync(join(moved, 'swap.md'), 'swap');
    renameSync(moved, join(content, 'rates'));
    await until(events, [['content/rates/swap.md', 'add']]);
    writeFileSync(join(content, 'rates', 'basis.md'), 'basis');
    await until(events, [['content/rates/basis.md', 'add']]);
    expect(watcher.folders).toBe(3);
    rmSync(join(content, 'rates'), { recursive: true });
    await until(events, [
      ['content/rates/swap.md', 'unlink'],
      ['content/rates/basis.md', 'unlink'],
    ]);
    expect(watcher.folders).toBe(2);
  });

  it('picks up a content folder deleted and created again', async () => {
    const { content, events } = watched();
    rmSync(content, { recursive: true });
    await until(events, [
      ['content/definition/gamma.md', 'unlink'],
      ['content/definition/delta.md', 'unlink'],
    ]);
    mkdirSync(join(content, 'definition'), { recursive: true });
    await new Promise((done) => setTimeout(done, 50));
    writeFileSync(join(content, 'definition', 'theta.md'), 'theta');
    await until(events, [['content/definition/theta.md', 'add']]);
  });

  it('follows a symbolic link to a folder, and not round a link back up the tree', async () => {
    const { site, content, events, watcher } = watched();
    const shared = join(site, 'shared');
    mkdirSync(shared);
    symlinkSync(shared, join(content, 'shared'));
    symlinkSync(content, join(content, 'definition', 'loop'));
    await new Promise((done) => setTimeout(done, 100));
    writeFileSync(join(content, 'shared', 'rho.md'), 'rho');
    await until(events, [['content/shared/rho.md', 'add']]);
    expect(watcher.folders).toBe(3);
  });

  it('reports nothing once closed', async () => {
    const { content, events, watcher } = watched();
    watcher.close();
    writeFileSync(join(content, 'definition', 'gamma.md'), 'gamma, edited');
    await new Promise((done) => setTimeout(done, 200));
    expect(events).toEqual([]);
    expect(watcher.folders).toBe(0);
  });
});
