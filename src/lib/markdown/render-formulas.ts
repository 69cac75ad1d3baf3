import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import { renderFormula } from './formulas.ts';

type Classes = unknown;
const hasClass = (className: Classes, name: string) => Array.isArray(className) && className.includes(name);

/**
 * Replaces the code elements Sätteri makes of `$…$` (`code.math-inline`) and `$$…$$`
 * (`pre > code.math-display`) with their MathML. A formula that does not parse keeps its code
 * element, so the reader sees the TeX as written rather than nothing; `check:content` reports it.
 */
const renderFormulasPlugin = defineHastPlugin({
  name: 'glossa-render-formulas',
  element: {
    filter: ['pre', 'code'],
    visit(node, ctx) {
      const code =
        node.tagName === 'pre'
          ? node.children.find((child) => child.type === 'element' && child.tagName === 'code')
          : node;
      if (!code || code.type !== 'element') return;
      const display = node.tagName === 'pre' && hasClass(code.properties['className'], 'math-display');
      if (!display && !(node.tagName === 'code' && hasClass(code.properties['className'], 'math-inline')))
        return;
      const result = renderFormula(ctx.textContent(code), display);
      if (result.ok) ctx.replaceNode(node, { type: 'raw', value: result.mathml });
    },
  },
});

/** The plugin entry for Sätteri: skipped for documents without a `$`. */
export const renderFormulas: HastPluginEntry = ({ source }) =>
  source.includes('$') ? renderFormulasPlugin : null;
