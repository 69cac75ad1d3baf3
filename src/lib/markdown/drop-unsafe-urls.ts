import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import { LINK_ELEMENTS, linkAttribute } from './link-attribute.ts';
import { checkUrl } from './url-safety.ts';

/**
 * Defence in depth behind validation: an `href` or `src` with a refused scheme (url-safety.ts)
 * is removed from the rendered body, so the link shows as plain text. Validation already stops a
 * build on such a link; this keeps any other path to rendering (a preview of a broken save, a
 * future caller of the pipeline) from ever publishing one.
 */
const dropUnsafeUrlsPlugin = defineHastPlugin({
  name: 'glossa-drop-unsafe-urls',
  element: {
    filter: LINK_ELEMENTS,
    visit(node, ctx) {
      const key = linkAttribute(node.tagName);
      const value = node.properties[key];
      if (typeof value === 'string' && !checkUrl(value).safe) {
        const properties = Object.fromEntries(
          Object.entries(node.properties).filter(([name]) => name !== key),
        );
        ctx.replaceNode(node, { ...node, properties });
      }
    },
  },
});

/** The plugin entry for Sätteri: skipped for documents with neither a colon nor a character reference (&#58; is one). */
export const dropUnsafeUrls: HastPluginEntry = ({ source }) =>
  /[:&]/.test(source) ? dropUnsafeUrlsPlugin : null;
