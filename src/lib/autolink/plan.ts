import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { NameIndex } from './name-index.ts';
import { sentencesAround, type Snippet } from './snippet.ts';

/** Which mentions become links: the first per page, per section (between h2s), per paragraph, or none. */
export type AutolinkPolicy = 'page' | 'section' | 'paragraph' | 'off';

/** An entry a body mentions, in order of first mention. */
export interface BodyMention {
  slug: string;
  /** `link` when the editor linked it, `name` when only its name appears in the text. */
  via: 'link' | 'name';
  /** The sentence of the first mention, for "Linked from". */
  context: Snippet;
}

/** What planning needs to know about the glossary and the entry being rendered. */
export interface AutolinkOptions {
  index: NameIndex;
  /** Slug of the entry whose body this is: never linked to itself. */
  self: string;
  policy: AutolinkPolicy;
  /** The href of an entry's page as printed in bodies (under the site's root). */
  hrefOf(slug: string): string | undefined;
  /** The entry an href in the body leads to, if it leads to one. */
  slugOfHref(href: string): string | undefined;
  locale: string;
  /**
   * Whether each mention gets the sentence around it (the default). `check:content`'s advice
   * only counts mentions; finding 10,000 bodies' sentences was a quarter of its time.
   */
  sentences?: boolean;
}

/** The automatic links to make in one body, and every entry it mentions. */
export interface AutolinkPlan {
  /** For each text node to change, by its position among the body's text nodes (0-based), what replaces it. */
  edits: Map<number, ElementContent[]>;
  mentions: BodyMention[];
}

/** The elements around a text node, nearest first, as far as planning cares. */
export type Ancestors = readonly Pick<Element, 'tagName' | 'properties'>[];

/** Elements whose text is never read for names: headings, code, links, formulas, embedded content. */
const SKIPPED = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'code', 'pre', 'kbd', 'samp', 'math', 'svg', 'script',
  'style', 'button', 'textarea', 'select', 'template',
]); // prettier-ignore
/** Elements whose text is read as one run for sentences, and which bound a `paragraph` scope. */
const BLOCKS = new Set(['p', 'li', 'td', 'th', 'dt', 'dd', 'caption', 'figcaption', 'blockquote']);

/**
 * Every element planning reads among a text node's ancestors: the skipped ones, blocks, and the
 * `section` that holds footnotes. The others may be left out of `text`'s ancestors.
 */
export const PLANNED_ELEMENTS: ReadonlySet<string> = new Set([...SKIPPED, ...BLOCKS, 'section']);

/** Something met in the body, in document order: an editor's link or a name in the text. */
interface Event {
  kind: 'link' | 'name';
  slug: string;
  scope: number;
  block: { text: string };
  start: number;
  end: number;
  /** For a name: its text node's position and the name's offsets in that node. */
  node: number;
  from: number;
  to: number;
}

/** Reads a body one text node at a time, in document order, then decides (see `planAutolinks`). */
export interface AutolinkPlanner {
  /**
   * The next text node of the body, with its ancestors nearest first (the root left out); those
   * not in `PLANNED_ELEMENTS` may be left out.
   */
  text(value: string, ancestors: Ancestors): void;
  /** Decides the links once every text node has been read. */
  finish(): AutolinkPlan;
}

/**
 * A planner for one body. Fed text nodes with their ancestors, it needs no tree of its own, so
 * the Markdown plugin can feed it from a streaming text visitor (walking Sätteri's tree from
 * JavaScript costs far more) and `planAutolinks` from a plain tree.
 */
export function createAutolinkPlanner(options: AutolinkOptions): AutolinkPlanner {
  const { index, self, policy } = options;
  const events: Event[] = [];
  const blocks = new Map<object, { text: string; scope: number }>();
  const links = new Map<object, Event | undefined>();
  const headings = new Set<object>();
  const page = { text: '', scope: 0 };
  let scopes = 0;
  let section = 0;
  let nodes = 0;
  // The text of each node a name was found in, to split it into text and links.
  const values = new Map<number, string>();

  const text = (value: string, ancestors: Ancestors) => {
    const node = nodes++;
    let skipped = false;
    let blockElement: object | undefined;
    let linkElement: Pick<Element, 'tagName' | 'properties'> | undefined;
    for (const element of ancestors) {
      const tag = element.tagName;
      // Footnotes are citations (names of sources): left as written and out of the count.
      if (tag === 'section' && element.properties['dataFootnotes'] !== undefined) return;
      if (SKIPPED.has(tag)) skipped = true;
      if (tag === 'a') linkElement ??= element;
      if (tag === 'h2' && policy === 'section' && !headings.has(element)) {
        headings.add(element);
        section = ++scopes;
      }
      if (!blockElement && BLOCKS.has(tag)) blockElement = element;
    }
    let block = blockElement ? blocks.get(blockElement) : page;
    if (!block && blockElement) {
      block = { text: '', scope: policy === 'paragraph' ? ++scopes : section };
      blocks.set(blockElement, block);
    }
    if (!block) return;
    const scope = policy === 'paragraph' ? block.scope : section;
    const at = block.text.length;
    block.text += value;
    if (linkElement) {
      if (!links.has(linkElement)) links.set(linkElement, editorLink(linkElement, block, scope, at, node));
      const link = links.get(linkElement);
      if (link) link.end = block.text.length;
    }
    if (skipped) return;
    for (const match of index.find(value)) {
      if (match.slug === self) continue;
      const { slug, start, end } = match;
      events.push({
        kind: 'name',
        slug,
        scope,
        block,
        start: at + start,
        end: at + end,
        node,
        from: start,
        to: end,
      });
      values.set(node, value);
    }
  };

  const editorLink = (
    element: Pick<Element, 'properties'>,
    block: { text: string },
    scope: number,
    at: number,
    node: number,
  ): Event | undefined => {
    const href = element.properties['href'];
    const slug = typeof href === 'string' ? options.slugOfHref(href) : undefined;
    if (slug === undefined || slug === self) return undefined;
    const event: Event = { kind: 'link', slug, scope, block, start: at, end: at, node, from: 0, to: 0 };
    events.push(event);
    return event;
  };

  const finish = (): AutolinkPlan => {
    // The editor's link wins in its whole scope, even when the name comes before it.
    const linkedByEditor = new Set(
      events.filter((e) => e.kind === 'link').map((e) => `${e.scope}\0${e.slug}`),
    );
    const linked = new Set<string>();
    const firsts = new Map<string, Event>();
    const byNode = new Map<number, Event[]>();
    for (const event of events) {
      if (!firsts.has(event.slug)) firsts.set(event.slug, event);
      if (event.kind === 'link' || policy === 'off') continue;
      const key = `${event.scope}\0${event.slug}`;
      if (linkedByEditor.has(key) || linked.has(key) || options.hrefOf(event.slug) === undefined) continue;
      linked.add(key);
      const list = byNode.get(event.node);
      if (list) list.push(event);
      else byNode.set(event.node, [event]);
    }
    return {
      edits: new Map(
        [...byNode].map(([node, list]) => [node, splitText(values.get(node) ?? '', list, options)]),
      ),
      mentions: mentionsOf(keptMentions([...firsts.values()])),
    };
  };

  const mentionsOf = (kept: readonly Event[]): BodyMention[] => {
    // Every sentence of the body in one pass of the segmenter (see `sentencesAround`).
    const contexts =
      options.sentences === false
        ? kept.map((e) => ({ before: '', text: e.block.text.slice(e.start, e.end), after: '' }))
        : sentencesAround(
            kept.map((e) => ({ text: e.block.text, start: e.start, end: e.end })),
            options.locale,
          );
    return kept.map((e, k) => ({ slug: e.slug, via: e.kind, context: contexts[k] as Snippet }));
  };

  return { text, finish };
}

/**
 * How many of a body's mentions are kept (with their sentence) for the Glossary section,
 * JSON-LD `mentions` and the other entries' "Linked from". The Glossary shows 12; twice that
 * leaves room for the ones it skips (already under Related). A body that names more other
 * entries than this reads as an index, not a definition: its names are still linked in the
 * text, but counting every one made the content store five times larger at 10,000 synthetic
 * entries (287 MB, about 70 mentions a body) and every page's "Linked from" list as long.
 */
export const KEPT_MENTIONS = 24;

/** The mentions kept of a body, in order of appearance: the editor's own links first, then names. */
function keptMentions<T extends { kind: string }>(firsts: readonly T[]): T[] {
  if (firsts.length <= KEPT_MENTIONS) return [...firsts];
  const links = firsts.filter((e) => e.kind === 'link');
  const kept = new Set([...links, ...firsts.filter((e) => e.kind !== 'link')].slice(0, KEPT_MENTIONS));
  return firsts.filter((e) => kept.has(e));
}

/**
 * Reads a rendered body (hast) for mentions of other entries and decides which become links
 * under `policy`: the first mention of an entry in each scope, unless the editor linked that
 * entry anywhere in the same scope (the editor's link wins). Never inside headings, code,
 * links, formulas or footnotes (citations, not prose), never to the entry itself. Returns the
 * edits to make, by text node, and the entries mentioned with the sentence of each first
 * mention. Pure: the tree is only read.
 */
export function planAutolinks(root: Root, options: AutolinkOptions): AutolinkPlan {
  const planner = createAutolinkPlanner(options);
  const ancestors: Element[] = [];
  const walk = (node: RootContent) => {
    if (node.type === 'text') planner.text(node.value, ancestors);
    if (node.type !== 'element') return;
    ancestors.unshift(node);
    for (const child of node.children) walk(child);
    ancestors.shift();
  };
  for (const child of root.children) walk(child);
  return planner.finish();
}

/** The pieces a text node becomes: its text, with each match turned into an automatic link. */
function splitText(value: string, matches: readonly Event[], options: AutolinkOptions): ElementContent[] {
  const parts: ElementContent[] = [];
  let from = 0;
  for (const match of matches) {
    if (match.from > from) parts.push({ type: 'text', value: value.slice(from, match.from) });
    parts.push({
      type: 'element',
      tagName: 'a',
      // `term-link` is the class every link to an entry can share; `data-autolink` tells the
      // ones Glossa made from those the editor wrote.
      properties: { href: options.hrefOf(match.slug) ?? '', className: ['term-link'], dataAutolink: '' },
      children: [{ type: 'text', value: value.slice(match.from, match.to) }],
    });
    from = match.to;
  }
  if (from < value.length) parts.push({ type: 'text', value: value.slice(from) });
  return parts;
}
