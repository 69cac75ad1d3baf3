import {
  describeCount,
  loadPagefind,
  moveFocus,
  NO_INDEX_MESSAGE,
  renderHits,
  search,
  type SearchFilters,
} from './engine.ts';

/**
 * Wires the /search/ page: the query and filters live in the URL (`?q=…&section=…`), so a
 * search can be linked and is the WebSite SearchAction target; results update as you type.
 */
export function mountSearchPage(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const list = document.querySelector<HTMLElement>('#search-page-results');
  const status = document.querySelector<HTMLElement>('#search-page-status');
  if (!input || !list || !status) return;

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

  const run = async () => {
    const query = input.value.trim();
    const url = new URL(location.href);
    url.search = new URLSearchParams(
      [...new FormData(form)].filter((entry): entry is [string, string] => entry[1] !== ''),
    ).toString();
    history.replaceState(null, '', url);
    if (!query) {
      list.replaceChildren();
      status.textContent = 'Type a word to search the glossary.';
      return;
    }
    const api = await loadPagefind();
    if (!api) {
      status.textContent = NO_INDEX_MESSAGE;
      return;
    }
    const found = await search(api, query, chosenFilters());
    if (!found || input.value.trim() !== query) return;
    renderHits(list, found.hits);
    status.textContent = describeCount(found.total, query);
  };

  form.addEventListener('input', () => void run());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  document.addEventListener('keydown', (event) => {
    // Only from the box or a result: arrow keys keep their usual meaning in the filter controls.
    const from = event.target as Node;
    if ((from === input || list.contains(from)) && moveFocus(list, input, event)) event.preventDefault();
  });
  void run();
}
