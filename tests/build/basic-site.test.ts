import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, jsonLdOf, listFiles, readPage, type FixtureBuild } from '../support/build-fixture.ts';
import { nameSearchWeight } from '../../src/lib/search/name-weight.ts';
import { findBrokenLinks, findStructuredDataErrors } from '../support/site-checks.ts';

type Node = Record<string, unknown> & { '@type': string; '@id'?: string };

let build: FixtureBuild;
beforeAll(() => {
  build = buildFixture('basic');
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
});

const HOSTILE_TITLE = '</script><!-- & "quotes" \u2028 <b>bold</b>';
const page = (path: string) => readPage(build.outDir, path);
const graphOf = (html: HTMLElement): Node[] => {
  const blocks = jsonLdOf(html) as { '@context': string; '@graph': Node[] }[];
  expect(blocks).toHaveLength(1);
  expect(blocks[0]?.['@context']).toBe('https://schema.org');
  return blocks[0]?.['@graph'] ?? [];
};
const nodeOf = (graph: Node[], type: string): Node => {
  const node = graph.find((n) => n['@type'] === type);
  if (!node) throw new Error(`no ${type} node`);
  return node;
};
const meta = (html: HTMLElement, key: string) =>
  html.querySelector(`meta[name="${key}"], meta[property="${key}"]`)?.getAttribute('content');

describe('a built fixture glossary', () => {
  it('publishes one page per published entry, plus section, tag, category, A–Z, home and 404 pages', () => {
    const pages = listFiles(build.outDir).filter((f) => f.endsWith('.html'));
    expect(pages).toEqual(
      expect.arrayContaining([
        'index.html',
        '404.html',
        'a-z/index.html',
        'definition/index.html',
        'definition/alpha/index.html',
        'definition/beta/index.html',
        'definition/hostile/index.html',
        'area/gamma-area/index.html',
        'term/long-read/index.html',
        'tags/greek/index.html',
        'categories/basics/index.html',
      ]),
    );
  });

  it('never publishes or links to a draft', () => {
    expect(existsSync(join(build.outDir, 'term/secret-draft'))).toBe(false);
    for (const file of listFiles(build.outDir).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(build.outDir, file), 'utf8');
      expect(html, file).not.toContain('secret-draft');
      expect(html, file).not.toContain('Secret Draft');
    }
  });

  it('shows every part of a term page', () => {
    const html = page('/definition/alpha/');
    const crumbs = html.querySelectorAll('nav.breadcrumb li');
    expect(crumbs.map((li) => li.text.trim())).toEqual(['Home', 'Definition', 'Alpha']);
    expect(html.querySelectorAll('nav.breadcrumb a').map((a) => a.getAttribute('href'))).toEqual([
      '/',
      '/definition/',
    ]);
    expect(html.querySelector('h1')?.text).toBe('Alpha');
    const metaText = html.querySelector('.term-meta')?.text.replace(/\s+/g, ' ');
    expect(metaText).toContain('Ann Alyst');
    expect(metaText).toContain('PublishedJanuary 10, 2026');
    expect(metaText).toContain('UpdatedFebruary 20, 2026');
    expect(html.querySelectorAll('.term-meta time').map((t) => t.getAttribute('datetime'))).toEqual([
      '2026-01-10',
      '2026-02-20',
    ]);
    expect(metaText).toContain('Basics');
    expect(metaText).toContain('letters');
    expect(html.querySelector('.aka')?.text).toBe('Also known as: first letter, A');

    const body = html.querySelector('.prose');
    expect(body?.querySelector('table td')?.text).toBe('one');
    expect(body?.querySelector('del')?.text).toBe('struck');
    expect(body?.querySelector('a[href="https://example.com/page"]')).not.toBeNull();
    // Task-list checkboxes carry a name, or screen readers announce a bare "checkbox".
    expect(
      body?.querySelectorAll('input[type="checkbox"]').map((input) => input.getAttribute('aria-label')),
    ).toEqual(['Done', 'Not done']);
    expect(body?.querySelector('.footnotes li')?.text).toContain('The footnote text.');

    expect(html.querySelectorAll('.related a').map((a) => [a.text, a.getAttribute('href')])).toEqual([
      ['Beta', '/definition/beta/'],
      ['Gamma Area', '/area/gamma-area/'],
    ]);
    // Backlinks: entries pointing here that are not already among Related (Beta is) or in the
    // Glossary (Long Read is), A–Z.
    expect(html.querySelectorAll('.backlinks li > a').map((a) => [a.text, a.getAttribute('href')])).toEqual([
      [HOSTILE_TITLE, '/definition/hostile/'],
    ]);
    // Gamma Area is in `mentions` too, but Related already shows it.
    const glossary = html.querySelectorAll('.glossary li');
    expect(
      glossary.map((li) => [
        li.querySelector('a')?.text,
        li.querySelector('p')?.text.replace(/\s+/g, ' ').trim(),
      ]),
    ).toEqual([
      [
        'Long Read',
        'Concept ⎊ Long Read is a long-form article entry in the term section of the fixture glossary.',
      ],
    ]);
    // Each of the four other entries is shown once below the body, so Discover more has nothing
    // left to add in this five-entry glossary (the example's build test shows its cards).
    const onward = html
      .querySelectorAll('.related li > a, .glossary li > a, .backlinks li > a, .discover .card h3 a')
      .map((a) => a.getAttribute('href'));
    expect(onward.sort()).toEqual([
      '/area/gamma-area/',
      '/definition/beta/',
      '/definition/hostile/',
      '/term/long-read/',
    ]);
    expect(html.querySelector('.discover')).toBeNull();
    expect(html.querySelector('.term-figure img')?.getAttribute('alt')).toBe(
      'A curve rising from the left and falling to the right.',
    );
  });

  it('emits one linked JSON-LD graph on a term page that agrees with the visible page', () => {
    const html = page('/definition/alpha/');
    const graph = graphOf(html);
    const url = 'https://fixture.example.org/definition/alpha/';
    const ids = new Set(graph.map((n) => n['@id']));
    const refs = JSON.stringify(graph).match(/\{"@id":"[^"]+"\}/g) ?? [];
    for (const ref of refs) expect(ids, ref).toContain((JSON.parse(ref) as { '@id': string })['@id']);

    const webPage = nodeOf(graph, 'WebPage');
    expect(webPage).toMatchObject({
      '@id': `${url}#webpage`,
      url,
      name: 'Alpha',
      breadcrumb: { '@id': `${url}#breadcrumb` },
      mainEntity: { '@id': `${url}#article` },
      about: { '@id': `${url}#term` },
    });
    expect((webPage['mentions'] as Node[]).map((m) => [m['@type'], m['name'], m['url']])).toEqual([
      ['DefinedTerm', 'Gamma Area', 'https://fixture.example.org/area/gamma-area/'],
      ['DefinedTerm', 'Long Read', 'https://fixture.example.org/term/long-read/'],
    ]);

    const article = nodeOf(graph, 'Article');
    expect(article).toMatchObject({
      headline: html.querySelector('h1')?.text,
      description: meta(html, 'description'),
      url,
      mainEntityOfPage: { '@id': `${url}#webpage` },
      author: { '@type': 'Person', name: 'Ann Alyst', url: 'https://fixture.example.org/about/ann/' },
      publisher: { '@id': 'https://fixture.example.org/#organization' },
      datePublished: '2026-01-10T00:00:00+02:00',
      dateModified: '2026-02-20T00:00:00+02:00',
      articleSection: 'Definition',
    });
    // The picture the page shows, then the section's social card in Google's three ratios.
    expect(article['image']).toEqual([
      expect.objectContaining({
        '@type': 'ImageObject',
        url: 'https://fixture.example.org/images/curve.svg',
      }),
      'https://fixture.example.org/social-cards/section-definition-16x9.png',
      'https://fixture.example.org/social-cards/section-definition-4x3.png',
      'https://fixture.example.org/social-cards/section-definition-1x1.png',
    ]);

    const breadcrumb = nodeOf(graph, 'BreadcrumbList');
    const items = breadcrumb['itemListElement'] as Node[];
    expect(items.map((i) => [i['position'], i['name'], i['item']])).toEqual([
      [1, 'Home', 'https://fixture.example.org/'],
      [2, 'Definition', 'https://fixture.example.org/definition/'],
      [3, 'Alpha', url],
    ]);

    expect(nodeOf(graph, 'DefinedTerm')).toMatchObject({
      '@id': `${url}#term`,
      name: 'Alpha',
      description: 'Alpha is the first entry of the fixture glossary and links to most of the others.',
      url,
      alternateName: ['first letter', 'A'],
      inDefinedTermSet: [
        { '@id': 'https://fixture.example.org/definition/#set' },
        { '@id': 'https://fixture.example.org/#glossary' },
      ],
    });
    expect(nodeOf(graph, 'Organization')).toMatchObject({
      name: 'Fixture Press',
      logo: { '@type': 'ImageObject', url: 'https://fixture.example.org/logo.svg' },
    });
  });

  it('gives every page a canonical URL, description, Open Graph and Twitter tags matching the page', () => {
    const html = page('/definition/alpha/');
    const url = 'https://fixture.example.org/definition/alpha/';
    expect(html.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(url);
    expect(meta(html, 'og:url')).toBe(url);
    expect(meta(html, 'og:title')).toBe('Alpha');
    expect(meta(html, 'og:type')).toBe('article');
    expect(meta(html, 'article:modified_time')).toBe('2026-02-20T00:00:00+02:00');
    expect(meta(html, 'description')).toBe(html.querySelector('.lede')?.text.split('⎊ ')[1]);
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    expect(html.querySelector('title')?.text).toBe('Alpha | Fixture Glossary');
  });

  it('keeps hostile editor text inert in HTML, attributes and JSON-LD', () => {
    const raw = readFileSync(join(build.outDir, 'definition/hostile/index.html'), 'utf8');
    const html = page('/definition/hostile/');
    expect(html.querySelector('h1')?.text).toBe(HOSTILE_TITLE);
    expect(html.querySelector('h1 b')).toBeNull();
    expect(meta(html, 'og:title')).toBe(HOSTILE_TITLE);
    // The only scripts are the JSON-LD block and Glossa's loader (the search and preview modules
    // parked in <template>s): nothing the editor wrote became a script.
    expect(
      html
        .querySelectorAll('script')
        .map((s) => [s.getAttribute('type') ?? 'classic', s.parentNode?.tagName]),
    ).toEqual([
      ['application/ld+json', 'HEAD'],
      ['module', 'TEMPLATE'],
      ['module', 'TEMPLATE'],
      ['classic', 'BODY'],
    ]);
    // Inside quoted attributes `<` is inert text; what matters is that no element was injected.
    expect(html.querySelectorAll('img[onerror], b, [onerror]')).toEqual([]);
    // Raw HTML in the Markdown body is shown as the literal text the editor typed.
    expect(html.querySelector('.prose p')?.text).toBe(
      'Body text <script>alert(‘raw html’)</script> after a raw script tag.',
    );
    expect(raw).toContain(
      `data-pagefind-weight="${nameSearchWeight(HOSTILE_TITLE)}">&lt;/script&gt;&lt;!-- &amp; &quot;quotes&quot;`,
    );
    const json = html.querySelector('script[type="application/ld+json"]')?.textContent ?? '';
    expect(json).not.toMatch(/<\/script|<!--|\u2028/);
    const graph = graphOf(html);
    expect(nodeOf(graph, 'Article')['headline']).toBe(HOSTILE_TITLE);
    expect(nodeOf(graph, 'DefinedTerm')['alternateName']).toEqual(['</script>']);
  });

  it('describes a section as a DefinedTermSet and the home page as a WebSite of an Organization', () => {
    const section = graphOf(page('/definition/'));
    expect(nodeOf(section, 'DefinedTermSet')).toMatchObject({
      '@id': 'https://fixture.example.org/definition/#set',
      description: 'Short definitions.',
    });
    const listed = nodeOf(section, 'DefinedTermSet')['hasDefinedTerm'] as Node[];
    expect(listed.map((t) => t['name'])).toEqual([HOSTILE_TITLE, 'Alpha', 'Beta']);
    expect(
      page('/definition/')
        .querySelectorAll('.term-list a')
        .map((a) => a.text),
    ).toEqual([HOSTILE_TITLE, 'Alpha', 'Beta']);
    const home = graphOf(page('/'));
    expect(nodeOf(home, 'WebSite')).toMatchObject({
      name: 'Fixture Glossary',
      url: 'https://fixture.example.org/',
    });
    expect(nodeOf(home, 'Organization')).toMatchObject({ name: 'Fixture Press' });
  });

  it('lists the entries marked featured on the home page, in title order', () => {
    const section = page('/').querySelector('section[aria-labelledby="featured-heading"]');
    expect(section?.querySelector('h2')?.text).toBe('Featured');
    expect(section?.querySelectorAll('.term-list a').map((a) => [a.text, a.getAttribute('href')])).toEqual([
      ['Beta', '/definition/beta/'],
      ['Long Read', '/term/long-read/'],
    ]);
  });

  it('has one h1 and no duplicate id on any page, whatever headings an entry body uses', () => {
    for (const file of listFiles(build.outDir).filter((f) => f.endsWith('.html'))) {
      const html = page(`/${file.replace(/index\.html$/, '')}`);
      expect(html.querySelectorAll('h1'), file).toHaveLength(1);
      const ids = html.querySelectorAll('[id]').map((element) => element.id);
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        file,
      ).toEqual([]);
    }
    const body = page('/term/long-read/').querySelector('.prose');
    expect(body?.querySelectorAll('h2').map((h) => [h.text, h.id])).toEqual([
      ['Section one', 'section-one'],
      ['A level-one heading', 'a-level-one-heading'],
      ['Main', 'main-section'],
    ]);
  });

  it('has no broken internal links or images', async () => {
    const { broken, checked } = await findBrokenLinks(build.outDir);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('has valid structured data on every page', async () => {
    const { errors, pages } = await findStructuredDataErrors(build.outDir, 'https://fixture.example.org');
    expect(errors).toEqual([]);
    expect(pages).toBeGreaterThan(10);
  });
});
