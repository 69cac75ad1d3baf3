import { mergeIndexParts, type MergeableIndex } from './merge-parts.ts';
import { buildExcerpt, type ExcerptRun, type MatchLocation } from '../../lib/search/excerpt.ts';
import { isStrongHit } from '../../lib/search/match-strength.ts';
import { searchDelay } from '../../lib/search/search-delay.ts';
import { suggestionsFor } from '../../lib/search/suggest.ts';
import { splitWords } from '../../lib/search/words.ts';

/**
 * The browser side of search, shared by the header box and the /search/ page. It is only ever
 * loaded on demand (dynamic import), and it loads Pagefind's own bundle on demand in turn.
 * Results come in Pagefind's own order, so every Pagefind client lists them the same way.
 */

/** What a result shows: a term's title, section, link and the most helpful excerpt. */
export interface SearchHit {
  url: string;
  title: string;
  section: string;
  /** The summary, or a passage of the body with the matched words split out as `marked` runs. */
  excerpt: ExcerptRun[];
}

/** Filters the /search/ page applies: any of the chosen values per filter. */
export type SearchFilters = Record<string, string[]>;

/** Where the search code finds what the build wrote; the page renders these URLs. */
export interface SearchUrls {
  /** Pagefind's `pagefind.js`. */
  pagefind: string;
  /** The JSON list of titles and synonyms. */
  names: string;
}

/** The outcome of a query, with a way to load results beyond the first ones. */
export interface SearchOutcome {
  /** What the reader typed. */
  query: string;
  /** What the results are for: the query, or the best suggestion when the query matched nothing real. */
  searched: string;
  total: number;
  hits: SearchHit[];
  /** Close titles and synonyms, offered when the query itself matched nothing real. */
  suggestions: string[];
  /** Loads results `from`…`from + count - 1`. */
  more(from: number, count: number): Promise<SearchHit[]>;
}

interface PagefindResultData {
  url: string;
  /** The indexed text: title and synonyms first, then the body. */
  content: string;
  /** Word indexes of the matches in `content`. */
  locations: number[];
  weighted_locations: MatchLocation[];
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface PagefindResult {
  data(): Promise<PagefindResultData>;
}
type PagefindSearch = { results: PagefindResult[] } | null;
interface PagefindApi extends MergeableIndex {
  options(options: { baseUrl: string }): Promise<void>;
  init(): Promise<void>;
  search(query: string, options: { filters?: Record<string, { any: string[] }> }): Promise<PagefindSearch>;
}

/** Shown where the index is missing, which is always the case under `npm run dev`. */
export const NO_INDEX_MESSAGE =
  'Search is not available here yet: the index is made by `npm run build`. Run `npm run build` and then `npm run preview` to try search.';

/** Reads the URLs the search component rendered on `element` (`data-pagefind`, `data-names`). */
export function searchUrlsOf(element: HTMLElement): SearchUrls {
  return { pagefind: element.dataset['pagefind'] ?? '', names: element.dataset['names'] ?? '' };
}

let pagefind: Promise<PagefindApi | null> | undefined;

/** Loads Pagefind's bundle once; resolves to null when the site has no index. */
export function loadPagefind(urls: SearchUrls): Promise<PagefindApi | null> {
  pagefind ??= import(/* @vite-ignore */ urls.pagefind).then(
    async (api: PagefindApi) => {
      // The index holds URLs relative to the glossary's root (written on <html> by the layout:
      // `/` or `/docs/glossary/`); results must link under it.
      const baseUrl = document.documentElement.dataset['glossaRoot'] ?? '/';
      await api.options({ baseUrl });
      await api.init();
      // A large glossary's index comes in parts; each is merged with the same base for its URLs.
      await mergeIndexParts(api, new URL('./', new URL(urls.pagefind, location.href)).href, { baseUrl });
      return api;
    },
    () => null,
  );
  return pagefind;
}

let names: Promise<string[]> | undefined;

/** Fetches the titles and synonyms list once, the first time a query needs suggestions. */
function loadNames(urls: SearchUrls): Promise<string[]> {
  names ??= fetch(urls.names)
    .then((response) => (response.ok ? (response.json() as Promise<{ names: string[] }>) : { names: [] }))
    .then(
      (data) => data.names,
      () => [],
    );
  return names;
}

export { SEARCH_DEBOUNCE_MS } from '../../lib/search/search-delay.ts';

/** The number of the newest query, so an older one that wakes up late knows to give way. */
let newest = 0;

/** How many results are shown at first; Pagefind only loads the data of results that are shown. */
export const FIRST_HITS = 10;

/**
 * Searches for `query` once the typing pauses (`searchDelay`). When it matches nothing for real
 * (see `isStrongHit`), searches for the closest title or synonym instead and says so. Resolves to
 * null when a newer query superseded this one, so callers never paint stale results. The wait is
 * our own rather than Pagefind's `debouncedSearch`, which fetches the index chunks of every query
 * it is given before its wait drops the superseded ones.
 */
export async function search(
  api: PagefindApi,
  urls: SearchUrls,
  query: string,
  filters: SearchFilters = {},
): Promise<SearchOutcome | null> {
  const options = {
    filters: Object.fromEntries(
      Object.entries(filters)
        .filter(([, values]) => values.length > 0)
        .map(([name, values]) => [name, { any: values }]),
    ),
  };
  // A short wait: long enough to coalesce a burst of keys (auto-repeat, a paste), short enough
  // that each typed word answers within 150 ms; superseded queries resolve to null.
  const id = ++newest;
  await new Promise((done) => setTimeout(done, searchDelay(query)));
  if (id !== newest) return null;
  const found = await api.search(query, options);
  if (!found || id !== newest) return null;
  const first = await realResults(query, found.results);
  if (first) return outcome(query, query, found.results, first, []);

  const suggestions = suggestionsFor(query, await loadNames(urls));
  for (const suggestion of suggestions.slice(0, 1)) {
    const retry = await api.search(suggestion, options);
    const hits = retry && (await realResults(suggestion, retry.results));
    if (retry && hits) return outcome(query, suggestion, retry.results, hits, suggestions);
  }
  return outcome(query, query, [], [], suggestions);
}

/**
 * The first hits that match the query for real, or undefined when none does: Pagefind falls back
 * to a stray prefix for every page alike when a word is not in the index at all. Each hit is
 * judged on its own, not by the top one: Pagefind also ranks pages that match only in their
 * metadata (a card picture's file name, `liquidation-cascade.svg`) above pages whose text has
 * the word, and one such page on top made "cascade" find nothing.
 */
async function realResults(query: string, results: PagefindResult[]): Promise<SearchHit[] | undefined> {
  const data = await Promise.all(results.slice(0, FIRST_HITS).map((r) => r.data()));
  const strong = data.filter((d) => isStrongHit(query, matchedWords(d)));
  return strong.length === 0 ? undefined : strong.map(toHit);
}

function outcome(
  query: string,
  searched: string,
  results: PagefindResult[],
  hits: SearchHit[],
  suggestions: string[],
): SearchOutcome {
  return {
    query,
    searched,
    total: results.length,
    hits,
    suggestions,
    more: async (from, count) =>
      Promise.all(results.slice(from, from + count).map(async (r) => toHit(await r.data()))),
  };
}

/** The words a result matched on: those at its match locations, and its searchable metadata. */
function matchedWords(data: PagefindResultData): string[] {
  const words = splitWords(data.content);
  return [
    ...data.locations.map((l) => words[l] ?? ''),
    ...splitWords([data.meta['title'] ?? '', ...akaOf(data), data.meta['summary'] ?? ''].join(' ')),
  ];
}

/** The term's synonyms, stored as a JSON array in the `aka` metadata. */
function akaOf(data: PagefindResultData): string[] {
  const aka: unknown = JSON.parse(data.meta['aka'] ?? '[]');
  return Array.isArray(aka) ? aka.map(String) : [];
}

function toHit(data: PagefindResultData): SearchHit {
  const title = data.meta['title'] ?? data.url;
  const summary = data.meta['summary'] ?? '';
  // The article indexes its title and synonyms ahead of the body, one content word per word.
  const nameWords = splitWords(title).length + splitWords(akaOf(data).join(', ')).length;
  // A match in the name is best explained by the summary, which defines the term; otherwise
  // show where the body matched.
  const inName = data.locations.some((l) => l < nameWords);
  const excerpt = inName ? [] : buildExcerpt(data.content, data.weighted_locations, nameWords);
  return {
    url: data.url,
    title,
    section: data.filters['section']?.[0] ?? '',
    excerpt: excerpt.length > 0 ? excerpt : [{ text: summary, marked: false }],
  };
}
