import { createPreviewElement, placePreview, PREVIEW_ID, renderPreview } from './card.ts';
import { createPreviewLookup, type PreviewSource } from './data.ts';
import { entryPathOf } from './entry-path.ts';

/** How long the pointer rests on a link before its preview opens: passing over it opens nothing. */
export const SHOW_DELAY_MS = 400;
/** How long a preview stays after the pointer leaves, so the pointer can move onto it (WCAG 1.4.13). */
export const HIDE_DELAY_MS = 300;

/**
 * Previews of entries on every link to one, for mouse and keyboard: pointing at a link for a
 * moment or focusing it from the keyboard shows the entry's title and "Keyword ⎊ summary" in a
 * popover that the link names in `aria-describedby`. The preview stays while the pointer is on
 * the link or on it, closes with Escape, and never takes focus. Touch gets no preview: a tap
 * follows the link. Browsers without popovers keep plain links.
 */
export function mountPreviews(root: string, source: PreviewSource): void {
  if (!('popover' in HTMLElement.prototype)) return;
  const lookup = createPreviewLookup(source);
  const box = createPreviewElement();
  let shown: HTMLAnchorElement | undefined;
  // The link a preview is on its way for; a later request cancels an earlier one.
  let wanted: HTMLAnchorElement | undefined;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  const describedBy = (link: Element, on: boolean) => {
    const ids = (link.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter((id) => id && id !== PREVIEW_ID);
    if (on) ids.push(PREVIEW_ID);
    if (ids.length > 0) link.setAttribute('aria-describedby', ids.join(' '));
    else link.removeAttribute('aria-describedby');
  };
  const hide = () => {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    wanted = undefined;
    if (!shown) return;
    describedBy(shown, false);
    shown = undefined;
    box.hidePopover();
  };
  const show = async (link: HTMLAnchorElement, path: string) => {
    wanted = link;
    const entry = await lookup(path);
    if (wanted !== link || !entry || !link.isConnected) return;
    if (shown && shown !== link) describedBy(shown, false);
    renderPreview(box, entry);
    if (!box.matches(':popover-open')) box.showPopover();
    placePreview(box, link);
    describedBy(link, true);
    shown = link;
  };
  const entryLink = (target: EventTarget | null) => {
    const link = target instanceof Element ? target.closest('a[href]') : null;
    if (!(link instanceof HTMLAnchorElement) || link.closest('[role="search"], .search-results'))
      return undefined;
    const path = entryPathOf(link.href, root, new URL(location.href));
    return path ? { link, path } : undefined;
  };
  const later = (link: HTMLAnchorElement, path: string) => {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (shown === link) return;
    showTimer = setTimeout(() => void show(link, path), SHOW_DELAY_MS);
  };
  const leave = () => {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, HIDE_DELAY_MS);
  };

  document.addEventListener('pointerover', (event) => {
    if (event.pointerType !== 'mouse') return;
    if (box.contains(event.target as Node)) {
      clearTimeout(hideTimer);
      return;
    }
    const found = entryLink(event.target);
    if (found) later(found.link, found.path);
  });
  document.addEventListener('pointerout', (event) => {
    if (event.pointerType !== 'mouse') return;
    const from = event.target as Node;
    const to = event.relatedTarget as Node | null;
    const onPreview = (node: Node | null) => node !== null && box.contains(node);
    const onLink = (node: Node | null) => node !== null && (shown ?? wanted)?.contains(node) === true;
    if ((onPreview(from) || onLink(from)) && !onPreview(to) && !onLink(to)) leave();
  });
  document.addEventListener('focusin', (event) => {
    const found = entryLink(event.target);
    // A tap or click focuses the link too; only keyboard focus (:focus-visible) previews it.
    if (found && found.link.matches(':focus-visible')) void show(found.link, found.path);
  });
  document.addEventListener('focusout', (event) => {
    if (event.target === shown && !shown?.matches(':hover') && !box.matches(':hover')) hide();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && (shown || wanted)) hide();
  });
  addEventListener('scroll', () => shown && placePreview(box, shown), { passive: true, capture: true });

  // The loader fetched this module on a first hover or focus: answer it now that we are here.
  const focused = entryLink(document.activeElement);
  if (focused?.link.matches(':focus-visible')) void show(focused.link, focused.path);
  else {
    const hovered = entryLink(document.querySelector('a:hover'));
    if (hovered) later(hovered.link, hovered.path);
  }
}
