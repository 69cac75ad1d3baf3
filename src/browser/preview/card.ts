import type { PreviewEntry } from '../../lib/outputs/preview-shards.ts';

/** Id of the one preview element of a page, which links name in `aria-describedby`. */
export const PREVIEW_ID = 'glossa-preview';

/**
 * The page's preview element: a manual popover (shown and hidden only by the script, never by
 * light dismiss) with the tooltip role, holding no focusable element so it can never take focus.
 */
export function createPreviewElement(): HTMLElement {
  const box = document.createElement('div');
  box.id = PREVIEW_ID;
  box.className = 'term-preview';
  box.popover = 'manual';
  box.setAttribute('role', 'tooltip');
  // Inside the main landmark, so that all content sits in one; the top layer shows it above all.
  (document.querySelector('main') ?? document.body).append(box);
  return box;
}

/** Fills the preview with an entry: its picture if any, its title, then "Keyword ⎊ summary". */
export function renderPreview(box: HTMLElement, entry: PreviewEntry): void {
  const make = (tag: string, className: string, text = '') =>
    Object.assign(document.createElement(tag), { className, textContent: text });
  const parts: Node[] = [];
  if (entry.image) {
    // Decorative here: the summary describes the term, and the alt text would lengthen what a
    // screen reader announces for every link.
    parts.push(
      Object.assign(document.createElement('img'), { src: entry.image.src, alt: '', decoding: 'async' }),
    );
  }
  const line = make('p', 'term-preview-summary');
  const mark = make('span', '', ' ⎊ ');
  mark.setAttribute('aria-hidden', 'true');
  line.append(make('span', 'keyword', entry.keyword), mark, entry.summary);
  parts.push(make('p', 'term-preview-title', entry.title), line);
  box.replaceChildren(...parts);
}

/**
 * Places the preview under the link (above it when there is no room below), inside the viewport.
 * Through CSSOM properties, which a Content-Security-Policy without 'unsafe-inline' allows.
 */
export function placePreview(box: HTMLElement, link: Element): void {
  const gap = 6;
  const margin = 8;
  const anchor = link.getClientRects()[0] ?? link.getBoundingClientRect();
  const { width, height } = box.getBoundingClientRect();
  const left = Math.max(margin, Math.min(anchor.left, innerWidth - width - margin));
  const below = anchor.bottom + gap;
  const top =
    below + height + margin > innerHeight && anchor.top - gap - height > margin
      ? anchor.top - gap - height
      : below;
  box.style.left = `${Math.round(left)}px`;
  box.style.top = `${Math.round(top)}px`;
}
