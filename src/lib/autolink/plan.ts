import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { NameIndex } from './name-index.ts';
import { sentenceAround, type Snippet } from './snippet.ts';

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

/** What `planAutolinks` needs to know about the glossary and the entry being rendered. */
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
}

/** A text node to replace by the given nodes (text and automatic links). */
export interface TextEdit {
  node: Text;
  parts: ElementContent[];
}

/** The automatic links to make in one body, and every entry it mentions. */
export interface AutolinkPlan {
  edits: TextEdit[];
  mentions: BodyMention[];
}

/** Elements whose text is never read for names: headings, code, links, formulas, embedded content. */
const SKIPPED = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'code', 'pre', 'kbd', 'samp', 'math', 'svg', 'script',
  'style', 'button', 'textarea', 'select', 'template',
]); // prettier-ignore
/** Elements whose text is read as one run for sentences, and which bound a `paragraph` scope. */
const BLOCKS = new Set(['p', 'li', 'td', 'th', 'dt', 'dd', 'caption', 'figcaption', 'blockquote']);

/** A run of text read as one for sentences: a paragraph, list item or table cell. */
interface Block {
  text: string;
}

/** Something the walk met, in document order: an editor's link or a name in the text. */
type Event =
  | { kind: 'link'; slug: string; scope: number; block: Block; start: number; end: number }
  | {
      kind: 'name';
      slug: string;
      scope: number;
      block: Block;
      start: number;
      end: number;
      node: Text;
      offset: number;
    };

/**
 * Reads a rendered body (hast) for mentions of other entries and decides which become links
 * under `policy`: the first mention of an entry in each scope, unless the editor linked that
 * entry anywhere in the same scope (the editor's link wins). Never inside headings, code,
 * links, formulas or footnotes (citations, not prose), never to the entry itself. Returns the
 * edits to make and the entries mentioned, with the sentence of each first mention. Pure: the
 * tree is only read.
 */
export function planAutolinks(root: Root, options: AutolinkOptions): AutolinkPlan {
  const { index, self, policy } = options;
  const events: Event[] = [];
  let scope = 0;
  let scopes = 0;

  const walk = (node: Root | RootContent, block: Block, skipping: boolean) => {
    if (node.type === 'text') {
      const at = block.text.length;
      block.text += node.value;
      if (skipping) return;
      for (const match of index.find(node.value)) {
        if (match.slug === self) continue;
        events.push({
          kind: 'name',
          slug: match.slug,
          scope,
          block,
          start: at + match.start,
          end: at + match.end,
          node,
          offset: match.start,
        });
      }
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    let link: Event | undefined;
    if (node.type === 'element') {
      // Footnotes are citations (names of sources): left as written and out of the count.
      if (node.tagName === 'section' && node.properties['dataFootnotes'] !== undefined) return;
      if (policy === 'section' && node.tagName === 'h2') scope = ++scopes;
      if (node.tagName === 'a') link = editorLink(node, block);
    }
    const isBlock = node.type === 'element' && BLOCKS.has(node.tagName);
    const inner: Block = isBlock ? { text: '' } : block;
    const outerScope = scope;
    if (isBlock && policy === 'paragraph') scope = ++scopes;
    const skipInside = skipping || (node.type === 'element' && SKIPPED.has(node.tagName));
    for (const child of node.children) walk(child, inner, skipInside);
    if (link) link.end = block.text.length;
    if (isBlock && policy === 'paragraph') scope = outerScope;
  };

  const editorLink = (node: Element, block: Block): Event | undefined => {
    const href = node.properties['href'];
    const slug = typeof href === 'string' ? options.slugOfHref(href) : undefined;
    if (slug === undefined || slug === self) return undefined;
    const at = block.text.length;
    const event: Event = { kind: 'link', slug, scope, block, start: at, end: at };
    events.push(event);
    return event;
  };

  walk(root, { text: '' }, false);

  // The editor's link wins in its whole scope, even when the name comes before it.
  const linkedByEditor = new Set(events.filter((e) => e.kind === 'link').map((e) => `${e.scope}\0${e.slug}`));
  const linked = new Set<string>();
  const firsts = new Map<string, Event>();
  const edits = new Map<Text, { start: number; end: number; slug: string }[]>();
  for (const event of events) {
    if (!firsts.has(event.slug)) firsts.set(event.slug, event);
    if (event.kind === 'link' || policy === 'off') continue;
    const key = `${event.scope}\0${event.slug}`;
    if (linkedByEditor.has(key) || linked.has(key) || options.hrefOf(event.slug) === undefined) continue;
    linked.add(key);
    const match = { start: event.offset, end: event.offset + event.end - event.start, slug: event.slug };
    const list = edits.get(event.node);
    if (list) list.push(match);
    else edits.set(event.node, [match]);
  }

  return {
    edits: [...edits.entries()].map(([node, matches]) => ({
      node,
      parts: splitText(node.value, matches, options),
    })),
    mentions: [...firsts.values()].map((e) => ({
      slug: e.slug,
      via: e.kind,
      context: sentenceAround(e.block.text, e.start, e.end, options.locale),
    })),
  };
}

/** The pieces a text node becomes: its text, with each match turned into an automatic link. */
function splitText(
  value: string,
  matches: readonly { start: number; end: number; slug: string }[],
  options: AutolinkOptions,
): ElementContent[] {
  const parts: ElementContent[] = [];
  let from = 0;
  for (const match of matches) {
    if (match.start > from) parts.push({ type: 'text', value: value.slice(from, match.start) });
    parts.push({
      type: 'element',
      tagName: 'a',
      // `term-link` is the class every link to an entry can share; `data-autolink` tells the
      // ones Glossa made from those the editor wrote.
      properties: { href: options.hrefOf(match.slug) ?? '', className: ['term-link'], dataAutolink: '' },
      children: [{ type: 'text', value: value.slice(match.start, match.end) }],
    });
    from = match.end;
  }
  if (from < value.length) parts.push({ type: 'text', value: value.slice(from) });
  return parts;
}
