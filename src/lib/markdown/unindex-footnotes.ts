import { defineHastPlugin, type HastPluginEntry } from 'satteri';

/**
 * Keeps an entry's footnotes out of the search index. Footnotes are citations ("M. G.
 * Subrahmanyam, 1988"): a query that matches only there is not a reader's hit, and their hidden
 * "Footnotes" label would otherwise show up in result excerpts.
 */
const unindexFootnotesPlugin = defineHastPlugin({
  name: 'glossa-unindex-footnotes',
  element: {
    filter: ['section'],
    visit(node, ctx) {
      if (node.properties['dataFootnotes'] === undefined) return;
      ctx.setProperty(node, 'dataPagefindIgnore', 'all');
    },
  },
});

/** The plugin entry for Sätteri: skipped for documents without a footnote. */
export const unindexFootnotes: HastPluginEntry = ({ source }) =>
  /\[\^[^\]]+\]/.test(source) ? unindexFootnotesPlugin : null;
