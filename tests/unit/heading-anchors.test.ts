import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { bodyHeadings } from '../../src/lib/markdown/body-headings.ts';
import { headingAnchors } from '../../src/lib/markdown/heading-anchors.ts';

const render = async (markdown: string) => {
  const result = await markdownToHtml(markdown, { hastPlugins: [bodyHeadings, headingAnchors] });
  return typeof result === 'string' ? result : result.html;
};

describe('headingAnchors', () => {
  it('puts a named link to each section heading after it, its "#" hidden from screen readers', async () => {
    expect(await render('## Why *it* matters\n')).toBe(
      '<div class="heading"><h2 id="why-it-matters">Why <em>it</em> matters</h2>' +
        '<a class="heading-anchor" href="#why-it-matters" aria-label="Link to the section “Why it matters”" data-pagefind-ignore="">' +
        '<span aria-hidden="true">#</span></a></div>\n',
    );
  });

  it('links the id bodyHeadings gave a heading that clashed with the layout', async () => {
    expect(await render('# Main\n')).toContain('href="#main-section"');
  });

  it('gives the screen-reader-only footnotes heading no visible link', async () => {
    const html = await render('## One\n\nA claim.[^1]\n\n[^1]: Source.\n');
    expect(html.match(/class="heading-anchor"/g)).toHaveLength(1);
    expect(html).toContain('<h2 class="sr-only" id="footnote-label">Footnotes</h2>');
  });
});
