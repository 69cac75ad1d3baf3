import { markdownToMdast, type MdastNode } from 'satteri';
import { cutAtWord, splitSentences } from '../checks/sentences.ts';
import { SUMMARY_MAX } from './term-schema.ts';

/** Hugo's summary divider: everything above it is the summary. */
const MORE = /<!--\s*more\s*-->/i;

/** The text kinds a summary keeps; footnote markers, raw HTML (comments) and images are left out. */
const TEXT_NODES = new Set(['text', 'inlineCode', 'inlineMath']);
const SKIPPED = new Set(['html', 'footnoteReference', 'image', 'imageReference']);

/**
 * The summary of an entry that has none in its front matter: the body's text up to `<!--more-->`
 * when it has one (as Hugo glossaries mark it), else the first sentence of its first paragraph,
 * as plain text cut at a word boundary to at most SUMMARY_MAX characters. Empty when the body has
 * no prose to take it from (only a heading, a table or nothing at all).
 */
export function summaryFromBody(body: string, locale = 'en'): string {
  const more = MORE.exec(body);
  const source = more ? body.slice(0, more.index) : body;
  const tree = markdownToMdast(source);
  const paragraphs = ('children' in tree ? (tree.children as MdastNode[]) : []).filter(
    (node) => node.type === 'paragraph',
  );
  const text = more
    ? paragraphs.map(plainText).join(' ')
    : (splitSentences(plainText(paragraphs[0]), locale)[0] ?? '');
  return cutAtWord(text, SUMMARY_MAX, locale);
}

/** The readable text of a Markdown node: link texts and emphasis kept, markup dropped. */
function plainText(node: MdastNode | undefined): string {
  if (!node || SKIPPED.has(node.type)) return '';
  if (TEXT_NODES.has(node.type) && 'value' in node) return String(node.value);
  if (node.type === 'break') return ' ';
  return 'children' in node ? (node.children as MdastNode[]).map(plainText).join('') : '';
}
