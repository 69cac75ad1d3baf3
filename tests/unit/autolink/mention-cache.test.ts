import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findBodyMentions } from '../../../src/lib/autolink/body-mentions.ts';
import {
  mentionCacheFile,
  mentionCodeDigest,
  NO_CONTEXT,
  openMentionCache,
  type MentionCache,
} from '../../../src/lib/autolink/mention-cache.ts';
import type { BodyMention } from '../../../src/lib/autolink/plan.ts';
import { makeTerm } from '../../support/make-term.ts';

/** An in-memory cache that counts what it answered. */
function countingCache(): MentionCache & { hits: number; misses: number; size: () => number } {
  const store = new Map<string, BodyMention[]>();
  const cache = {
    hits: 0,
    misses: 0,
    size: () => store.size,
    get(key: string) {
      const found = store.get(key);
      if (found) cache.hits++;
      else cache.misses++;
      return found;
    },
    set(key: string, mentions: BodyMention[]) {
      store.set(key, mentions);
    },
  };
  return cache;
}

const terms = [
  makeTerm('gamma', { body: 'Gamma bends [delta](/definition/delta/).' }),
  makeTerm('delta', { body: 'Delta moves with the spot; see gamma.' }),
  makeTerm('spot', { body: 'Nothing named here.' }),
];

describe('findBodyMentions with a cache', () => {
  it('finds the same mentions from the cache as from the bodies, reading no body twice', () => {
    const cache = countingCache();
    const fresh = findBodyMentions(terms, 'en');
    const first = findBodyMentions(terms, 'en', cache);
    const second = findBodyMentions(terms, 'en', cache);
    expect(first.mentions).toEqual(fresh.mentions);
    expect(second.mentions).toEqual(fresh.mentions);
    expect(fresh.mentions.get('delta')).toEqual([
      { slug: 'spot', via: 'name', context: NO_CONTEXT },
      { slug: 'gamma', via: 'name', context: NO_CONTEXT },
    ]);
    expect({ hits: cache.hits, misses: cache.misses, size: cache.size() }).toEqual({
      hits: 3,
      misses: 3,
      size: 3,
    });
  });

  it('reads an edited body again, and every body once any name changes', () => {
    const cache = countingCache();
    findBodyMentions(terms, 'en', cache);
    const edited = terms.map((t) => (t.slug === 'spot' ? { ...t, body: 'Spot prices gamma.' } : t));
    findBodyMentions(edited, 'en', cache);
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 2, misses: 4 });
    const renamed = edited.map((t) => (t.slug === 'spot' ? { ...t, aka: ['cash price'] } : t));
    const again = findBodyMentions(renamed, 'en', cache);
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 2, misses: 7 });
    expect(again.mentions).toEqual(findBodyMentions(renamed, 'en').mentions);
  });
});

describe('findBodyMentions keyed on file digests', () => {
  it('keys each body on the digest its cache knows for the file, not on the body', () => {
    const cache = Object.assign(countingCache(), { digestOf: (file: string) => `digest of ${file}` });
    const fresh = findBodyMentions(terms, 'en', cache);
    // Other bodies under the same digests: the key never read them, so the first mentions come back.
    const rewritten = terms.map((t) => ({ ...t, body: 'Nothing named here.' }));
    expect(findBodyMentions(rewritten, 'en', cache).mentions).toEqual(fresh.mentions);
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 3, misses: 3 });
    // A file the cache has no digest for is keyed on its body, apart from every digest's key.
    const unknown = Object.assign(cache, { digestOf: () => undefined });
    expect(findBodyMentions(rewritten, 'en', unknown).mentions.get('gamma')).toEqual([]);
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 3, misses: 6 });
  });
});

describe('openMentionCache', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const mention: BodyMention = { slug: 'gamma', via: 'link', context: NO_CONTEXT };
  const name: BodyMention = { slug: 'delta-hedging', via: 'name', context: NO_CONTEXT };

  it('keeps what a run found for the next run of the same code, and only what it used', () => {
    dir = mkdtempSync(join(tmpdir(), 'mention-cache-'));
    const file = join(dir, 'cache.json');
    const first = openMentionCache(file, 'code-1');
    first.set('a', [mention, name]);
    first.set('b', []);
    first.set('c', []);
    first.save();
    const second = openMentionCache(file, 'code-1');
    expect(second.get('a')).toEqual([mention, name]);
    expect(second.get('b')).toEqual([]);
    expect(second.get('d')).toBeUndefined();
    second.save();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      code: 'code-1',
      bodies: { a: 'lgamma ndelta-hedging', b: '' },
    });
  });

  it('leaves the file alone when a run found nothing new and used everything it held', () => {
    dir = mkdtempSync(join(tmpdir(), 'mention-cache-'));
    const file = join(dir, 'cache.json');
    const first = openMentionCache(file, 'code-1');
    first.set('a', [mention]);
    first.save();
    // A space the cache would not write: still there after a run that changed nothing.
    const marked = readFileSync(file, 'utf8').replace('"code":"code-1"', '"code": "code-1"');
    writeFileSync(file, marked);
    const second = openMentionCache(file, 'code-1');
    expect(second.get('a')).toEqual([mention]);
    second.save();
    expect(readFileSync(file, 'utf8')).toBe(marked);
    const third = openMentionCache(file, 'code-1');
    third.set('b', []);
    third.save();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ code: 'code-1', bodies: { b: '' } });
  });

  it('starts empty for other code, and for a missing or damaged file', () => {
    dir = mkdtempSync(join(tmpdir(), 'mention-cache-'));
    const file = join(dir, 'cache.json');
    expect(openMentionCache(file, 'code-1').get('a')).toBeUndefined();
    const cache = openMentionCache(file, 'code-1');
    cache.set('a', [mention]);
    cache.save();
    expect(openMentionCache(file, 'code-2').get('a')).toBeUndefined();
    writeFileSync(file, '{"code": "code-1", "bodies": ');
    expect(openMentionCache(file, 'code-1').get('a')).toBeUndefined();
  });

  it('digests the code that finds mentions as a stable hex string', () => {
    expect(mentionCodeDigest()).toMatch(/^[0-9a-f]{64}$/);
    expect(mentionCodeDigest()).toBe(mentionCodeDigest());
  });

  it('gives each glossary folder its own file in the cache folder', () => {
    const first = mentionCacheFile('/cache', '/sites/a');
    expect(first).toMatch(/^\/cache\/check-content-[0-9a-f]{12}\.json$/);
    expect(mentionCacheFile('/cache', '/sites/a')).toBe(first);
    expect(mentionCacheFile('/cache', '/sites/b')).not.toBe(first);
  });
});
