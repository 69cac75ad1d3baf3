import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, jsonLdOf, readPage, type FixtureBuild } from '../support/build-fixture.ts';
import { readPagefindFragments, type PagefindFragment } from '../../bench/support/pagefind-index.ts';

let build: FixtureBuild;
let fragments: PagefindFragment[];
beforeAll(() => {
  build = buildFixture('basic', {}, 'basic-search');
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
  fragments = readPagefindFragments(build.outDir);
});

const fragmentOf = (url: string) => {
  const fragment = fragments.find((f) => f.url === url);
  if (!fragment) throw new Error(`${url} is not in the index`);
  return fragment;
};

describe('the search index built by `astro build`', () => {
  it('is written to pagefind/ with its browser bundle', () => {
    expect(existsSync(join(build.outDir, 'pagefind/pagefind.js'))).toBe(true);
    const entry = JSON.parse(readFileSync(join(build.outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages['en']?.page_count).toBe(5);
  });

  it('holds exactly one page per published term: no drafts, listings, home or 404', () => {
    expect(fragments.map((f) => f.url)).toEqual([
      '/area/gamma-area/',
      '/definition/alpha/',
      '/definition/beta/',
      '/definition/hostile/',
      '/term/long-read/',
    ]);
  });

  it('indexes the article only, not the header, breadcrumb, related or footer chrome', () => {
    const alpha = fragmentOf('/definition/alpha/');
    expect(alpha.content.startsWith('Alpha.')).toBe(true);
    expect(alpha.content).not.toContain('Skip to content');
    expect(alpha.content).not.toContain('Fixture Press');
    expect(alpha.content).not.toContain('Discover more');
  });

  it('gives every page section, category and tag filters', () => {
    expect(fragmentOf('/definition/alpha/').filters).toEqual({
      section: ['Definition'],
      category: ['Basics'],
      tag: ['letters', 'greek'],
    });
    expect(fragmentOf('/area/gamma-area/').filters).toMatchObject({
      section: ['Area'],
      category: ['Topics'],
    });
  });

  it('stores title, the bare summary and the image as result metadata', () => {
    expect(fragmentOf('/definition/alpha/').meta).toEqual({
      title: 'Alpha',
      summary: 'Alpha is the first entry of the fixture glossary and links to most of the others.',
      image: '/images/curve.svg',
      image_alt: 'A curve rising from the left and falling to the right.',
      aka: '["first letter","A"]',
    });
  });

  it('indexes the title and synonyms, then the body: no keyword line, summary, labels or footnotes', () => {
    // The browser client counts the title and synonym words to start excerpts at the body.
    const alpha = fragmentOf('/definition/alpha/');
    expect(alpha.content.startsWith('Alpha. first letter, A Alpha has a body')).toBe(true);
    expect(alpha.content).not.toContain('Meaning');
    expect(alpha.content).not.toContain('Also known as');
    expect(alpha.content).not.toContain(alpha.meta['summary']);
    expect(alpha.content).toContain('A claim with a footnote.');
    expect(alpha.content).not.toContain('Footnotes');
    expect(alpha.content).not.toContain('The footnote text.');
  });

  it('weights the title and the synonyms above body text, the shorter a name the more', () => {
    const article = readPage(build.outDir, '/definition/alpha/').querySelector('article[data-pagefind-body]');
    expect(article?.querySelector('h1')?.getAttribute('data-pagefind-weight')).toBe('10');
    const aka = article?.querySelectorAll('.aka [data-pagefind-weight]') ?? [];
    expect(aka.map((a) => [a.textContent.trim(), a.getAttribute('data-pagefind-weight')])).toEqual([
      ['first letter,', '3'],
      ['A', '10'],
    ]);
    expect(article?.querySelector('.aka')?.textContent.replace(/\s+/g, ' ').trim()).toBe(
      'Also known as: first letter, A',
    );
    expect(article?.querySelector('.prose')?.getAttribute('data-pagefind-weight')).toBe('0.2');
  });
});

describe('the search page and box', () => {
  it('puts a search form that works without JavaScript in every header', () => {
    for (const path of ['/', '/definition/alpha/', '/a-z/']) {
      const form = readPage(build.outDir, path).querySelector('header form[role="search"]');
      expect(form?.getAttribute('action')).toBe('/search/');
      expect(form?.querySelector('input[name="q"]')?.getAttribute('type')).toBe('search');
    }
  });

  it('ships no external script to pages other than /search/ until the box is used', () => {
    const home = readPage(build.outDir, '/');
    const loaded = home.querySelectorAll('script[src]').filter((s) => s.parentNode?.tagName !== 'TEMPLATE');
    expect(loaded).toEqual([]);
    expect(
      home.querySelector('template#site-search-client script[type="module"]')?.getAttribute('src'),
    ).toMatch(/^\/_astro\/.+\.js$/);
    // All a page runs before search is used: the loader that fetches the search module on focus.
    const inline = home
      .querySelectorAll('script:not([src]):not([type="application/ld+json"])')
      .filter((s) => s.parentNode?.tagName !== 'TEMPLATE');
    expect(inline).toHaveLength(1);
    expect(Buffer.byteLength(inline[0]?.textContent ?? '')).toBeLessThanOrEqual(1024);
  });

  it('ships every title and synonym in /search/names.json for typo suggestions', () => {
    const { names } = JSON.parse(readFileSync(join(build.outDir, 'search/names.json'), 'utf8')) as {
      names: string[];
    };
    expect(names).toContain('Alpha');
    expect(names).toContain('first letter');
    // Drafts are not published, so their names must not leak through suggestions.
    expect(names).not.toContain('Secret Draft');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('tells the search code where the Pagefind bundle and the names list are', () => {
    for (const [path, selector] of [
      ['/', 'header form[role="search"]'],
      ['/search/', '#search-page-form'],
    ] as const) {
      const form = readPage(build.outDir, path).querySelector(selector);
      expect(form?.getAttribute('data-pagefind')).toBe('/pagefind/pagefind.js');
      expect(form?.getAttribute('data-names')).toBe('/search/names.json');
    }
  });

  it('declares /search/?q= as the WebSite SearchAction target', () => {
    const [block] = jsonLdOf(readPage(build.outDir, '/')) as { '@graph': Record<string, unknown>[] }[];
    const website = block?.['@graph'].find((node) => node['@type'] === 'WebSite');
    expect(website?.['potentialAction']).toEqual({
      '@type': 'SearchAction',
      target: {
        '@type': 'EntryPoint',
        urlTemplate: 'https://fixture.example.org/search/?q={search_term_string}',
      },
      'query-input': 'required name=search_term_string',
    });
  });

  it('shows every filter on /search/ and explains itself when JavaScript is off', () => {
    const page = readPage(build.outDir, '/search/');
    const sections = page.querySelectorAll('input[name="section"]').map((i) => i.getAttribute('value'));
    expect(sections).toEqual(['Definition', 'Area', 'Term']);
    expect(page.querySelectorAll('select[name="category"] option').map((o) => o.textContent)).toEqual([
      'Any category',
      'Basics',
      'Topics',
    ]);
    // The parser keeps <noscript> content as raw text, as a browser with scripting on would.
    const noscript = page.querySelector('noscript')?.textContent ?? '';
    expect(noscript).toContain('needs JavaScript');
    expect(noscript).toContain('href="/a-z/"');
  });

  it('keeps /search/ out of search engines’ results, as its ?q= variants are endless', () => {
    const page = readPage(build.outDir, '/search/');
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    // Other listing pages stay indexable.
    expect(readPage(build.outDir, '/a-z/').querySelector('meta[name="robots"]')).toBeNull();
  });
});
