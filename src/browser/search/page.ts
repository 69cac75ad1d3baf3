import { describeOutcome } from '../../lib/search/messages.ts';
import {
  loadPagefind,
  NO_INDEX_MESSAGE,
  search,
  searchUrlsOf,
  type SearchFilters,
  type SearchOutcome,
} from './engine.ts';
import { hitItems, moveFocus, renderSuggestions } from './render.ts';

/** How many more results "Show more" adds. */
const MORE_HITS = 20;

/**
 * Wires the search page: the query and filters live in the URL (`?q=…&section=…`), so a search
 * can be linked and is the WebSite SearchAction target; results update as you type, and "Show
 * more" lists the rest, every result reachable.
 */
export function mountSearchPage(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const results = document.querySelector<HTMLElement>('#search-page-results');
  const list = document.querySelector<HTMLElement>('#search-page-list');
  const status = document.querySelector<HTMLElement>('#search-page-status');
  const suggestions = document.querySelector<HTMLElement>('#search-page-suggestions');
  const more = document.querySelector<HTMLButtonElement>('#search-page-more');
  if (!input || !results || !list || !status || !suggestions || !more) return;
  const urls = searchUrlsOf(form);
  let current: SearchOutcome | undefined;

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    box.checked = params.getAll(box.name).includes(box.value);
  }
  for (const select of form.querySelectorAll<HTMLSelectElement>('select')) {
    select.value = params.get(select.name) ?? '';
  }

  const chosenFilters = (): SearchFilters => {
    const filters: SearchFilters = {};
    for (const [name, value] of new FormData(form)) {
      if (name === 'q' || typeof value !== 'string' || value === '') continue;
      (filters[name] ??= []).push(value);
    }
    return filters;
  };

  const showMoreButton = () => {
    const left = current ? current.total - list.childElementCount : 0;
    more.hidden = left <= 0;
    more.textContent = `Show more (${left} more)`;
  };

  const run = async () => {
    const query = input.value.trim();
    const url = new URL(location.href);
    url.search = new URLSearchParams(
      [...new FormData(form)].filter((entry): entry is [string, string] => entry[1] !== ''),
    ).toString();
    history.replaceState(null, '', url);
    if (!query) {
      current = undefined;
      list.replaceChildren();
      suggestions.hidden = true;
      showMoreButton();
      status.textContent = 'Type a word to search the glossary.';
      return;
    }
    const api = await loadPagefind(urls);
    // Keys typed while Pagefind was loading each queued a search; only the newest may reach
    // Pagefind, which fetches the index chunks of every query it is given, superseded or not.
    if (input.value.trim() !== query) return;
    if (!api) {
      status.textContent = NO_INDEX_MESSAGE;
      return;
    }
    const found = await search(api, urls, query, chosenFilters());
    if (!found || input.value.trim() !== query) return;
    current = found;
    list.replaceChildren(...hitItems(found.hits));
    const missed = found.total === 0 || found.searched !== found.query;
    renderSuggestions(suggestions, missed ? found.suggestions : [], (picked) => {
      input.value = picked;
      input.focus();
      void run();
    });
    showMoreButton();
    status.textContent = describeOutcome(found);
  };

  more.addEventListener('click', async () => {
    const shown = current;
    if (!shown) return;
    const from = list.childElementCount;
    const items = hitItems(await shown.more(from, MORE_HITS));
    if (shown !== current) return;
    list.append(...items);
    showMoreButton();
    // Keyboard readers carry on from the first new result rather than from the top.
    items[0]?.querySelector('a')?.focus();
  });
  form.addEventListener('input', () => void run());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  document.addEventListener('keydown', (event) => {
    // Only from the box or a result: arrow keys keep their usual meaning in the filter controls.
    const from = event.target as Node;
    if ((from === input || results.contains(from)) && moveFocus(results, input, event))
      event.preventDefault();
  });
  void run();
}
