import { markdownToMdast, type MdastNode } from 'satteri';

/**
 * HTML comments in entry bodies (`<!-- editor's note -->`, Hugo's `<!--more-->`) are notes for
 * editors, never text for readers: they are removed from pages, Markdown copies and everything
 * built from them. Only complete comments are removed; an unclosed `<!--` stays visible, so the
 * editor sees the mistake instead of losing the rest of the entry.
 */

// The HTML tokenizer's comment forms: `<!--…-->` (also closed by `--!>`), plus the abruptly closed
// `<!-->` and `<!--->`. Applied only to raw HTML the Markdown parser has already set apart, never
// to Markdown source, so a comment written inside a code span or block is left alone.
const COMMENT = /<!--(?:-?>|[\s\S]*?--!?>)/g;

/** The raw HTML `html` with every complete comment removed. */
export function stripHtmlComments(html: string): string {
  return html.includes('<!--') ? html.replace(COMMENT, '') : html;
}

/** An HTML comment that is opened and never closed, positioned within the body. */
export interface UnclosedComment {
  /** Line within the body (1-based). */
  line: number;
  column: number;
}

/**
 * Every `<!--` of a body that no `-->` closes. Markdown reads everything after it, to the end of
 * the entry, as the comment's HTML, so the page would show the rest of the body as raw text.
 * Only raw HTML the parser found is looked at: `<!--` in code is text.
 */
export function findUnclosedComments(body: string): UnclosedComment[] {
  if (!body.includes('<!--')) return [];
  const offsets: number[] = [];
  const stack: MdastNode[] = [markdownToMdast(body)];
  for (let node = stack.pop(); node; node = stack.pop()) {
    // Raw HTML holds a comment that runs to the end of the body; text holds a `<!--` that
    // Markdown did not take for HTML at all (one inside a paragraph).
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if ((node.type === 'html' || node.type === 'text') && from !== undefined && to !== undefined) {
      // Complete comments blanked out, keeping offsets, so a `<!--` left is an unclosed one.
      const open = blankComments(body.slice(from, to)).indexOf('<!--');
      if (open !== -1) offsets.push(from + open);
    }
    if ('children' in node) for (const child of node.children) stack.push(child as MdastNode);
  }
  return offsets
    .sort((a, b) => a - b)
    .map((offset) => {
      const before = body.slice(0, offset);
      const lineStart = before.lastIndexOf('\n') + 1;
      return { line: before.split('\n').length, column: offset - lineStart + 1 };
    });
}

function blankComments(html: string): string {
  return html.replace(COMMENT, (comment) => comment.replace(/[^\n]/g, ' '));
}
