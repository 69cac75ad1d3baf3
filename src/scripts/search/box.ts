import { describeCount, loadPagefind, moveFocus, NO_INDEX_MESSAGE, renderHits, search } from './engine.ts';

/**
 * Wires the header search box: results as you type, arrow keys through them, Enter opens the
 * focused result (or the full /search/ page from the box), Esc closes and returns to the box.
 */
export function mountSearchBox(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]');
  const panel = form.querySelector<HTMLElement>('.search-panel');
  const list = form.querySelector<HTMLElement>('.search-results');
  const status = form.querySelector<HTMLElement>('[role="status"]');
  if (!input || !panel || !list || !status) return;

  const open = (isOpen: boolean) => {
    panel.hidden = !isOpen;
  };

  const run = async () => {
    const query = input.value.trim();
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      open(false);
      return;
    }
    open(true);
    const api = await loadPagefind();
    if (!api) {
      status.textContent = NO_INDEX_MESSAGE;
      return;
    }
    const found = await search(api, query);
    if (!found || input.value.trim() !== query) return;
    renderHits(list, found.hits);
    status.textContent = describeCount(found.total, query);
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
    if (moveFocus(list, input, event)) event.preventDefault();
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim()) void run();
  });
  // Start fetching Pagefind's bundle now: the reader has shown intent by focusing the box.
  void loadPagefind();
  if (input.value.trim()) void run();
}
