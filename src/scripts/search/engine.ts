/**
 * The browser side of search, shared by the header box and the /search/ page. It is only ever
 * loaded on demand (dynamic import), and it loads Pagefind's own bundle on demand in turn.
 */

/** What a result shows: a term's title, section, link and the most helpful excerpt. */
export interface SearchHit {
  url: string;
  title: string;
  section: string;
  /** Plain text, or text with `<mark>`ed query words split out as `marked` runs. */
  excerpt: { text: string; marked: boolean }[];
}

/** Filters the /search/ page applies: any of the chosen values per filter. */
export type SearchFilters = Record<string, string[]>;

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface PagefindApi {
  options(options: { baseUrl: string }): Promise<void>;
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

/**
 * Loads `<root>pagefind/pagefind.js` once; resolves to null when the site has no index. The root
 * is where the glossary is served (`/`, `/docs/glossary/`), which the layout writes on `<html>`.
 */
export function loadPagefind(): Promise<PagefindApi | null> {
  const root = document.documentElement.dataset['glossaRoot'] ?? '/';
  pagefind ??= import(/* @vite-ignore */ `${root}pagefind/pagefind.js`).then(
    async (api: PagefindApi) => {
      // The index holds URLs relative to the glossary's root; results must link under it.
      await api.options({ baseUrl: root });
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
  return { total: found.results.length, hits: ranked.map((d) => toHit(d, query)) };
}

const normalize = (text: string) => text.toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/** Whether the query is the term's title or one of its `aka` synonyms, ignoring case and spacing. */
function namesTerm(data: PagefindResultData, query: string): boolean {
  const wanted = normalize(query);
  const aka: unknown = JSON.parse(data.meta['aka'] ?? '[]');
  const names = [data.meta['title'] ?? '', ...(Array.isArray(aka) ? aka.map(String) : [])];
  return names.some((name) => normalize(name) === wanted);
}

function toHit(data: PagefindResultData, query: string): SearchHit {
  const title = data.meta['title'] ?? data.url;
  const summary = data.meta['summary'] ?? '';
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  // A glossary summary defines the term; it beats a body excerpt unless the match is only in the body.
  const summaryHelps = words.some((w) => `${title} ${summary}`.toLowerCase().includes(w));
  return {
    url: data.url,
    title,
    section: data.filters['section']?.[0] ?? '',
    excerpt: summaryHelps || !data.excerpt ? [{ text: summary, marked: false }] : splitMarks(data.excerpt),
  };
}

/** Pagefind excerpts are escaped text with `<mark>` around matches; turn them into text runs. */
function splitMarks(html: string): SearchHit['excerpt'] {
  const decode = (s: string) => new DOMParser().parseFromString(s, 'text/html').body.textContent ?? '';
  return html.split(/<\/?mark>/).map((part, i) => ({ text: decode(part), marked: i % 2 === 1 }));
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
