import type { SearchHit } from './engine.ts';

/** Renders hits as list items of links (text only, never HTML from the index). */
export function hitItems(hits: readonly SearchHit[]): HTMLLIElement[] {
  return hits.map((hit) => {
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
  });
}

/**
 * Shows "Did you mean …?" with one button per suggestion (or hides the line when there are
 * none); picking one calls `pick` with it.
 */
export function renderSuggestions(
  line: HTMLElement,
  suggestions: readonly string[],
  pick: (suggestion: string) => void,
): void {
  line.hidden = suggestions.length === 0;
  const buttons = suggestions.map((suggestion) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'search-suggestion';
    button.textContent = suggestion;
    button.addEventListener('click', () => pick(suggestion));
    return button;
  });
  line.replaceChildren(
    'Did you mean ',
    ...buttons.flatMap((b, i) => (i === 0 ? [b] : [i === buttons.length - 1 ? ' or ' : ', ', b])),
    '?',
  );
}

/**
 * Arrow keys move focus through the links and buttons inside `within`, and back up to the box;
 * returns whether the key was handled.
 */
export function moveFocus(within: HTMLElement, input: HTMLInputElement, event: KeyboardEvent): boolean {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return false;
  const targets = [...within.querySelectorAll<HTMLElement>('a[href], button')].filter(
    (el) => !el.closest('[hidden]'),
  );
  if (targets.length === 0) return false;
  const current = targets.indexOf(document.activeElement as HTMLElement);
  const next = event.key === 'ArrowDown' ? current + 1 : current - 1;
  if (next < 0) input.focus();
  else targets[Math.min(next, targets.length - 1)]?.focus();
  return true;
}
