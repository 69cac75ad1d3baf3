import { defineMdastPlugin } from 'satteri';
import { isInlineFormula } from './formulas.ts';

/**
 * Turns a `$…$` span that is not a formula back into the text it was ("about $9,500 of theta a
 * day, … $34,700"): Sätteri, like remark-math, pairs any two dollars on a line, and a finance
 * glossary is full of prices. The test is Pandoc's (see isInlineFormula).
 */
export const keepDollarAmounts = defineMdastPlugin({
  name: 'glossa-keep-dollar-amounts',
  options: { position: true },
  inlineMath(node, ctx) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || isInlineFormula(ctx.source, start, end)) return;
    return { type: 'text', value: ctx.source.slice(start, end) };
  },
});
