import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { bodyHeadings } from '../../src/lib/markdown/body-headings.ts';

const render = async (markdown: string) => {
  const result = await markdownToHtml(markdown, { hastPlugins: [bodyHeadings] });
  return typeof result === 'string' ? result : result.html;
};
const headings = (html: string) => [...html.matchAll(/<(h\d) id="([^"]+)">/g)].map((m) => `${m[1]}#${m[2]}`);

describe('bodyHeadings', () => {
  it('turns body h1 headings (ATX or setext) into h2, the title being the page’s h1', async () => {
    expect(headings(await render('# First\n\nText.\n\nSecond\n======\n\n### Third\n'))).toEqual([
      'h2#first',
      'h2#second',
      'h3#third',
    ]);
  });

  it('suffixes a slug the page layout uses as an id, and leaves every other id as Astro gives it', async () => {
    expect(
      headings(await render('## Main\n\n## Related\n\n## Gamma\n\n## Gamma\n\n## Main section\n')),
    ).toEqual(['h2#main-section', 'h2#related-section', 'h2#gamma', 'h2#gamma-1', 'h2#main-section-1']);
  });
});
