import { describe, expect, it } from 'vitest';
import { extractJsonLd, validateStructuredData } from '../support/validate-structured-data.ts';

type Node = Record<string, unknown>;
type Graph = Node[];

const SITE = 'https://glossary.example';
const PAGE = `${SITE}/definition/negative-gamma/`;

/** A definition page's graph as Glossa means to write it: every node linked by absolute @id. */
function validGraph(): Graph {
  return [
    {
      '@type': 'WebPage',
      '@id': PAGE,
      url: PAGE,
      name: 'Negative Gamma',
      inLanguage: 'en',
      about: { '@id': `${PAGE}#term` },
      mentions: [{ '@id': `${SITE}/definition/delta/#term` }],
      breadcrumb: { '@id': `${PAGE}#breadcrumb` },
      publisher: { '@id': `${SITE}/#organization` },
      datePublished: '2026-03-15T09:00:00+00:00',
      dateModified: '2026-04-02T17:45:10+02:00',
    },
    {
      '@type': 'Article',
      '@id': `${PAGE}#article`,
      mainEntityOfPage: { '@id': PAGE },
      headline: 'Negative Gamma',
      description: 'A position whose delta moves against the underlying.',
      url: PAGE,
      inLanguage: 'en',
      articleSection: 'Definition',
      author: { '@id': `${SITE}/authors/ed/#person` },
      publisher: { '@id': `${SITE}/#organization` },
      datePublished: '2026-03-15T09:00:00+00:00',
      dateModified: '2026-04-02T17:45:10+02:00',
      image: [
        { '@type': 'ImageObject', url: `${SITE}/images/negative-gamma-16x9.png`, width: 1600, height: 900 },
        `${SITE}/images/negative-gamma-1x1.png`,
      ],
    },
    {
      '@type': 'BreadcrumbList',
      '@id': `${PAGE}#breadcrumb`,
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: `${SITE}/` },
        { '@type': 'ListItem', position: 2, name: 'Definition', item: `${SITE}/definition/` },
        { '@type': 'ListItem', position: 3, name: 'Negative Gamma', item: PAGE },
      ],
    },
    {
      '@type': 'DefinedTerm',
      '@id': `${PAGE}#term`,
      name: 'Negative Gamma',
      alternateName: 'Short Gamma',
      description: 'A position whose delta moves against the underlying.',
      termCode: 'negative-gamma',
      url: PAGE,
      inDefinedTermSet: [{ '@id': `${SITE}/definition/#set` }, { '@id': `${SITE}/#glossary` }],
    },
    {
      '@type': 'DefinedTerm',
      '@id': `${SITE}/definition/delta/#term`,
      name: 'Delta',
      url: `${SITE}/definition/delta/`,
      inDefinedTermSet: { '@id': `${SITE}/definition/#set` },
    },
    {
      '@type': 'DefinedTermSet',
      '@id': `${SITE}/definition/#set`,
      name: 'Definitions',
      url: `${SITE}/definition/`,
      isPartOf: { '@id': `${SITE}/#glossary` },
      hasDefinedTerm: [{ '@id': `${PAGE}#term` }, { '@id': `${SITE}/definition/delta/#term` }],
    },
    {
      '@type': 'DefinedTermSet',
      '@id': `${SITE}/#glossary`,
      name: 'Example Glossary',
      url: `${SITE}/`,
      publisher: { '@id': `${SITE}/#organization` },
      hasDefinedTerm: [{ '@id': `${PAGE}#term` }],
    },
    {
      '@type': 'Organization',
      '@id': `${SITE}/#organization`,
      name: 'Example Glossary',
      url: `${SITE}/`,
      logo: { '@type': 'ImageObject', url: `${SITE}/logo.png` },
    },
    {
      '@type': 'Person',
      '@id': `${SITE}/authors/ed/#person`,
      name: 'Ed Itor',
      url: `${SITE}/authors/ed/`,
    },
  ];
}

/** Embeds data the way the site does: JSON escapes for `<`, `>` and `&`, never HTML entities. */
const script = (data: unknown): string =>
  `<script type="application/ld+json">${JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')}</script>`;

const block = (graph: Graph): Node => ({ '@context': 'https://schema.org', '@graph': graph });

/** A whole page, with the Open Graph tags and markup a real page has around its JSON-LD. */
function page(scripts: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Negative Gamma ⎊ Definition</title>
    <link rel="canonical" href="${PAGE}">
    <meta property="og:type" content="article">
    <meta property="og:url" content="${PAGE}">
    <meta property="article:published_time" content="2026-03-15T09:00:00+00:00">
    ${scripts}
  </head>
  <body><nav><a href="/">Home</a> › <a href="/definition/">Definition</a></nav><h1>Negative Gamma</h1><p>Text.</p></body>
</html>`;
}

/** The valid page after `change` has edited a fresh copy of its graph. */
function pageWith(change: (graph: Graph) => void): string {
  const graph = validGraph();
  change(graph);
  return page(script(block(graph)));
}

/** The graph node with this @id (so each test edits the node it names). */
function byId(graph: Graph, id: string): Node {
  const node = graph.find((candidate) => candidate['@id'] === id);
  if (!node) throw new Error(`no node ${id} in the sample graph`);
  return node;
}

const article = (graph: Graph): Node => byId(graph, `${PAGE}#article`);
const webPage = (graph: Graph): Node => byId(graph, PAGE);
const term = (graph: Graph): Node => byId(graph, `${PAGE}#term`);
const crumbs = (graph: Graph): Node[] => byId(graph, `${PAGE}#breadcrumb`)['itemListElement'] as Node[];
function crumb(graph: Graph, index: number): Node {
  const item = crumbs(graph)[index];
  if (!item) throw new Error(`no crumb ${index} in the sample graph`);
  return item;
}

async function errorsFor(change: (graph: Graph) => void): Promise<string[]> {
  return validateStructuredData(pageWith(change), PAGE);
}

describe('validateStructuredData', () => {
  it('accepts a valid page graph (WebPage, Article, BreadcrumbList, DefinedTerm, DefinedTermSet, Organization)', async () => {
    expect(await validateStructuredData(page(script(block(validGraph()))), PAGE)).toEqual([]);
  });

  it('accepts several authors and a BreadcrumbList whose last crumb has no item', async () => {
    const errors = await errorsFor((graph) => {
      article(graph)['author'] = [
        { '@id': `${SITE}/authors/ed/#person` },
        { '@type': 'Organization', name: 'Example Desk', url: `${SITE}/desk/` },
      ];
      delete crumb(graph, 2)['item'];
    });
    expect(errors).toEqual([]);
  });

  it('rejects a pageUrl that is not absolute (a bug in the calling test)', async () => {
    await expect(
      validateStructuredData(page(script(block(validGraph()))), '/definition/negative-gamma/'),
    ).rejects.toThrow(TypeError);
  });

  describe('1. one JSON-LD block holding one @graph', () => {
    it('reports a page without JSON-LD', async () => {
      expect(await validateStructuredData(page(''), PAGE)).toEqual([
        'expected exactly one <script type="application/ld+json">, found 0',
      ]);
    });

    it('reports two blocks, and still checks each', async () => {
      const graph = validGraph();
      const errors = await validateStructuredData(
        page(script(block(graph.slice(0, 4))) + script(block(graph.slice(4)))),
        PAGE,
      );
      expect(errors[0]).toBe('expected exactly one <script type="application/ld+json">, found 2');
      // Split in two, each block's references into the other no longer resolve.
      expect(errors).toContain(
        `JSON-LD block 1: Article <${PAGE}#article> › author: @id reference "${SITE}/authors/ed/#person" ` +
          'does not resolve to any node in the graph',
      );
    });

    it('reports a block that is not JSON, e.g. HTML-escaped by an Astro helper', async () => {
      const html = page(
        `<script type="application/ld+json">${JSON.stringify(block(validGraph())).replace(/"/g, '&quot;')}</script>`,
      );
      const errors = await validateStructuredData(html, PAGE);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^the JSON-LD is not valid JSON: /);
    });

    it('reports a wrong @context, and a block without @graph', async () => {
      expect(
        await validateStructuredData(
          page(script({ '@context': 'http://schema.org', '@graph': validGraph() })),
          PAGE,
        ),
      ).toEqual(['@context must be "https://schema.org", found "http://schema.org"']);
      expect(await validateStructuredData(page(script(validGraph()[0])), PAGE)).toEqual([
        '@context must be "https://schema.org", found undefined',
        '@graph must be a non-empty array of nodes',
      ]);
      expect(await validateStructuredData(page(script([block(validGraph())])), PAGE)).toEqual([
        'the JSON-LD must be one object holding @context and @graph',
      ]);
    });
  });

  describe('2. the schema.org vocabulary and Google breadcrumb rules (Adobe validator)', () => {
    it('reports an unknown type', async () => {
      const errors = await errorsFor((graph) => {
        term(graph)['@type'] = 'DefinedTern';
      });
      expect(errors).toContain(
        `DefinedTern <${PAGE}#term>: Type "DefinedTern" is not a valid schema.org type (structured-data-validator)`,
      );
    });

    it('reports a property outside its type’s domain', async () => {
      const errors = await errorsFor((graph) => {
        article(graph)['termCode'] = 'negative-gamma';
      });
      expect(errors).toEqual([
        `Article <${PAGE}#article>: Property "termCode" for type "Article" is not supported by the schema.org ` +
          'specification (structured-data-validator)',
      ]);
    });

    it('reports a node without @type', async () => {
      const errors = await errorsFor((graph) => {
        delete term(graph)['@type'];
      });
      expect(errors).toContain('jsonld: JSON-LD object missing @type attribute (structured-data-validator)');
    });

    it('reports a Person without a name (a Google requirement)', async () => {
      const errors = await errorsFor((graph) => {
        delete byId(graph, `${SITE}/authors/ed/#person`)['name'];
      });
      expect(errors).toContain(
        `Person <${SITE}/authors/ed/#person>: Required attribute "name" is missing (structured-data-validator)`,
      );
    });

    it('leaves out its advice on recommended fields of other types', async () => {
      // A top-level ImageObject gets Google's image-licence rules: one of creator/creditText/… is
      // required (an error), acquireLicensePage and the others are "Missing field … (optional)" warnings.
      const image = { '@type': 'ImageObject', '@id': `${SITE}/images/a/#image`, url: `${SITE}/images/a.png` };
      expect(await errorsFor((graph) => graph.push({ ...image, creditText: 'Example Glossary' }))).toEqual(
        [],
      );
      expect(await errorsFor((graph) => graph.push(image))).toEqual([
        `ImageObject <${SITE}/images/a/#image>: One of the following conditions needs to be met: ` +
          'Required attribute "creator" is missing or Required attribute "creditText" is missing or ' +
          'Required attribute "copyrightNotice" is missing or Required attribute "license" is missing ' +
          '(structured-data-validator)',
      ]);
    });

    it('passes on its breadcrumb warnings (Search Console errors)', async () => {
      const errors = await errorsFor((graph) => {
        delete crumb(graph, 1)['item'];
      });
      expect(errors).toContain(
        `BreadcrumbList <${PAGE}#breadcrumb> › itemListElement[1]: Field "item" with URL is missing ` +
          '(structured-data-validator)',
      );
    });
  });

  describe('3. our own checks', () => {
    it('reports an @id reference that resolves to no node in the graph', async () => {
      const errors = await errorsFor((graph) => {
        webPage(graph)['mentions'] = [{ '@id': `${SITE}/definition/vega/#term` }];
      });
      expect(errors).toEqual([
        `WebPage <${PAGE}> › mentions[0]: @id reference "${SITE}/definition/vega/#term" does not resolve to any node ` +
          'in the graph',
      ]);
    });

    it('reports an @id defined by two graph nodes', async () => {
      const errors = await errorsFor((graph) => {
        graph.push({
          '@type': 'Person',
          '@id': `${SITE}/authors/ed/#person`,
          name: 'Ed',
          url: `${SITE}/ed/`,
        });
      });
      expect(errors).toEqual([
        `@graph[9]: @id "${SITE}/authors/ed/#person" is defined by more than one graph node`,
      ]);
    });

    it('reports relative and non-http URLs in @id, url, item, image and logo', async () => {
      const errors = await errorsFor((graph) => {
        term(graph)['@id'] = '#term';
        webPage(graph)['about'] = { '@id': '#term' };
        article(graph)['url'] = '/definition/negative-gamma/';
        article(graph)['image'] = ['//cdn.example/a.png', 'images/b.png'];
        (byId(graph, `${SITE}/#organization`)['logo'] as Node)['url'] = 'logo.png';
        crumb(graph, 1)['item'] = '/definition/';
        byId(graph, `${SITE}/authors/ed/#person`)['url'] = 'mailto:ed@glossary.example';
      });
      expect(errors).toEqual(
        expect.arrayContaining([
          `WebPage <${PAGE}> › about: @id "#term" is not an absolute http(s) URL`,
          `Article <${PAGE}#article> › url: "/definition/negative-gamma/" is not an absolute http(s) URL`,
          `Article <${PAGE}#article> › image[0]: "//cdn.example/a.png" is not an absolute http(s) URL`,
          `Article <${PAGE}#article> › image[1]: "images/b.png" is not an absolute http(s) URL`,
          `BreadcrumbList <${PAGE}#breadcrumb> › itemListElement[1] › item: "/definition/" is not an absolute http(s) URL`,
          `DefinedTerm <#term>: @id "#term" is not an absolute http(s) URL`,
          `Organization <${SITE}/#organization> › logo › url: "logo.png" is not an absolute http(s) URL`,
          `Person <${SITE}/authors/ed/#person> › url: "mailto:ed@glossary.example" is not an absolute http(s) URL`,
        ]),
      );
    });

    it.each([
      ['a date without a time', '2026-03-15'],
      ['a date-time without an offset', '2026-03-15T09:00:00'],
      ['a date that does not exist', '2026-02-30T09:00:00Z'],
      ['an RFC 2822 date', 'Sun, 15 Mar 2026 09:00:00 +0000'],
    ])('reports %s in datePublished/dateModified', async (_, date) => {
      const errors = await errorsFor((graph) => {
        article(graph)['datePublished'] = date;
        webPage(graph)['dateModified'] = date;
      });
      const rule = 'is not an ISO 8601 date-time with a time-zone offset (like 2026-03-15T09:30:00+01:00)';
      expect(errors).toEqual([
        `WebPage <${PAGE}> › dateModified: ${JSON.stringify(date)} ${rule}`,
        `Article <${PAGE}#article> › datePublished: ${JSON.stringify(date)} ${rule}`,
      ]);
    });

    it('accepts Z, fractional seconds and minutes-only times', async () => {
      const errors = await errorsFor((graph) => {
        article(graph)['datePublished'] = '2026-03-15T09:00Z';
        article(graph)['dateModified'] = '2026-03-15T09:00:00.123-05:30';
      });
      expect(errors).toEqual([]);
    });

    it('reports an author given as text, or without a name or url', async () => {
      const errors = await errorsFor((graph) => {
        article(graph)['author'] = 'Ed Itor';
        webPage(graph)['author'] = [
          { '@type': 'Person', name: 'Ed Itor' },
          { '@type': 'Thing', url: `${SITE}/x/` },
        ];
      });
      expect(errors).toEqual([
        `WebPage <${PAGE}> › author[0]: the author has no url`,
        `WebPage <${PAGE}> › author[1]: must be a Person or Organization, not "Thing"`,
        `WebPage <${PAGE}> › author[1]: the author has no name`,
        `Article <${PAGE}#article> › author: "Ed Itor" must be a Person or Organization object with name and url, not text`,
      ]);
    });

    it('reports a BreadcrumbList with fewer than two ListItems', async () => {
      const errors = await errorsFor((graph) => {
        crumbs(graph).splice(0, 2);
        crumb(graph, 0)['position'] = 1;
      });
      expect(errors).toEqual([
        `BreadcrumbList <${PAGE}#breadcrumb>: At least two ListItems are required (structured-data-validator)`,
        `BreadcrumbList <${PAGE}#breadcrumb> › itemListElement: a BreadcrumbList needs at least two ListItems`,
      ]);
    });

    it('reports breadcrumb positions that are not the integers 1..n in order', async () => {
      const errors = await errorsFor((graph) => {
        crumb(graph, 0)['position'] = '1';
        crumb(graph, 1)['position'] = 3;
        crumb(graph, 2)['position'] = 2;
      });
      const where = `BreadcrumbList <${PAGE}#breadcrumb> › itemListElement`;
      expect(errors).toEqual([
        `${where}[0] › position: "1" should be the integer 1 (positions run 1..n in the order of the list)`,
        `${where}[1] › position: 3 should be the integer 2 (positions run 1..n in the order of the list)`,
        `${where}[2] › position: 2 should be the integer 3 (positions run 1..n in the order of the list)`,
      ]);
    });

    it('still checks the crumb of a one-item BreadcrumbList', async () => {
      const errors = await errorsFor((graph) => {
        crumbs(graph).splice(1, 2);
        delete crumb(graph, 0)['name'];
      });
      expect(errors).toContain(
        `BreadcrumbList <${PAGE}#breadcrumb> › itemListElement[0]: the crumb has no name`,
      );
    });

    it('reports a crumb without a name, and a middle crumb without item', async () => {
      const errors = await errorsFor((graph) => {
        delete crumb(graph, 0)['name'];
        delete crumb(graph, 1)['item'];
      });
      const where = `BreadcrumbList <${PAGE}#breadcrumb> › itemListElement`;
      expect(errors).toEqual(
        expect.arrayContaining([
          `${where}[0]: the crumb has no name`,
          `${where}[1]: only the last crumb may omit item (its URL)`,
        ]),
      );
    });

    it('reports CreativeWork-only properties on a DefinedTerm', async () => {
      const errors = await errorsFor((graph) => {
        Object.assign(term(graph), {
          datePublished: '2026-03-15T09:00:00+00:00',
          keywords: 'options, greeks',
          inLanguage: 'en',
          isPartOf: { '@id': `${SITE}/#glossary` },
        });
      });
      for (const property of ['datePublished', 'keywords', 'inLanguage', 'isPartOf']) {
        expect(errors).toContain(
          `DefinedTerm <${PAGE}#term>: ${property} is a CreativeWork property; a DefinedTerm must not carry it`,
        );
      }
    });

    it('reports a WebPage whose url is not the page’s URL', async () => {
      const errors = await errorsFor((graph) => {
        webPage(graph)['url'] = `${SITE}/definition/negative-gamma`;
      });
      expect(errors).toEqual([
        `WebPage <${PAGE}> › url: "${SITE}/definition/negative-gamma" is not this page's URL "${PAGE}"`,
      ]);
    });
  });
});

describe('extractJsonLd', () => {
  it('returns each block parsed, for tests that inspect properties', () => {
    const [data] = extractJsonLd(page(script(block(validGraph()))));
    expect(data).toMatchObject({ '@context': 'https://schema.org' });
    expect((data as { '@graph': Graph })['@graph'].map((node) => node['@type'])).toContain('DefinedTermSet');
  });

  it('reads the script text as a browser does: JSON escapes decode, HTML entities do not', () => {
    const html = page(
      `<script type="application/ld+json">{"name":"a \\u003c/script\\u003e \\u0026 b","note":"x &amp; y"}</script>`,
    );
    expect(extractJsonLd(html)).toEqual([{ name: 'a </script> & b', note: 'x &amp; y' }]);
  });

  it('ignores other scripts and blocks inside comments, and throws on invalid JSON', () => {
    const html = page(
      `<script>var x = 1;</script><!-- <script type="application/ld+json">{"a":1}</script> -->` +
        `<script type="Application/LD+JSON">{"b":2}</script>`,
    );
    expect(extractJsonLd(html)).toEqual([{ b: 2 }]);
    expect(() => extractJsonLd(page('<script type="application/ld+json">{oops}</script>'))).toThrow(
      /JSON-LD block 1 is not valid JSON/,
    );
  });
});
