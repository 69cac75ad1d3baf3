import { defineHastPlugin, type HastPluginEntry } from 'satteri';

/**
 * Puts each table of a body in a box that scrolls sideways when the table is wider than the
 * column, as wide tables are on a phone. The box is a focusable, named region (axe:
 * scrollable-region-focusable) so keyboard users can scroll it too, and screen readers announce
 * what it holds: the table's caption, or "Table 1", "Table 2"… in the order of the body.
 */
function scrollableTablesPlugin() {
  let count = 0;
  return defineHastPlugin({
    name: 'glossa-scrollable-tables',
    element: {
      filter: ['table'],
      visit(node, ctx) {
        count += 1;
        const caption = node.children.find(
          (child) => child.type === 'element' && child.tagName === 'caption',
        );
        const label = (caption && ctx.textContent(caption).trim()) || `Table ${count}`;
        ctx.wrapNode(node, {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: label },
          children: [],
        });
      },
    },
  });
}

/** The plugin entry for Sätteri: skipped for documents without a `|`, which every table needs. */
export const scrollableTables: HastPluginEntry = ({ source }) =>
  source.includes('|') ? scrollableTablesPlugin() : null;
