import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { bodyHeadings } from '../../src/lib/markdown/body-headings.ts';
import { bodyHeadingIds } from '../../src/lib/markdown/heading-ids.ts';
import { buildRedirectsFile, collectRedirects, redirectSource } from '../../src/lib/outputs/redirects.ts';
import { makeTerm } from '../support/make-term.ts';

describe('redirectSource', () => {
  it('places an old slug in the entry’s section and gives folder paths their trailing slash', () => {
    const term = { section: 'definition' };
    expect(
      ['old-name', '/old/path/', '/old/path', '/old/page.html'].map((item) => redirectSource(term, item)),
    ).toEqual(['/definition/old-name/', '/old/path/', '/old/path/', '/old/page.html']);
  });
});

describe('buildRedirectsFile', () => {
  it('writes one sorted 301 line per old address, under the glossary root', () => {
    const tcp = makeTerm('tcp', { section: 'definition', redirectFrom: ['transmission', '/old/tcp/'] });
    const udp = makeTerm('udp', { section: 'term', redirectFrom: ['/ünï/'] });
    expect(buildRedirectsFile(collectRedirects([tcp, udp]), '/docs/')).toBe(
      [
        '/docs/%C3%BCn%C3%AF/ /docs/term/udp/ 301',
        '/docs/definition/transmission/ /docs/definition/tcp/ 301',
        '/docs/old/tcp/ /docs/definition/tcp/ 301',
        '',
      ].join('\n'),
    );
    expect(buildRedirectsFile([], '/')).toBe('');
  });
});

describe('bodyHeadingIds', () => {
  it('predicts exactly the ids the rendered page gives its headings', async () => {
    const body =
      '# Main\n\n## Usage\n\n## Usage\n\n### The `x` flag ![i](/i.png)\n\n## Main section\n\n```\n# not a heading\n```';
    const { html } = await markdownToHtml(body, { hastPlugins: [bodyHeadings] });
    const rendered = [...html.matchAll(/<h\d id="([^"]+)"/g)].map((match) => match[1]);
    expect(bodyHeadingIds(body)).toEqual([
      'main-section',
      'usage',
      'usage-1',
      'the-x-flag-',
      'main-section-1',
    ]);
    expect(rendered).toEqual(bodyHeadingIds(body));
  });
});
