import { fileURLToPath } from 'node:url';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import type { Root } from 'hast';
import type { AutolinkSite } from '../autolink/autolink-site.ts';
import { autolinkOptionsFor } from '../autolink/autolink-site.ts';
import { planAutolinks, type BodyMention } from '../autolink/plan.ts';

/** The glossary being rendered, as the content loader shares it with the Markdown pipeline. */
export interface SharedAutolinks {
  site: AutolinkSite;
  /** The entry (slug, and whether it links automatically) of each file being rendered, by absolute path. */
  entries: ReadonlyMap<string, { slug: string; autolink: boolean }>;
  /** Filled by the plugin: the mentions found in each rendered body, by slug. */
  found: Map<string, BodyMention[]>;
}

// The content loader runs inside Vite's module runner and the Markdown pipeline is created by
// the integration in Node's own module graph, so a module-level variable would exist twice; a
// process-wide registry keyed by the site folder is the one place both see.
const REGISTRY = Symbol.for('glossa.autolink');
type Registry = Map<string, SharedAutolinks>;

function registry(): Registry {
  const holder = globalThis as { [REGISTRY]?: Registry };
  return (holder[REGISTRY] ??= new Map());
}

/** Called by the content loader before it renders bodies: the names and addresses to link. */
export function shareAutolinks(siteDir: string, shared: SharedAutolinks): void {
  registry().set(siteDir, shared);
}

/** Makes `term-link` automatic links in a rendered body and records the entries it mentions. */
function autolinkPlugin(shared: SharedAutolinks, entry: { slug: string; autolink: boolean }) {
  return defineHastPlugin({
    name: 'glossa-autolink',
    before(root, ctx) {
      const plan = planAutolinks(root as Root, autolinkOptionsFor(shared.site, entry.slug, entry.autolink));
      for (const edit of plan.edits) ctx.replaceNode(edit.node, edit.parts);
      shared.found.set(entry.slug, plan.mentions);
    },
  });
}

/**
 * The Sätteri plugin entry for the glossary in `siteDir`: links mentions of other entries in each
 * body (see `planAutolinks`). Skipped for a document that is not an entry of that glossary.
 * Must run after `prefixSitePaths`, so editors' links are compared under the same root.
 */
export function autolinkTerms(siteDir: string): HastPluginEntry {
  return ({ fileURL }) => {
    const shared = registry().get(siteDir);
    const entry = fileURL && shared?.entries.get(fileURLToPath(fileURL));
    return shared && entry ? autolinkPlugin(shared, entry) : null;
  };
}
