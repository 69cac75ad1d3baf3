import GithubSlugger from 'github-slugger';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import { nextHeadingId } from './heading-ids.ts';
import { LAYOUT_IDS } from './layout-ids.ts';

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
        const id =
          typeof given !== 'string'
            ? nextHeadingId(slugger, ctx.textContent(node))
            : LAYOUT_IDS.has(given)
              ? slugger.slug(`${given}-section`)
              : given;
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
