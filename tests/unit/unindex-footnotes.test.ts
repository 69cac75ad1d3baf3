import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { unindexFootnotes } from '../../src/lib/markdown/unindex-footnotes.ts';

const render = async (markdown: string) => {
  const result = await markdownToHtml(markdown, { hastPlugins: [unindexFootnotes] });
  return typeof result === 'string' ? result : result.html;
};

describe('unindexFootnotes', () => {
  it('keeps the footnotes section, label and citations out of the search index', async () => {
    const html = await render('A claim.[^1]\n\n[^1]: M. G. Subrahmanyam, 1988.\n');
    expect(html).toMatch(/<section [^>]*data-pagefind-ignore="all"[^>]*>\s*<h2[^>]*>Footnotes/);
    // The reference in the text stays indexed with the text.
    expect(html.indexOf('A claim.')).toBeLessThan(html.indexOf('data-pagefind-ignore'));
  });

  it('leaves documents without footnotes alone', async () => {
    expect(await render('Brackets [^ in text]')).not.toContain('data-pagefind-ignore');
  });
});
