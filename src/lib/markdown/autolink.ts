import { fileURLToPath } from 'node:url';
import { defineHastPlugin, type HastPluginEntry, type HastVisitorContext } from 'satteri';
import type { Element, ElementContent, Text } from 'hast';
import type { AutolinkSite } from '../autolink/autolink-site.ts';
import { autolinkOptionsFor } from '../autolink/autolink-site.ts';
import { createAutolinkPlanner, type BodyMention } from '../autolink/plan.ts';

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

type Ancestor = Pick<Element, 'tagName' | 'properties'>;

/**
 * The elements around a node, nearest first, up to (not including) the root. Sätteri hands out
 * the same parent object for siblings within a pass, so each element's chain is built once and
 * shared: most text nodes then cost one `parent` call instead of one per level.
 */
function ancestorChains(ctx: () => HastVisitorContext) {
  const chains = new WeakMap<object, readonly Ancestor[]>();
  const chainOf = (element: Readonly<Element>): readonly Ancestor[] => {
    let chain = chains.get(element);
    if (!chain) {
      const parent = ctx().parent(element);
      chain = [element, ...(parent.type === 'element' ? chainOf(parent) : [])];
      chains.set(element, chain);
    }
    return chain;
  };
  return (node: Readonly<Text>): readonly Ancestor[] => {
    const parent = ctx().parent(node);
    return parent.type === 'element' ? chainOf(parent) : [];
  };
}

/**
 * Two passes over the body's text nodes. Sätteri streams text nodes to a `text` visitor far more
 * cheaply than JavaScript can walk its tree (about 0.1 ms against 0.7 ms a body), but a visitor
 * cannot look ahead, and an editor's link later in a section must still win over an earlier
 * name. So the first pass reads and plans; the second replaces the planned nodes, found again by
 * their position among the text nodes, which the first pass left unchanged.
 */
function autolinkPlugins(shared: SharedAutolinks, entry: { slug: string; autolink: boolean }) {
  const planner = createAutolinkPlanner(autolinkOptionsFor(shared.site, entry.slug, entry.autolink));
  let edits = new Map<number, ElementContent[]>();
  let context: HastVisitorContext | undefined;
  const ancestorsOf = ancestorChains(() => {
    if (!context) throw new Error('glossa-autolink: no visitor context');
    return context;
  });
  const read = defineHastPlugin({
    name: 'glossa-autolink-read',
    text(node, ctx) {
      context = ctx;
      planner.text(node.value, ancestorsOf(node));
    },
    after() {
      const plan = planner.finish();
      edits = plan.edits;
      shared.found.set(entry.slug, plan.mentions);
    },
  });
  let position = 0;
  const write = defineHastPlugin({
    name: 'glossa-autolink-write',
    text(node, ctx) {
      const parts = edits.get(position++);
      if (parts) ctx.replaceNode(node, parts);
    },
  });
  return [read, write];
}

/**
 * The Sätteri plugin entry for the glossary in `siteDir`: links mentions of other entries in each
 * body (see `planAutolinks`) and records what the body mentions. Skipped for a document that is
 * not an entry of that glossary, and the writing pass for a body with nothing to link. Must run
 * after `prefixSitePaths`, so editors' links are compared under the same root.
 */
export function autolinkTerms(siteDir: string): HastPluginEntry {
  return ({ fileURL }) => {
    const shared = registry().get(siteDir);
    const entry = fileURL && shared?.entries.get(fileURLToPath(fileURL));
    return shared && entry ? autolinkPlugins(shared, entry) : null;
  };
}
