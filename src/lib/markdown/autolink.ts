import { fileURLToPath } from 'node:url';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import type { Text } from 'hast';
import type { AutolinkSite } from '../autolink/autolink-site.ts';
import { autolinkOptionsFor } from '../autolink/autolink-site.ts';
import {
  createAutolinkPlanner,
  KEPT_MENTIONS,
  PLANNED_ELEMENTS,
  type BodyMention,
} from '../autolink/plan.ts';
import { createAncestorTracker } from './ancestor-tracker.ts';

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

/**
 * One pass over the body: Sätteri streams the elements planning cares about and every text node
 * to the visitors in document order, far more cheaply than JavaScript can walk its tree (about
 * 0.1 ms against 0.7 ms a body). Each text node's ancestors come from the elements met before it
 * and the length of their text (`ancestor-tracker.ts`); asking Sätteri for each text node's
 * parent instead made it copy the whole tree to JavaScript, the plugin's largest cost. A visitor
 * cannot look ahead, and an editor's link later in a section must still win over an earlier
 * name, so the links are decided and made in `after`, on the text nodes the visitors were given:
 * nothing has changed the tree since, so they still name its nodes.
 */
function autolinkPlugin(shared: SharedAutolinks, entry: { slug: string; autolink: boolean }) {
  const planner = createAutolinkPlanner(autolinkOptionsFor(shared.site, entry.slug, entry.autolink));
  const ancestors = createAncestorTracker();
  const texts: Text[] = [];
  return defineHastPlugin({
    name: 'glossa-autolink',
    element: {
      filter: [...PLANNED_ELEMENTS],
      visit(node, ctx) {
        ancestors.element(node, ctx.textContent(node).length);
      },
    },
    text(node) {
      texts.push(node);
      planner.text(node.value, ancestors.text(node.value.length));
    },
    after(_root, ctx) {
      const plan = planner.finish();
      shared.found.set(entry.slug, plan.mentions);
      for (const [position, parts] of plan.edits) ctx.replaceNode(texts[position] as Text, parts);
    },
  });
}

/**
 * For a site whose mentions are `explicit`: notes only the editor's own links to other entries,
 * for their "Linked from", and reads no text at all. Sätteri streams just the links (and the
 * footnotes' `section`), so the body costs what it did before automatic links existed. A mention
 * keeps the link's text as its context: no sentence is looked for.
 */
function editorLinksPlugin(shared: SharedAutolinks, entry: { slug: string }) {
  const mentions: BodyMention[] = [];
  const seen = new Set<string>();
  let inFootnotes = false;
  return defineHastPlugin({
    name: 'glossa-editor-links',
    element: {
      filter: ['a', 'section'],
      visit(node, ctx) {
        // Footnotes are citations, left out as the planner leaves them out; GFM puts their
        // section after the whole body, so every link after it is one of them.
        if (node.tagName === 'section') {
          inFootnotes ||= node.properties['dataFootnotes'] !== undefined;
          return;
        }
        const href = node.properties['href'];
        const slug = typeof href === 'string' && !inFootnotes ? shared.site.slugOfHref(href) : undefined;
        if (slug === undefined || slug === entry.slug || seen.has(slug) || seen.size >= KEPT_MENTIONS) return;
        seen.add(slug);
        mentions.push({ slug, via: 'link', context: { before: '', text: ctx.textContent(node), after: '' } });
      },
    },
    after() {
      shared.found.set(entry.slug, mentions);
    },
  });
}

/**
 * The Sätteri plugin entry for the glossary in `siteDir`: links mentions of other entries in each
 * body (see `planAutolinks`) and records what the body mentions; with `mentions: explicit`, only
 * the editor's links to other entries. Skipped for a document that is not an entry of that
 * glossary. Must run after `prefixSitePaths`, so editors' links are compared under the same root.
 */
export function autolinkTerms(siteDir: string): HastPluginEntry {
  return ({ fileURL }) => {
    const shared = registry().get(siteDir);
    const entry = fileURL && shared?.entries.get(fileURLToPath(fileURL));
    if (!shared || !entry) return null;
    return shared.site.findsNames ? autolinkPlugin(shared, entry) : editorLinksPlugin(shared, entry);
  };
}
