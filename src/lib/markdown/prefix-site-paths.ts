import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import { pathUnder } from '../site/urls.ts';
import { LINK_ELEMENTS, linkAttribute } from './link-attribute.ts';

/**
 * Serves an entry's site paths from wherever the glossary lives: an editor writes
 * `[gamma](/definition/gamma/)` and `![curve](/images/curve.svg)` from the glossary's root, and a
 * glossary hosted at `/docs/glossary/` must print `/docs/glossary/definition/gamma/`. Links with a
 * scheme, `//host` links and relative paths are left as written. A no-op at the root `/`.
 */
export function prefixSitePaths(root: string): HastPluginEntry {
  if (root === '/') return () => null;
  const plugin = defineHastPlugin({
    name: 'glossa-prefix-site-paths',
    element: {
      filter: LINK_ELEMENTS,
      visit(node, ctx) {
        const key = linkAttribute(node.tagName);
        const value = node.properties[key];
        // pathUnder leaves URLs with a scheme, `//host` links, relative paths and fragments alone.
        const under = typeof value === 'string' ? pathUnder(root, value) : value;
        if (under !== value) ctx.setProperty(node, key, under);
      },
    },
  });
  // A site path in Markdown starts with `(/`, `</` or `]: /`; most bodies have none.
  return ({ source }) => (/\(\s*<?\/|\]:\s*<?\//.test(source) ? plugin : null);
}
