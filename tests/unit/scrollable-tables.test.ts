import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { scrollableTables } from '../../src/lib/markdown/scrollable-tables.ts';

const render = async (markdown: string) => {
  const result = await markdownToHtml(markdown, { hastPlugins: [scrollableTables] });
  return typeof result === 'string' ? result : result.html;
};

describe('scrollableTables', () => {
  it('wraps each table in a focusable region named by its place in the body', async () => {
    const html = await render('| a |\n|---|\n| 1 |\n\ntext\n\n| b |\n|---|\n| 2 |\n');
    expect([...html.matchAll(/<div [^>]*>(?=<table>)/g)].map((m) => m[0])).toEqual([
      '<div class="table-scroll" tabindex="0" role="region" aria-label="Table 1">',
      '<div class="table-scroll" tabindex="0" role="region" aria-label="Table 2">',
    ]);
    expect(html.match(/<\/table><\/div>/g)).toHaveLength(2);
  });

  it('leaves a body with pipes but no table alone', async () => {
    expect(await render('a | b')).toBe('<p>a | b</p>\n');
  });
});
