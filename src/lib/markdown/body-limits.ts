/**
 * Resource bounds on one entry body, checked before anything parses it, so that no single entry
 * can take a build far past its normal memory peak or crash it without naming the file.
 *
 * Measured (Sätteri 0.10.5, standalone, see the hostile-input commit): a paragraph of plain text
 * costs memory linear in its size, but a paragraph with k character references (`&amp;`, `&#38;`,
 * `&lt;`) costs memory and time growing with k²: 8,000 references in one 80 KB paragraph peak at
 * 637 MB through `markdownToMdast` and 262 MB through `markdownToHtml`; 16,000 (160 KB) exceed
 * V8's largest string in the mdast reader. The same references split into paragraphs of 100 stay
 * at the 80 MB baseline. So the bound that matters is references per paragraph, not bytes.
 */

/** The bounds applied to every entry body. */
export interface BodyLimits {
  /** UTF-8 size of the body. */
  maxBytes: number;
  /** Character references in one paragraph (text between blank lines). */
  maxReferencesPerParagraph: number;
  /** How deeply blockquotes and lists may nest. */
  maxDepth: number;
}

/** Generous for prose (the longest example entry is a few KB) and far below what hurts. */
export const BODY_LIMITS: BodyLimits = {
  maxBytes: 1_000_000,
  // 1,000 references in one paragraph measured at +9 MB and 11 ms; 4,000 at +140 MB.
  maxReferencesPerParagraph: 1_000,
  maxDepth: 32,
};

/** A bound a body goes past, positioned within the body. */
export interface BodyLimitProblem {
  message: string;
  hint: string;
  /** Line within the body (1-based). */
  line: number;
  column: number;
}

const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;
const FENCE = /^\s*(?:>\s?)*\s*(`{3,}|~{3,})/;
const QUOTE_PREFIX = /^(?:[ \t]*>)+/;
const LIST_ITEM = /^([ \t]*)(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * Every bound the body goes past. A body over the size bound gets only that problem: the other
 * checks would read all of it for nothing. Linear in the body and without a Markdown parser, so
 * it costs nothing measurable at 10,000 entries.
 */
export function checkBodyLimits(body: string, limits: BodyLimits = BODY_LIMITS): BodyLimitProblem[] {
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > limits.maxBytes) {
    return [
      {
        message: `is ${formatSize(bytes)}; the limit is ${formatSize(limits.maxBytes)}`,
        hint: 'split the entry into several entries that link to each other',
        line: 1,
        column: 1,
      },
    ];
  }
  const problems: BodyLimitProblem[] = [];
  const lines = body.split('\n');
  let paragraphStart = 0;
  let references = 0;
  let deepest = { depth: 0, line: 0 };
  let fence: string | undefined;
  const closeParagraph = () => {
    if (references > limits.maxReferencesPerParagraph) {
      problems.push({
        message: `has a paragraph with ${references.toLocaleString('en')} character references such as &amp;; the limit is ${limits.maxReferencesPerParagraph.toLocaleString('en')} per paragraph (the Markdown engine's memory use grows with their square)`,
        hint: 'type the characters themselves (& rather than &amp;), or split the paragraph with blank lines',
        line: paragraphStart + 1,
        column: 1,
      });
    }
    references = 0;
  };
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      closeParagraph();
      paragraphStart = index + 1;
      return;
    }
    references += line.match(REFERENCE)?.length ?? 0;
    const fenceMark = FENCE.exec(line)?.[1];
    if (fenceMark && (fence === undefined || fenceMark.startsWith(fence))) {
      fence = fence === undefined ? fenceMark : undefined;
      return;
    }
    if (fence !== undefined) return;
    const quotes = QUOTE_PREFIX.exec(line)?.[0] ?? '';
    const rest = line.slice(quotes.length);
    const item = LIST_ITEM.exec(rest);
    // A list nests by indentation: each level indents its items by at least two columns.
    const listDepth = item ? Math.floor(columns(item[1] ?? '') / 2) + 1 : 0;
    const depth = (quotes.match(/>/g)?.length ?? 0) + listDepth;
    if (depth > deepest.depth) deepest = { depth, line: index };
  });
  closeParagraph();
  if (deepest.depth > limits.maxDepth) {
    problems.push({
      message: `nests blockquotes and lists ${deepest.depth.toLocaleString('en')} levels deep; the limit is ${limits.maxDepth}`,
      hint: 'flatten the structure: few readers can follow more than three or four levels',
      line: deepest.line + 1,
      column: 1,
    });
  }
  return problems.sort((a, b) => a.line - b.line);
}

function columns(indent: string): number {
  return [...indent].reduce((width, c) => width + (c === '\t' ? 4 - (width % 4) : 1), 0);
}

/** `2.1 MB`, `900 KB`: sizes as editors read them (decimal units, one decimal for MB). */
export function formatSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${Number((bytes / 1_000_000).toFixed(1))} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} KB`;
  return `${bytes} bytes`;
}
