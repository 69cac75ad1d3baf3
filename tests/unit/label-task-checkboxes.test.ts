import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { labelTaskCheckboxes } from '../../src/lib/markdown/label-task-checkboxes.ts';

const render = async (markdown: string) => {
  const result = await markdownToHtml(markdown, { hastPlugins: [labelTaskCheckboxes] });
  return typeof result === 'string' ? result : result.html;
};

describe('labelTaskCheckboxes', () => {
  it('names each task checkbox by its state, in tight and loose lists', async () => {
    const html = await render('- [x] shipped\n- [ ] pending\n\n1. [X] loose\n\n2. [ ] item\n');
    expect([...html.matchAll(/<input [^>]*>/g)].map((m) => m[0])).toEqual([
      '<input type="checkbox" checked disabled aria-label="Done">',
      '<input type="checkbox" disabled aria-label="Not done">',
      '<input type="checkbox" checked disabled aria-label="Done">',
      '<input type="checkbox" disabled aria-label="Not done">',
    ]);
  });

  it('leaves documents without task lists alone', async () => {
    expect(await render('Brackets [x] in text are not a task.')).toBe(
      '<p>Brackets [x] in text are not a task.</p>\n',
    );
  });
});
