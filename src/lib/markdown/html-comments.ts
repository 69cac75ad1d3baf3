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
