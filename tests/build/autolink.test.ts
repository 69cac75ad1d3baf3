import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bodyLinksOf,
  buildFixture,
  jsonLdOf,
  listTitles,
  readPage,
  type FixtureBuild,
} from '../support/build-fixture.ts';

let build: FixtureBuild;
beforeAll(() => {
  build = buildFixture('autolink');
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
});

const page = (path: string) => readPage(build.outDir, path);
const bodyLinks = (path: string) => bodyLinksOf(page(path));
const titles = listTitles;

describe('automatic links in a built body', () => {
  it('links the first mention per section: plurals, an all-capitals alias, never a heading, code, the entry itself or what the editor linked', () => {
    expect(bodyLinks('/definition/gamma/')).toEqual([
      // Sätteri's smart punctuation prints the apostrophe curly.
      'auto option’s → /definition/option/',
      'auto negative gamma → /definition/negative-gamma/',
      'auto delta → /definition/delta/',
      '# → #delta-options-and-iv',
      'auto IV → /definition/implied-volatility/',
      'auto Options → /definition/option/',
      'the delta page → /definition/delta/',
    ]);
    const prose = page('/definition/gamma/').querySelector('.prose');
    expect(prose?.querySelector('h2')?.textContent).toBe('Delta, options and IV');
    expect(prose?.querySelector('code')?.textContent).toBe('delta');
    expect(prose?.querySelector('a[data-autolink]')?.getAttribute('class')).toBe('term-link');
  });

  it('keeps an alias of the entry itself whole instead of linking the shorter name inside it', () => {
    expect(bodyLinks('/definition/negative-gamma/')).toEqual([]);
  });
});

describe('mentions', () => {
  it('lists the entries the body names in the Glossary section, less those Related shows', () => {
    const gamma = page('/definition/gamma/');
    expect(titles(gamma.querySelector('.related ul'))).toEqual(['Delta']);
    expect(titles(gamma.querySelector('.glossary-list'))).toEqual([
      'Option',
      'Negative Gamma',
      'Implied Volatility',
    ]);
  });

  it('gives the JSON-LD WebPage every mentioned entry, in order of mention', () => {
    const graph = jsonLdOf(page('/definition/gamma/')) as {
      '@graph': { '@type': string; mentions?: { name: string }[] }[];
    }[];
    const webPage = graph[0]?.['@graph'].find((node) => node['@type'] === 'WebPage');
    expect(webPage?.mentions?.map((m) => m.name)).toEqual([
      'Option',
      'Negative Gamma',
      'Delta',
      'Implied Volatility',
    ]);
  });

  it('says the same in glossary.json and the Markdown copy', () => {
    const json = JSON.parse(readFileSync(join(build.outDir, 'glossary.json'), 'utf8')) as {
      terms: { slug: string; mentions: string[] }[];
    };
    expect(json.terms.find((t) => t.slug === 'gamma')?.mentions).toEqual([
      'https://autolink.example.org/definition/option/',
      'https://autolink.example.org/definition/negative-gamma/',
      'https://autolink.example.org/definition/delta/',
      'https://autolink.example.org/definition/implied-volatility/',
    ]);
    const copy = readFileSync(join(build.outDir, 'definition/gamma.md'), 'utf8');
    expect(copy.slice(copy.indexOf('## Related'))).toBe(
      [
        '## Related',
        '',
        '- [Delta](https://autolink.example.org/definition/delta/)',
        '',
        '## Glossary',
        '',
        '- [Option](https://autolink.example.org/definition/option/)',
        '- [Negative Gamma](https://autolink.example.org/definition/negative-gamma/)',
        '- [Implied Volatility](https://autolink.example.org/definition/implied-volatility/)',
        '',
      ].join('\n'),
    );
  });
});

describe('Linked from', () => {
  it('shows each entry that mentions this one with its sentence, the mention marked', () => {
    const iv = page('/definition/implied-volatility/');
    const items = iv.querySelectorAll('.backlinks li');
    expect(
      items.map((li) => [li.querySelector('a')?.textContent, li.querySelector('.context')?.innerHTML]),
    ).toEqual([
      [
        'Gamma',
        'When <mark>IV</mark> rises, gamma spreads out across strikes; iv in lowercase is just letters.',
      ],
    ]);
    // Option mentions this entry too, but the body names it back, so it shows in the Glossary instead.
    expect(titles(iv.querySelector('.glossary-list'))).toEqual(['Option']);
    const negative = page('/definition/negative-gamma/').querySelector('.backlinks li .context');
    expect(negative?.innerHTML).toBe(
      'Dealers who sell options carry <mark>negative gamma</mark> and hedge their delta often.',
    );
  });

  it('never repeats an entry that Related already shows', () => {
    expect(page('/definition/delta/').querySelector('.backlinks')).toBeNull();
  });
});
