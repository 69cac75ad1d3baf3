import { describeOutcome } from '../../lib/search/messages.ts';
import { loadPagefind, NO_INDEX_MESSAGE, search, searchUrlsOf } from './engine.ts';
import { hitItems, moveFocus, renderSuggestions } from './render.ts';

/**
 * Wires the header search box: results as you type, arrow keys through them, Enter opens the
 * focused result (or the full search page from the box), Esc closes and returns to the box. The
 * panel ends with "See all N results" when there are more than it lists.
 */
export function mountSearchBox(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]');
  const panel = form.querySelector<HTMLElement>('.search-panel');
  const list = form.querySelector<HTMLElement>('.search-results');
  const status = form.querySelector<HTMLElement>('[role="status"]');
  const suggestions = form.querySelector<HTMLElement>('.search-suggestions');
  const seeAll = form.querySelector<HTMLAnchorElement>('.search-see-all');
  if (!input || !panel || !list || !status || !suggestions || !seeAll) return;
  const urls = searchUrlsOf(form);
  // The query the panel holds results for, so refocusing the box reopens them as they were.
  let shown = '';

  const open = (isOpen: boolean) => {
    panel.hidden = !isOpen;
  };
  const clear = () => {
    list.replaceChildren();
    suggestions.hidden = true;
    seeAll.hidden = true;
  };

  const run = async () => {
    const query = input.value.trim();
    if (!query) {
      shown = '';
      clear();
      status.textContent = '';
      open(false);
      return;
    }
    open(true);
    const api = await loadPagefind(urls);
    // Keys typed while Pagefind was loading each queued a search; only the newest may reach
    // Pagefind, which fetches the index chunks of every query it is given, superseded or not.
    if (input.value.trim() !== query) return;
    if (!api) {
      status.textContent = NO_INDEX_MESSAGE;
      return;
    }
    const found = await search(api, urls, query);
    if (!found || input.value.trim() !== query) return;
    list.replaceChildren(...hitItems(found.hits));
    const missed = found.total === 0 || found.searched !== found.query;
    renderSuggestions(suggestions, missed ? found.suggestions : [], (picked) => {
      input.value = picked;
      input.focus();
      void run();
    });
    // The search page (the form's own action) lists every result, filters included.
    const all = new URL(form.action);
    all.searchParams.set('q', query);
    seeAll.href = all.href;
    seeAll.textContent = `See all ${found.total} results`;
    seeAll.hidden = found.total <= found.hits.length;
    status.textContent = describeOutcome(found);
    shown = query;
  };

  input.addEventListener('input', () => void run());
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      event.preventDefault();
      open(false);
      input.focus();
      return;
    }
    // Reopen a closed panel first: a hidden result cannot take focus.
    if (/^Arrow(Up|Down)$/.test(event.key) && list.childElementCount > 0) open(true);
    if (moveFocus(panel, input, event)) event.preventDefault();
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });
  input.addEventListener('focus', () => {
    // Rebuilding the list here would pull a result out from under a reader arrowing down to it.
    if (input.value.trim() === shown && shown) open(true);
    else if (input.value.trim()) void run();
  });
  // Start fetching Pagefind's bundle now: the reader has shown intent by focusing the box.
  void loadPagefind(urls);
  if (input.value.trim()) void run();
}
