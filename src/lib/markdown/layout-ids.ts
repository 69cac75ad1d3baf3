/**
 * Ids the page layout gives its own elements. A body heading slugged to one of them (`## Main`
 * becomes `id="main"`) would duplicate it: invalid HTML, and the skip link or a section's
 * `aria-labelledby` could land on the wrong element. Keep in step with src/components and
 * src/layouts; the basic fixture's build test fails on any duplicate id.
 */
export const LAYOUT_IDS: ReadonlySet<string> = new Set([
  'main',
  'related',
  'related-heading',
  'glossary-heading',
  'backlinks',
  'backlinks-heading',
  'discover-heading',
  'recent-heading',
  'sections-heading',
  'site-search',
  'site-search-input',
  'site-search-panel',
  'site-search-client',
]);
