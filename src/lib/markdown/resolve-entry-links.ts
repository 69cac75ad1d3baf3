import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import { mayLinkToEntryFiles, resolveEntryLink, type SectionOf } from './entry-links.ts';

/**
 * Turns body links to other entries' files (`[tcp](./tcp.md#history)`) into links to their pages
 * (`/definition/tcp/#history`). Runs before prefixSitePaths, which then serves the path from the
 * glossary's root. `sectionOf` finds an entry by slug; validation has already refused a link to
 * an entry that does not exist, so one that is not found here is left as written.
 */
export function resolveEntryLinks(sectionOf: SectionOf): HastPluginEntry {
  const plugin = defineHastPlugin({
    name: 'glossa-resolve-entry-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const href = node.properties['href'];
        if (typeof href !== 'string') return;
        const resolved = resolveEntryLink(href, sectionOf);
        if (resolved !== href) ctx.setProperty(node, 'href', resolved);
      },
    },
  });
  return ({ source }) => (mayLinkToEntryFiles(source) ? plugin : null);
}
