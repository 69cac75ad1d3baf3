/**
 * The one script every page runs up front, printed inline (minified) by ClientLoader.astro: it
 * fetches the search module when the reader focuses the header box (or presses `/`, Ctrl/Cmd-K),
 * and the preview module on the first mouse hover or keyboard focus of a link to an entry (an
 * address `<root><section>/<slug>/`). Each module waits in an inert <template> until then, so a
 * page that is only read loads no script file. The page budget for it is 1 KB.
 */

// One name for `document`: the minifier cannot shorten a global, and the budget is tight.
const d = document;
const root = d.documentElement.dataset['glossaRoot'] ?? '/';
const box = d.getElementById('site-search-input');
const loaded = new Set<string>();

/** Runs the module script held by the template `id`, once. */
const load = (id: string) => {
  const src = (d.getElementById(id) as HTMLTemplateElement | null)?.content.querySelector('script')?.src;
  if (src && !loaded.has(id))
    d.head.append(Object.assign(d.createElement('script'), { type: 'module', src }));
  loaded.add(id);
};

box?.addEventListener('focus', () => load('site-search-client'), { once: true });
addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable;
  if (box && ((event.key === '/' && !typing) || (event.key === 'k' && (event.ctrlKey || event.metaKey)))) {
    event.preventDefault();
    box.focus();
  }
});

// The preview module itself tells entries from listing pages and files exactly; this is the
// cheap first test of an address, so that reading a page with no entry links loads nothing.
const base = location.origin + root;
const previewLink = (event: Event) => {
  const link = (event.target as Element).closest?.<HTMLAnchorElement>('a[href]');
  const path = link ? link.origin + link.pathname : '';
  if (path.startsWith(base) && /^(?!tags\/|categories\/)[^/]+\/[^/]+\/$/.test(path.slice(base.length)))
    load('glossa-preview-client');
};
addEventListener('pointerover', (event) => event.pointerType === 'mouse' && previewLink(event));
// A tap focuses a link too; only keyboard focus (:focus-visible) previews.
addEventListener(
  'focusin',
  (event) => (event.target as Element).matches?.(':focus-visible') && previewLink(event),
);

export {};
