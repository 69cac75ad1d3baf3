import GithubSlugger from 'github-slugger';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';

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

/**
 * Fits an entry body's headings into the page: the term's title is the page's only `<h1>`, so a
 * `#` heading in the body becomes an `<h2>`, and a heading whose slug the layout already uses as
 * an id gets a `-section` suffix. Ids are given here with the same slugger, in the same order, as
 * Astro's own heading-id step (which runs after user plugins and keeps ids already set), so every
 * other heading keeps exactly the id it had.
 */
function bodyHeadingsPlugin() {
  const slugger = new GithubSlugger();
  return defineHastPlugin({
    name: 'glossa-body-headings',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, ctx) {
        const given = node.properties['id'];
        const slug = typeof given === 'string' ? given : slugger.slug(ctx.textContent(node));
        // Through the slugger, so a later heading that slugs the same ("Main section") is told apart.
        const id = LAYOUT_IDS.has(slug) ? slugger.slug(`${slug}-section`) : slug;
        if (node.tagName === 'h1') {
          ctx.replaceNode(node, { ...node, tagName: 'h2', properties: { ...node.properties, id } });
        } else if (id !== given) {
          ctx.setProperty(node, 'id', id);
        }
      },
    },
  });
}

/** The plugin entry for Sätteri: skipped for documents without a heading marker. */
export const bodyHeadings: HastPluginEntry = ({ source }) =>
  /^ {0,3}#|^ {0,3}[=-]+[ \t]*$/m.test(source) ? bodyHeadingsPlugin() : null;
