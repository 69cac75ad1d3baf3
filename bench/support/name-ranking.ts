import { openPagefind } from './pagefind-search.ts';
import { readPagefindFragments } from './pagefind-index.ts';
import { queryWords } from '../../src/lib/search/words.ts';

/** How well Pagefind's own ranking answers a query that is exactly an entry's title or synonym. */
export interface NameRanking {
  /** Names queried: every title and synonym that belongs to one entry only. */
  queried: number;
  /** Queries whose first result is the entry they name. */
  first: number;
  /**
   * Of the queried names, those whose words (in any order) are also another entry's whole name:
   * "Asset Floor" and "Floor Asset". Pagefind, like any engine that scores words, not phrases,
   * cannot tell such a pair apart, so the figure is also given without them.
   */
  twins: { queried: number; first: number };
  misses: { query: string; expected: string; got: string | undefined; twin: boolean }[];
}

/** A name's words, folded and sorted: equal for names made of the same words in any order. */
function wordSet(name: string): string {
  return queryWords(name).sort().join(' ');
}

/**
 * Queries Pagefind's API directly, with its default options as any Pagefind client has them, for
 * every title and synonym of a built site (or `limit` of them, evenly spread, on a large site),
 * and counts how often the named entry comes first.
 */
export async function measureNameRanking(outDir: string, limit = Infinity): Promise<NameRanking> {
  const owners = new Map<string, { name: string; urls: Set<string> }>();
  for (const fragment of readPagefindFragments(outDir)) {
    const aka: unknown = JSON.parse(fragment.meta['aka'] ?? '[]');
    const names = [fragment.meta['title'] ?? '', ...(Array.isArray(aka) ? aka.map(String) : [])];
    for (const name of names.filter(Boolean)) {
      const key = name.toLowerCase();
      const owner = owners.get(key) ?? { name, urls: new Set<string>() };
      owner.urls.add(fragment.url);
      owners.set(key, owner);
    }
  }
  // Which entries go by a name of each word set.
  const bySet = new Map<string, Set<string>>();
  for (const { name, urls } of owners.values()) {
    const set = bySet.get(wordSet(name)) ?? new Set<string>();
    for (const url of urls) set.add(url);
    bySet.set(wordSet(name), set);
  }
  const pagefind = await openPagefind(outDir);
  const result: NameRanking = { queried: 0, first: 0, twins: { queried: 0, first: 0 }, misses: [] };
  const unique = [...owners.values()].filter((owner) => owner.urls.size === 1);
  const step = Math.max(1, unique.length / limit);
  const chosen = unique.filter((_, i) => Math.floor(i / step) !== Math.floor((i - 1) / step));
  try {
    for (const { name, urls } of chosen) {
      const [expected] = [...urls];
      if (!expected) continue;
      result.queried++;
      const { hits } = await pagefind.search(name, 1);
      const got = hits[0] && new URL(hits[0].url, 'http://site.invalid').pathname;
      const twin = (bySet.get(wordSet(name))?.size ?? 0) > 1;
      if (twin) result.twins.queried++;
      if (got === expected) {
        result.first++;
        if (twin) result.twins.first++;
      } else result.misses.push({ query: name, expected, got, twin });
    }
  } finally {
    await pagefind.close();
  }
  return result;
}
