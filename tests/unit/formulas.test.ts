import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { escapeRawHtml } from '../../src/lib/markdown/escape-raw-html.ts';
import { keepDollarAmounts } from '../../src/lib/markdown/dollar-amounts.ts';
import {
  MATH_FEATURES,
  checkFormulas,
  isInlineFormula,
  renderFormula,
} from '../../src/lib/markdown/formulas.ts';
import { renderFormulas } from '../../src/lib/markdown/render-formulas.ts';

const render = async (markdown: string) => {
  const result = await markdownToHtml(markdown, {
    features: MATH_FEATURES,
    mdastPlugins: [keepDollarAmounts],
    hastPlugins: [escapeRawHtml, renderFormulas],
  });
  return typeof result === 'string' ? result : result.html;
};

describe('renderFormula', () => {
  it('renders TeX to MathML, inline or as a block', () => {
    expect(renderFormula('\\frac12', false)).toEqual({
      ok: true,
      mathml: '<math><mfrac><mn>1</mn><mn>2</mn></mfrac></math>',
    });
    const display = renderFormula('x', true);
    expect(display.ok && display.mathml).toMatch(/^<math display="block"/);
  });

  it("gives the parser's message without its echo of the formula", () => {
    expect(renderFormula('\\notacommand x', false)).toEqual({
      ok: false,
      message: 'Unsupported function name: \\notacommand',
      offset: 0,
    });
  });

  it('reports input that makes Temml fail with a JavaScript error instead of a parse error', () => {
    const result = renderFormula('x^^2', false);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^cannot be read \(/);
  });
});

describe('renderFormula, called again', () => {
  it('returns the same rendering, inline and display kept apart, so checking a formula and then rendering it costs one Temml run', () => {
    const first = renderFormula('\\frac{a}{b}', false);
    expect(renderFormula('\\frac{a}{b}', false)).toBe(first);
    expect(renderFormula('\\frac{a}{b}', true)).not.toBe(first);
    expect(renderFormula('\\frac{a}{b}', true)).toEqual(renderFormula('\\frac{a}{b}', true));
  });
});

describe('isInlineFormula', () => {
  const spans = (text: string) => {
    const start = text.indexOf('$');
    return isInlineFormula(text, start, text.lastIndexOf('$') + 1);
  };

  it('tells formulas from dollar amounts by the spaces and digits around the dollars', () => {
    expect(spans('so $x^2$ holds')).toBe(true);
    expect(spans('about $9,500 of theta, ≈ $34,700')).toBe(false);
    expect(spans('from $5 to $10')).toBe(false);
    expect(spans('from $5-$10')).toBe(false);
    expect(spans('$ x$')).toBe(false);
    expect(spans('$$x = 1$$')).toBe(true);
  });
});

describe('checkFormulas', () => {
  it('finds every formula that does not parse, at its opening dollar', () => {
    const body = 'Fine $x^2$ here.\n\nBroken $\\frac{1}{$ here.\n\n$$\n\\notacommand\n$$\n';
    expect(checkFormulas(body)).toEqual([
      {
        message: "Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}{",
        tex: '\\frac{1}{',
        line: 3,
        column: 8,
      },
      { message: 'Unsupported function name: \\notacommand', tex: '\\notacommand', line: 5, column: 1 },
    ]);
  });

  it('ignores dollar amounts, dollars in code and bodies with none', () => {
    expect(checkFormulas('Costs $5 and \\frac{ $10 or more.')).toEqual([]);
    expect(checkFormulas('Prices: `$\\frac{$` in code.')).toEqual([]);
    expect(checkFormulas('No formulas at all.')).toEqual([]);
  });
});

describe('renderFormulas', () => {
  it('replaces inline and display formulas with MathML and keeps raw HTML escaped', async () => {
    const html = await render('Energy $E=mc^2$ <b>bold</b>\n\n$$\n\\frac12\n$$\n');
    expect(html).toContain('<p>Energy <math><mrow><mi>E</mi>');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('<math display="block" class="tml-display" style="display:block math;"><mfrac>');
    expect(html).not.toContain('<code');
  });

  it('keeps dollar amounts as the text they are', async () => {
    expect(await render('Earns about $9,500 a day; ≈ $34,700 in all, $5-$10 each, but $x$.')).toBe(
      '<p>Earns about $9,500 a day; ≈ $34,700 in all, $5-$10 each, but <math><mi>x</mi></math>.</p>\n',
    );
  });

  it('shows a formula that does not parse as its source in code', async () => {
    expect(await render('Broken $\\frac{1}{$ and\n\n$$\n\\bad\n$$\n')).toBe(
      '<p>Broken <code class="language-math math-inline">\\frac{1}{</code> and</p>\n' +
        '<pre><code class="language-math math-display">\\bad</code></pre>\n',
    );
  });

  it('leaves code that is not math alone', async () => {
    expect(await render('```js\nlet a = "$x$";\n```\n')).toBe(
      '<pre><code class="language-js">let a = "$x$";\n</code></pre>\n',
    );
  });
});
