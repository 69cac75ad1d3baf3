import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKeptParts, saveKeptParts, shardOf } from '../../src/loader/kept-parts-file.ts';
import type { PreviewParts } from '../../src/loader/preview-entries.ts';

/** The parts of an entry as the loader keeps them, told apart by slug. */
function parts(slug: string): PreviewParts {
  return {
    data: {
      bodyMentions: [{ slug: 'other', via: 'name', context: { before: 'a ', text: slug, after: '.' } }],
    },
    body: `Body of ${slug}.`,
    rendered: { html: `<p>Body of ${slug}.</p>`, metadata: { headings: [], frontmatter: {} } },
    filePath: `content/definition/${slug}.md`,
    digest: `digest-${slug}`,
  } as PreviewParts;
}

const slugs = Array.from({ length: 200 }, (_, i) => `term-${i}`);
const all = () => new Map(slugs.map((slug) => [slug, parts(slug)]));

describe('kept parts on disk', () => {
  it('reads back every entry it wrote, part for part', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glossa-parts-'));
    saveKeptParts(join(dir, 'kept'), all(), 'all');
    const read = new Map<string, PreviewParts>();
    loadKeptParts(join(dir, 'kept'), read);
    expect(new Map([...read].sort())).toEqual(new Map([...all()].sort()));
  });

  it('rewrites only the shards of the entries that changed, deletions included', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'glossa-parts-')), 'kept');
    saveKeptParts(dir, all(), 'all');
    const stamp = () => new Map(readdirSync(dir).map((name) => [name, statSync(join(dir, name)).mtimeMs]));
    const before = stamp();
    const changed = all();
    changed.set('term-3', { ...parts('term-3'), digest: 'new' });
    changed.delete('term-7');
    // mtimes are compared, so the rewrite must land in a later millisecond.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    saveKeptParts(dir, changed, ['term-3', 'term-7']);
    const after = stamp();
    const rewritten = [...after].filter(([name, time]) => before.get(name) !== time).map(([name]) => name);
    const expected = [...new Set([shardOf('term-3'), shardOf('term-7')])]
      .map((n) => `parts-${String(n).padStart(2, '0')}.v8`)
      .sort();
    expect(rewritten.sort()).toEqual(expected);
    const read = new Map<string, PreviewParts>();
    loadKeptParts(dir, read);
    expect(read.get('term-3')?.digest).toBe('new');
    expect(read.has('term-7')).toBe(false);
    expect(read.size).toBe(199);
  });

  it('leaves out a shard it cannot read, and reads nothing from a missing folder', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'glossa-parts-')), 'kept');
    const none = new Map<string, PreviewParts>();
    loadKeptParts(dir, none);
    expect(none.size).toBe(0);
    saveKeptParts(dir, all(), 'all');
    const broken = shardOf('term-0');
    writeFileSync(join(dir, `parts-${String(broken).padStart(2, '0')}.v8`), 'not a serialization');
    const read = new Map<string, PreviewParts>();
    loadKeptParts(dir, read);
    expect(read.has('term-0')).toBe(false);
    expect(read.size).toBe(slugs.filter((slug) => shardOf(slug) !== broken).length);
    expect(read.size).toBeGreaterThan(150);
  });
});
