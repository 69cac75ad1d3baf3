import type { Nodes, Paragraph, Parent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfm } from 'micromark-extension-gfm';
import { SKIP, visit } from 'unist-util-visit';
import type { Glossary } from '../glossary-graph.ts';
import type { SiteConfig } from '../site-config.ts';
import type { Term } from '../term.ts';
import { absoluteUrl, termPath } from '../urls.ts';

/** Containers whose children are blocks, where loose editor HTML becomes a paragraph of text. */
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/**
 * Serializes a Markdown tree as GitHub-flavoured Markdown. Text nodes are escaped by
 * mdast-util-to-markdown, so editor text (a title with `<`, `[` or `#`) stays literal text.
 */
export function serializeMarkdown(tree: Root): string {
  return toMarkdown(tree, { extensions: [gfmToMarkdown()], bullet: '-', listItemIndent: 'one' });
}

/** A paragraph holding one link, as used for lists of entries. */
export function linkParagraph(text: string, url: string, after = ''): Paragraph {
  return {
    type: 'paragraph',
    children: [
      { type: 'link', url, children: [{ type: 'text', value: text }] },
      ...(after ? [{ type: 'text' as const, value: after }] : []),
    ],
  };
}

/**
 * Parses an entry body and prepares it for reading outside the site: every link and image URL
 * is made absolute against the term page, and raw HTML is kept only as literal text, as the page
 * shows it (see src/lib/markdown/escape-raw-html.ts).
 */
export function absolutizeBody(body: string, pageUrl: string): RootContent[] {
  const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  visit(tree, (node: Nodes, index, parent: Parent | undefined) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      node.url = resolveUrl(node.url, pageUrl);
    } else if (node.type === 'html' && parent && index !== undefined) {
      const text = { type: 'text' as const, value: node.value };
      parent.children[index] = FLOW_PARENTS.has(parent.type) ? { type: 'paragraph', children: [text] } : text;
      return SKIP;
    }
    return undefined;
  });
  return tree.children;
}

function resolveUrl(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    // Not a URL the browser could follow either; leave the editor's text as written.
    return url;
  }
}

/**
 * The Markdown copy of an entry served at `/<section>/<slug>.md`: the title as `#` heading, the
 * summary, the body with absolute links, and the related entries as absolute links.
 */
export function buildMarkdownCopy(site: SiteConfig, glossary: Glossary, term: Term): string {
  const pageUrl = absoluteUrl(site.url, termPath(term));
  const related = glossary.related(term);
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [{ type: 'text', value: term.title }] },
    { type: 'paragraph', children: [{ type: 'text', value: term.summary }] },
    ...absolutizeBody(term.body, pageUrl),
  ];
  if (related.length > 0) {
    children.push(
      { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Related' }] },
      {
        type: 'list',
        ordered: false,
        spread: false,
        children: related.map((t) => ({
          type: 'listItem',
          spread: false,
          children: [linkParagraph(t.title, absoluteUrl(site.url, termPath(t)))],
        })),
      },
    );
  }
  return serializeMarkdown({ type: 'root', children });
}
