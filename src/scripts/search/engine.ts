import { buildExcerpt, type ExcerptRun, type MatchLocation } from '../../lib/search/excerpt.ts';
import { splitWords } from '../../lib/search/words.ts';

/**
 * The browser side of search, shared by the header box and the /search/ page. It is only ever
 * loaded on demand (dynamic import), and it loads Pagefind's own bundle on demand in turn.
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
interface PagefindApi {
  init(): Promise<void>;
  debouncedSearch(
    query: string,
    options: { filters?: Record<string, { any: string[] }> },
    debounceMs?: number,
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

/** Shown where the index is missing, which is always the case under `npm run dev`. */
export const NO_INDEX_MESSAGE =
  'Search is not available here yet: the index is made by `npm run build`. Run `npm run build` and then `npm run preview` to try search.';

let pagefind: Promise<PagefindApi | null> | undefined;

/** Loads `/pagefind/pagefind.js` once; resolves to null when the site has no index. */
export function loadPagefind(): Promise<PagefindApi | null> {
  pagefind ??= import(/* @vite-ignore */ `${'/pagefind/'}pagefind.js`).then(
    async (api: PagefindApi) => {
      await api.init();
      return api;
    },
    () => null,
  );
  return pagefind;
}

/** How many hits a list shows; Pagefind only loads the data of results that are shown. */
const MAX_HITS = 10;

/**
 * Searches for `query`. Resolves to null when a newer query superseded this one (Pagefind's
 * debounce), so callers never paint stale results.
 */
export async function search(
  api: PagefindApi,
  query: string,
  filters: SearchFilters = {},
): Promise<{ total: number; hits: SearchHit[] } | null> {
  const active = Object.fromEntries(
    Object.entries(filters)
      .filter(([, values]) => values.length > 0)
      .map(([name, values]) => [name, { any: values }]),
  );
  const found = await api.debouncedSearch(query, { filters: active }, 120);
  if (!found) return null;
  const data = await Promise.all(found.results.slice(0, MAX_HITS).map((r) => r.data()));
  // Pagefind ranks by weighted word matches, so a longer entry that repeats the words can beat
  // the term the reader named. A query equal to a title or synonym is a lookup: that term goes first.
  const named = data.filter((d) => namesTerm(d, query));
  const ranked = [...named, ...data.filter((d) => !named.includes(d))];
  return { total: found.results.length, hits: ranked.map(toHit) };
}

const normalize = (text: string) => text.toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/** The term's synonyms, stored as a JSON array in the `aka` metadata. */
function akaOf(data: PagefindResultData): string[] {
  const aka: unknown = JSON.parse(data.meta['aka'] ?? '[]');
  return Array.isArray(aka) ? aka.map(String) : [];
}

/** Whether the query is the term's title or one of its `aka` synonyms, ignoring case and spacing. */
function namesTerm(data: PagefindResultData, query: string): boolean {
  const wanted = normalize(query);
  const names = [data.meta['title'] ?? '', ...akaOf(data)];
  return names.some((name) => normalize(name) === wanted);
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

/** Renders hits as a list of links (text only, never HTML from the index). */
export function renderHits(list: HTMLElement, hits: SearchHit[]): void {
  list.replaceChildren(
    ...hits.map((hit) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = hit.url;
      link.className = 'search-hit';
      const title = document.createElement('span');
      title.className = 'search-hit-title';
      title.textContent = hit.title;
      const section = document.createElement('span');
      section.className = 'search-hit-section';
      section.textContent = hit.section;
      const excerpt = document.createElement('span');
      excerpt.className = 'search-hit-excerpt';
      excerpt.append(
        ...hit.excerpt.map((run) => {
          if (!run.marked) return run.text;
          const mark = document.createElement('mark');
          mark.textContent = run.text;
          return mark;
        }),
      );
      link.append(title, ' ', section, excerpt);
      item.append(link);
      return item;
    }),
  );
}

/** The sentence the live region announces. */
export function describeCount(total: number, query: string): string {
  if (total === 0) return `No terms match “${query}”.`;
  return `${total} ${total === 1 ? 'term matches' : 'terms match'} “${query}”.`;
}

/** Arrow keys move focus through the result links; returns whether the key was handled. */
export function moveFocus(list: HTMLElement, input: HTMLInputElement, event: KeyboardEvent): boolean {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return false;
  const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
  if (links.length === 0) return false;
  const current = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = event.key === 'ArrowDown' ? current + 1 : current - 1;
  if (next < 0) input.focus();
  else links[Math.min(next, links.length - 1)]?.focus();
  return true;
}
