import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_CONTEXT } from '../../src/lib/autolink/mention-cache.ts';
import {
  decodeCheckSnapshot,
  encodeCheckSnapshot,
  loadCheckSnapshot,
  saveCheckSnapshot,
  type CheckSnapshot,
  type SnapshotEntry,
} from '../../src/lib/checks/check-snapshot.ts';

const dir = mkdtempSync(join(tmpdir(), 'glossa-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function entry(slug: string, overrides: Partial<NonNullable<SnapshotEntry['facts']>> = {}): SnapshotEntry {
  return {
    path: `content/definition/${slug}.md`,
    stamp: `120:1764748800000.5:1764748800000.5:${slug.length}:2049`,
    digest: `digest-of-${slug}`,
    problems: [],
    slug,
    facts: {
      section: 'definition',
      title: slug.toUpperCase(),
      aka: [],
      draft: false,
      related: ['gamma'],
      mentions: [],
      tags: ['greeks'],
      categories: [],
      redirectFrom: [],
      bodyStart: 80,
      own: [],
      fingerprints: [slug],
      urls: [],
      unclosed: [],
      overLimits: false,
      bodyMentions: [{ slug: 'gamma', via: 'name', context: NO_CONTEXT }],
      adviceWords: ['convex'],
      ...overrides,
    },
  };
}

const snapshot: CheckSnapshot = {
  code: 'code-1',
  environment: 'site and public files',
  entries: [
    entry('delta', { aka: ['Δ'], draft: true, bodyMentions: undefined, adviceWords: undefined }),
    entry('gamma', {
      related: [],
      urls: [{ kind: 'link', url: '/definition/delta/', image: false, line: 3, column: 1 }],
      own: [
        {
          file: 'content/definition/gamma.md',
          field: 'summary',
          message: 'only repeats the title',
          severity: 'warning',
          line: 3,
          column: 1,
        },
      ],
      bodyMentions: [{ slug: 'delta', via: 'link', context: NO_CONTEXT }],
    }),
    {
      path: 'content/definition/broken.md',
      stamp: '',
      digest: 'digest-of-broken',
      problems: [
        {
          file: 'content/definition/broken.md',
          field: 'title',
          message: 'is required',
          severity: 'error',
          line: 1,
          column: 1,
        },
      ],
      slug: 'broken',
      facts: undefined,
    },
  ],
  taxonomy: [],
  ambiguous: [{ name: 'Greek', slugs: ['delta', 'gamma'] }],
  adviceWords: { common: ['option'], removals: 2 },
};

describe('the check snapshot', () => {
  it('reads back what was written, every field', () => {
    expect(decodeCheckSnapshot(encodeCheckSnapshot(snapshot), 'code-1')).toEqual(snapshot);
  });

  it('is not read for other code, nor when damaged', () => {
    const bytes = encodeCheckSnapshot(snapshot);
    expect(decodeCheckSnapshot(bytes, 'code-2')).toBeUndefined();
    expect(decodeCheckSnapshot(bytes.subarray(0, bytes.length - 4), 'code-1')).toBeUndefined();
    expect(decodeCheckSnapshot(Buffer.from('{"code":"code-1"}'), 'code-1')).toBeUndefined();
  });

  it('shares one string among the entries that name it', () => {
    const read = decodeCheckSnapshot(encodeCheckSnapshot(snapshot), 'code-1');
    const [delta, gamma] = read?.entries ?? [];
    expect(delta?.facts?.related[0]).toBe('gamma');
    expect(gamma?.slug).toBe('gamma');
  });

  it('copies the unchanged entries of the snapshot it was made from, and writes the changed ones', () => {
    const read = decodeCheckSnapshot(encodeCheckSnapshot(snapshot), 'code-1') as CheckSnapshot;
    const [delta, gamma, broken] = read.entries as [SnapshotEntry, SnapshotEntry, SnapshotEntry];
    const facts = gamma.facts as NonNullable<SnapshotEntry['facts']>;
    // gamma's mentions are found again, and an entry is added.
    const next: CheckSnapshot = {
      ...read,
      entries: [
        delta,
        { ...gamma, facts: { ...facts, bodyMentions: [] } },
        broken,
        entry('vega', { related: ['delta', 'volga'] }),
      ],
    };
    const written = encodeCheckSnapshot(next, read);
    expect(decodeCheckSnapshot(written, 'code-1')).toEqual(
      decodeCheckSnapshot(encodeCheckSnapshot(next), 'code-1'),
    );
    expect(decodeCheckSnapshot(written, 'code-1')?.entries[1]?.facts?.bodyMentions).toEqual([]);
  });

  it('is saved through a temporary file and loaded for its code only', () => {
    const path = join(dir, 'cache', 'snapshot.bin');
    saveCheckSnapshot(path, snapshot);
    expect(readdirSync(join(dir, 'cache'))).toEqual(['snapshot.bin']);
    expect(loadCheckSnapshot(path, 'code-1')).toEqual(snapshot);
    expect(loadCheckSnapshot(path, 'other code')).toBeUndefined();
    expect(loadCheckSnapshot(join(dir, 'missing.bin'), 'code-1')).toBeUndefined();
    expect(existsSync(`${path}.${process.pid}.tmp`)).toBe(false);
  });
});
