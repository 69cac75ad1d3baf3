import { describe, expect, it } from 'vitest';
import { buildGlossary } from '../../src/lib/graph/glossary-graph.ts';
import { buildHomePageGraph } from '../../src/lib/jsonld/listing-pages.ts';
import { serializeJsonLd } from '../../src/lib/jsonld/serialize.ts';
import { buildTermPageGraph } from '../../src/lib/jsonld/term-page.ts';
import { makeTerm } from '../support/make-term.ts';
import { testSite } from '../support/test-site.ts';

describe('serializeJsonLd', () => {
  it('escapes everything that could end a script or break a parser, and round-trips exactly', () => {
    const hostile = { name: '</script><!-- & \u2028\u2029 "q"' };
    const text = serializeJsonLd(hostile);
    expect(text).toBe('{"name":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 \\"q\\""}');
    expect(JSON.parse(text)).toEqual(hostile);
  });
});

describe('buildTermPageGraph', () => {
  const gamma = makeTerm('gamma', {
    aka: ['option gamma'],
    mentions: ['delta'],
    updated: '2026-04-02',
    image: { src: '/images/g.svg', alt: 'Gamma curve.' },
  });
  const delta = makeTerm('delta', { section: 'area', keyword: 'Mechanism' });
  const glossary = buildGlossary([gamma, delta], testSite);
  const graph = buildTermPageGraph(testSite, glossary, gamma);
  const nodes = graph['@graph'] as unknown as Record<string, unknown>[];
  const byType = (type: string) => nodes.find((n) => n['@type'] === type);

  it('links its nodes by @id and leaves no reference dangling', () => {
    const ids = new Set(nodes.map((n) => n['@id']));
    const refs = [...JSON.stringify(graph).matchAll(/\{"@id":"([^"]+)"\}/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(ids).toContain(ref);
  });

  it('describes the page, the article, the breadcrumb and the term', () => {
    const url = 'https://example.org/definition/gamma/';
    expect(byType('WebPage')).toMatchObject({ url, name: 'Gamma', mainEntity: { '@id': `${url}#article` } });
    expect(byType('WebPage')?.['mentions']).toEqual([
      {
        '@type': 'DefinedTerm',
        '@id': 'https://example.org/area/delta/#term',
        name: 'Delta',
        description: delta.summary,
        url: 'https://example.org/area/delta/',
      },
    ]);
    expect(byType('Article')).toMatchObject({
      headline: 'Gamma',
      datePublished: '2026-03-01T00:00:00+01:00',
      dateModified: '2026-04-02T00:00:00+01:00',
      author: { '@type': 'Person', name: 'Ed Itor', url: 'https://example.org/ed/' },
      image: { '@type': 'ImageObject', url: 'https://example.org/images/g.svg', caption: 'Gamma curve.' },
      articleSection: 'Definition',
    });
    expect(byType('BreadcrumbList')?.['itemListElement']).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://example.org/' },
      { '@type': 'ListItem', position: 2, name: 'Definition', item: 'https://example.org/definition/' },
      { '@type': 'ListItem', position: 3, name: 'Gamma', item: url },
    ]);
    expect(byType('DefinedTerm')).toMatchObject({ name: 'Gamma', alternateName: ['option gamma'] });
    expect(byType('DefinedTerm')).not.toHaveProperty('datePublished');
  });
});

describe('buildHomePageGraph', () => {
  it('describes the WebSite, its publisher and the glossary with one set per section', () => {
    const glossary = buildGlossary([makeTerm('gamma'), makeTerm('delta', { section: 'area' })], testSite);
    const nodes = buildHomePageGraph(testSite, glossary.sections)['@graph'] as unknown as Record<
      string,
      unknown
    >[];
    expect(nodes.map((n) => [n['@type'], n['@id']])).toEqual([
      ['WebSite', 'https://example.org/#website'],
      ['Organization', 'https://example.org/#organization'],
      ['DefinedTermSet', 'https://example.org/#glossary'],
      ['DefinedTermSet', 'https://example.org/definition/#set'],
      ['DefinedTermSet', 'https://example.org/area/#set'],
    ]);
  });
});
