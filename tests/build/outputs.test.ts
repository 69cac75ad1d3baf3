import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import type { Link, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { GlossaryJsonSchema, type GlossaryJson } from '../../src/lib/outputs/glossary-json.ts';
import { buildFixture, jsonLdOf, listFiles, readPage, type FixtureBuild } from '../support/build-fixture.ts';
import { builtFileOf } from '../support/site-checks.ts';

const SITE = 'https://fixture.example.org';
const HOSTILE_TITLE = '</script><!-- & "quotes" \u2028 <b>bold</b>';

let build: FixtureBuild;
let data: GlossaryJson;
beforeAll(() => {
  // Its own output folder: basic-site.test.ts builds the same fixture in parallel.
  build = buildFixture('basic', {}, 'basic-outputs');
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
  data = GlossaryJsonSchema.parse(JSON.parse(read('glossary.json')));
});

const read = (file: string) => readFileSync(join(build.outDir, file), 'utf8');
const fileOf = (url: string) => builtFileOf(SITE, url);
const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['url', 'sitemap', 'item', 'category'].includes(name),
});
const parseXml = (file: string) => {
  const text = read(file);
  expect(SyntaxValidator.validate(text), file).toBe(true);
  return xml.parse(text) as Record<string, Record<string, unknown>>;
};
const parseMarkdown = (text: string): Root =>
  fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
const dateModifiedOf = (url: string): string => {
  const [block] = jsonLdOf(readPage(build.outDir, new URL(url).pathname)) as {
    '@graph': Record<string, unknown>[];
  }[];
  const page = block?.['@graph'].find((n) => n['@type'] === 'WebPage');
  return String(page?.['dateModified']);
};

interface FeedItem {
  title: string;
  link: string;
  description: string;
  pubDate: string;
  category?: string[];
}
const feedItems = (file: string): FeedItem[] => {
  const rss = parseXml(file)['rss'] as { channel: { item?: FeedItem[] } };
  return rss.channel.item ?? [];
};

describe('machine-readable outputs of a built fixture glossary', () => {
  it('lists exactly the built pages in the sitemap, absolute, without 404, search or drafts', () => {
    const index = parseXml('sitemap-index.xml')['sitemapindex'] as { sitemap: { loc: string }[] };
    const urls = index.sitemap.flatMap((s) => {
      expect(s.loc.startsWith(`${SITE}/`)).toBe(true);
      const set = parseXml(new URL(s.loc).pathname.slice(1))['urlset'] as { url: { loc: string }[] };
      return set.url.map((u) => u.loc);
    });
    const pages = listFiles(build.outDir)
      .filter((f) => f.endsWith('index.html') && !f.startsWith('search/'))
      .map((f) => `${SITE}/${f.replace(/index\.html$/, '')}`);
    expect([...urls].sort()).toEqual(pages.sort());
    expect(urls).toEqual(
      expect.arrayContaining([
        `${SITE}/`,
        `${SITE}/definition/`,
        `${SITE}/definition/alpha/`,
        `${SITE}/tags/greek/`,
        `${SITE}/categories/basics/`,
      ]),
    );
    expect(urls.filter((u) => /404|secret-draft|\/search\//.test(u))).toEqual([]);
  });

  it('dates each term page in the sitemap by its JSON-LD dateModified, and each section by its newest entry', () => {
    const set = parseXml('sitemap-0.xml')['urlset'] as { url: { loc: string; lastmod?: string }[] };
    const lastmod = new Map(set.url.map((u) => [u.loc, u.lastmod]));
    for (const term of data.terms) {
      const modified = dateModifiedOf(term.url);
      expect(Date.parse(lastmod.get(term.url) ?? ''), term.url).toBe(Date.parse(modified));
    }
    expect(lastmod.get(`${SITE}/definition/alpha/`)).toBe('2026-02-19T22:00:00.000Z');
    expect(lastmod.get(`${SITE}/definition/`)).toBe(lastmod.get(`${SITE}/definition/alpha/`));
    expect(lastmod.get(`${SITE}/term/`)).toBe('2026-01-25T07:30:00.000Z');
    // Every listed page lists or is an entry, so every one has a date, the indexes included.
    expect(set.url.filter((u) => !u.lastmod).map((u) => u.loc)).toEqual([]);
    expect(lastmod.get(`${SITE}/tags/`)).toBe(lastmod.get(`${SITE}/`));
  });

  it('writes a well-formed feed of every published entry, newest first, with the hostile title intact', () => {
    const items = feedItems('rss.xml');
    expect(items.map((i) => i.title)).toEqual(['Alpha', 'Long Read', 'Gamma Area', HOSTILE_TITLE, 'Beta']);
    const dates = items.map((i) => Date.parse(i.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(items[0]).toEqual({
      title: 'Alpha',
      link: `${SITE}/definition/alpha/`,
      guid: expect.objectContaining({ '#text': `${SITE}/definition/alpha/` }),
      description: 'Alpha is the first entry of the fixture glossary and links to most of the others.',
      pubDate: 'Thu, 19 Feb 2026 22:00:00 GMT',
      category: ['Basics'],
    });
    const raw = read('rss.xml');
    const channel = (parseXml('rss.xml')['rss'] as { channel: Record<string, unknown> }).channel;
    expect(channel['language']).toBe('en');
    expect(channel['atom:link']).toMatchObject({ '@_href': `${SITE}/rss.xml`, '@_rel': 'self' });
    expect(raw).not.toMatch(/<\/script|<!--|<b>/);
    expect(raw).not.toContain('secret-draft');
  });

  it('writes one feed per section with only that section’s entries', () => {
    expect(feedItems('definition/rss.xml').map((i) => i.title)).toEqual(['Alpha', HOSTILE_TITLE, 'Beta']);
    expect(feedItems('area/rss.xml').map((i) => i.title)).toEqual(['Gamma Area']);
    expect(feedItems('term/rss.xml').map((i) => i.title)).toEqual(['Long Read']);
  });

  it('announces the site feed on every page, and the section feed and Markdown copy on term pages', () => {
    for (const file of listFiles(build.outDir).filter((f) => f.endsWith('.html'))) {
      const feeds = readPage(build.outDir, `/${file}`)
        .querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')
        .map((l) => l.getAttribute('href'));
      expect(feeds[0], file).toBe(`${SITE}/rss.xml`);
    }
    const alpha = readPage(build.outDir, '/definition/alpha/');
    expect(
      alpha
        .querySelectorAll('link[rel="alternate"]')
        .map((l) => [l.getAttribute('type'), l.getAttribute('href')]),
    ).toEqual([
      ['application/rss+xml', `${SITE}/rss.xml`],
      ['text/markdown', `${SITE}/definition/alpha.md`],
      ['application/rss+xml', `${SITE}/definition/rss.xml`],
    ]);
  });

  it('names the sitemap in robots.txt', () => {
    expect(read('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap-index.xml\n`);
    expect(existsSync(join(build.outDir, 'sitemap-index.xml'))).toBe(true);
  });

  it('publishes glossary.json in its documented shape, agreeing with the pages', () => {
    expect(data).toMatchObject({ name: 'Fixture Glossary', url: `${SITE}/`, language: 'en' });
    expect(data.terms.map((t) => t.slug)).toEqual(['hostile', 'alpha', 'beta', 'gamma-area', 'long-read']);
    for (const term of data.terms) {
      const page = readPage(build.outDir, new URL(term.url).pathname);
      expect(page.querySelector('h1')?.text, term.slug).toBe(term.title);
      expect(page.querySelector('meta[name="description"]')?.getAttribute('content'), term.slug).toBe(
        term.summary,
      );
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href'), term.slug).toBe(term.url);
      expect(term.modified).toBe(dateModifiedOf(term.url));
      for (const related of term.related)
        expect(existsSync(join(build.outDir, fileOf(related) ?? '-'))).toBe(true);
    }
    expect(data.terms.find((t) => t.slug === 'alpha')).toMatchObject({
      related: [`${SITE}/definition/beta/`, `${SITE}/area/gamma-area/`],
      updated: '2026-02-20T00:00:00+02:00',
    });
  });

  it('serves every entry as Markdown that starts with its title and links only absolutely, to real pages', () => {
    for (const term of data.terms) {
      const file = fileOf(term.markdownUrl) ?? '';
      const tree = parseMarkdown(read(file));
      const [first] = tree.children;
      expect(first?.type === 'heading' && first.depth === 1 && toString(first), file).toBe(term.title);
      const urls: string[] = [];
      visit(tree, (node) => {
        if (node.type === 'link' || node.type === 'image' || node.type === 'definition') urls.push(node.url);
      });
      for (const url of urls) {
        expect(url, file).toMatch(/^https?:\/\//);
        const target = fileOf(url);
        if (target) expect(existsSync(join(build.outDir, target)), `${file} → ${url}`).toBe(true);
      }
    }
    const beta = read('definition/beta.md');
    expect(beta).toContain(`[alpha](${SITE}/definition/alpha/)`);
    expect(beta).toMatch(
      // Related, then the Glossary (its `mentions`), the same lists as the page.
      /## Related\n\n- \[Alpha\]\(https:\/\/fixture\.example\.org\/definition\/alpha\/\)\n\n## Glossary\n\n- \[[^]+\]\(https:\/\/fixture\.example\.org\/definition\/hostile\/\)\n$/,
    );
    expect(existsSync(join(build.outDir, 'term/secret-draft.md'))).toBe(false);
    // The copies are written from one bundle, which must not be left in the published site.
    expect(existsSync(join(build.outDir, 'glossa-markdown-copies.json'))).toBe(false);
  });

  it('lists every published entry once in llms.txt, and no draft', () => {
    const text = read('llms.txt');
    expect(
      text.startsWith('# Fixture Glossary\n\n> A small glossary used by the build tests.\n\n## Definition\n'),
    ).toBe(true);
    const links: Link[] = [];
    visit(parseMarkdown(text), 'link', (node: Link) => {
      links.push(node);
    });
    expect(links.map((l) => l.url).sort()).toEqual(data.terms.map((t) => t.markdownUrl).sort());
    expect(links.map((l) => toString(l)).sort()).toEqual(data.terms.map((t) => t.title).sort());
    expect(text).not.toMatch(/secret-draft|Secret Draft/);
  });

  it('tells search engines how to search the site from the home page', () => {
    const [block] = jsonLdOf(readPage(build.outDir, '/')) as { '@graph': Record<string, unknown>[] }[];
    expect(block?.['@graph'].find((n) => n['@type'] === 'WebSite')?.['potentialAction']).toEqual({
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${SITE}/search/?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    });
  });
});
