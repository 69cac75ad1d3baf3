import temml from 'temml';
import { markdownToMdast, type MdastNode } from 'satteri';

/**
 * Formulas in entry bodies: `$…$` inline and `$$…$$` display (Sätteri's math syntax), turned into
 * MathML at build time with Temml, so pages need no script or font to show them. Temml over
 * KaTeX's MathML output: on 400 formulas both take ~95 ms, but Temml writes ~20% less markup
 * (no `<semantics>` wrapper repeating the TeX), targets the MathML Core that browsers render, and
 * installs at half the size.
 */

/** The Markdown features that make Sätteri read `$…$` and `$$…$$` as math. */
export const MATH_FEATURES = { math: true } as const;

/**
 * Whether a `$…$` span of `source` (from `start`, its opening `$`, to `end`, just after its closing
 * one) is a formula rather than two dollar amounts: "costs $5 and $10" is prose. Pandoc's rule:
 * the opening `$` is followed by a non-space, the closing one follows a non-space and is not
 * followed by a digit. `$$…$$` in running text is always a formula.
 */
export function isInlineFormula(source: string, start: number, end: number): boolean {
  if (source.startsWith('$$', start)) return true;
  return (
    !/\s/.test(source.charAt(start + 1)) &&
    !/\s/.test(source.charAt(end - 2)) &&
    !/\d/.test(source.charAt(end))
  );
}

/** A formula rendered to MathML, or the reason it could not be. */
export type RenderedFormula = { ok: true; mathml: string } | { ok: false; message: string; offset: number };

/** Renders one TeX formula to a MathML string (`display` for a `$$` block). Never throws. */
export function renderFormula(tex: string, display: boolean): RenderedFormula {
  const formulas = renderedFormulas();
  const key = `${display ? 'display' : 'inline'}\0${tex}`;
  let rendered = formulas.get(key);
  if (!rendered) {
    try {
      rendered = {
        ok: true,
        mathml: temml.renderToString(tex, { displayMode: display, throwOnError: true }),
      };
    } catch (error) {
      rendered = { ok: false, ...describeError(error) };
    }
    if (formulas.size >= RENDERED_FORMULAS_LIMIT) formulas.clear();
    formulas.set(key, rendered);
  }
  return rendered;
}

// The build renders every formula twice, once to check it (the content loader) and once into the
// page (the Markdown plugin), and Temml takes over a millisecond a formula. The two run in
// different module graphs of one process (Vite's module runner and Node's), so the results are
// kept on globalThis, where both find them. Bounded, so a huge glossary cannot grow it forever.
const RENDERED_FORMULAS = Symbol.for('glossa.renderedFormulas');
const RENDERED_FORMULAS_LIMIT = 50_000;
function renderedFormulas(): Map<string, RenderedFormula> {
  const holder = globalThis as { [RENDERED_FORMULAS]?: Map<string, RenderedFormula> };
  return (holder[RENDERED_FORMULAS] ??= new Map());
}

/** Temml's message without the echo of the formula it appends, and where in the TeX it failed. */
function describeError(error: unknown): { message: string; offset: number } {
  const raw = error instanceof Error ? error.message : String(error);
  const position = (error as { position?: unknown }).position;
  const offset = typeof position === 'number' && position > 0 ? position - 1 : 0;
  const message = raw.replace(/ at position \d+:[\s\S]*$/, '').trim();
  // Temml fails on some input (`x^^2`) with a JavaScript error rather than a ParseError.
  return { message: error instanceof temml.ParseError ? message : `cannot be read (${message})`, offset };
}

/** A formula in an entry body that does not parse, positioned within the body. */
export interface FormulaProblem {
  /** The parser's message, e.g. "Unsupported function name: \notacommand". */
  message: string;
  /** The formula as written. */
  tex: string;
  /** Line within the body (1-based). */
  line: number;
  column: number;
}

/**
 * Every formula of a body that Temml cannot render, in document order, each pointing at the
 * formula's opening `$`. The build shows such a formula as code; `check:content` warns about it.
 */
export function checkFormulas(body: string): FormulaProblem[] {
  if (!body.includes('$')) return [];
  const problems: FormulaProblem[] = [];
  const visit = (node: MdastNode) => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    const formula = node.type === 'math' || (node.type === 'inlineMath' && isInlineFormula(body, start, end));
    if (formula && 'value' in node) {
      const result = renderFormula(node.value, node.type === 'math');
      if (!result.ok) {
        problems.push({
          message: result.message,
          tex: node.value,
          line: node.position?.start.line ?? 1,
          column: node.position?.start.column ?? 1,
        });
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as MdastNode);
  };
  visit(markdownToMdast(body, { features: MATH_FEATURES }));
  return problems;
}
