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

// The same kind of entries as the autolink fixture, on a site with `mentions: explicit`: bodies
// name each other all over, and none of that may reach the page.
let build: FixtureBuild;
beforeAll(() => {
  build = buildFixture('explicit-mentions');
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
});

const page = (path: string) => readPage(build.outDir, path);
const bodyLinks = (path: string) => bodyLinksOf(page(path));
const titles = listTitles;

describe('a site whose mentions are explicit', () => {
  it('links no name automatically: only the editor’s links and the heading anchor remain', () => {
    expect(bodyLinks('/definition/gamma/')).toEqual([
      '# → #delta-options-and-iv',
      'the option page → /definition/option/',
    ]);
    expect(bodyLinks('/definition/option/')).toEqual([]);
  });

  it('lists only the front matter’s mentions in the Glossary section and the JSON-LD', () => {
    const gamma = page('/definition/gamma/');
    expect(titles(gamma.querySelector('.related ul'))).toEqual(['Delta']);
    expect(titles(gamma.querySelector('.glossary-list'))).toEqual(['Implied Volatility']);
    const graph = jsonLdOf(gamma) as { '@graph': { '@type': string; mentions?: { name: string }[] }[] }[];
    const webPage = graph[0]?.['@graph'].find((node) => node['@type'] === 'WebPage');
    expect(webPage?.mentions?.map((m) => m.name)).toEqual(['Implied Volatility']);
    // Option's body names two entries and lists none: no Glossary section, no JSON-LD mentions.
    const option = page('/definition/option/');
    expect(option.querySelector('.glossary')).toBeNull();
    const optionGraph = jsonLdOf(option) as { '@graph': { '@type': string; mentions?: unknown }[] }[];
    expect(optionGraph[0]?.['@graph'].find((node) => node['@type'] === 'WebPage')?.mentions).toBeUndefined();
  });

  it('says the same in glossary.json and the Markdown copy', () => {
    const json = JSON.parse(readFileSync(join(build.outDir, 'glossary.json'), 'utf8')) as {
      terms: { slug: string; mentions: string[] }[];
    };
    expect(json.terms.map((t) => [t.slug, t.mentions])).toEqual([
      ['delta', []],
      ['gamma', ['https://explicit.example.org/definition/implied-volatility/']],
      ['implied-volatility', []],
      ['negative-gamma', []],
      ['option', []],
    ]);
    const copy = readFileSync(join(build.outDir, 'definition/gamma.md'), 'utf8');
    expect(copy.slice(copy.indexOf('## Related'))).toBe(
      [
        '## Related',
        '',
        '- [Delta](https://explicit.example.org/definition/delta/)',
        '',
        '## Glossary',
        '',
        '- [Implied Volatility](https://explicit.example.org/definition/implied-volatility/)',
        '',
      ].join('\n'),
    );
  });

  it('shows in Linked from the entries that list or link this one, inline, without sentences', () => {
    for (const path of ['/definition/option/', '/definition/implied-volatility/']) {
      const backlinks = page(path).querySelector('.backlinks');
      expect(backlinks?.querySelector('ul')?.getAttribute('class')).toBe('inline-list');
      expect(titles(backlinks)).toEqual(['Gamma']);
      expect(backlinks?.querySelector('.context')).toBeNull();
    }
    // Negative Gamma is only named in a body, which counts for nothing here.
    expect(page('/definition/negative-gamma/').querySelector('.backlinks')).toBeNull();
  });
});
