import { describe, expect, it } from 'vitest';
import { buildLastmodIndex, isSitemapPage } from '../../../src/lib/outputs/sitemap-lastmod.ts';

describe('isSitemapPage', () => {
  it('keeps pages and leaves out the 404 page, the search page and non-page files', () => {
    const urls = [
      'https://example.org/',
      'https://example.org/definition/gamma/',
      'https://example.org/404/',
      'https://example.org/search/',
      'https://example.org/rss.xml',
      'https://example.org/definition/gamma.md',
    ];
    expect(urls.filter((url) => isSitemapPage(url))).toEqual([
      'https://example.org/',
      'https://example.org/definition/gamma/',
    ]);
  });

  it('leaves out the glossary’s own 404 and search pages under its root, and only those', () => {
    const urls = [
      'https://example.org/docs/glossary/',
      'https://example.org/docs/glossary/search/',
      'https://example.org/docs/glossary/404/',
      'https://example.org/search/',
    ];
    expect(urls.filter((url) => isSitemapPage(url, '/docs/glossary/'))).toEqual([
      'https://example.org/docs/glossary/',
      'https://example.org/search/',
    ]);
  });
});

describe('buildLastmodIndex', () => {
  it('dates a term page by its dateModified and a listing page by its newest entry', () => {
    const index = buildLastmodIndex('https://example.org', [
      {
        url: 'https://example.org/definition/gamma/',
        section: 'definition',
        tags: ['Greeks'],
        categories: [],
        modified: '2026-02-01T00:00:00+01:00',
      },
      {
        url: 'https://example.org/definition/delta/',
        section: 'definition',
        tags: ['Greeks'],
        categories: ['Options'],
        // Later as an instant although earlier as text: comparison is by time, not by string.
        modified: '2026-01-31T23:30:00-02:00',
      },
    ]);
    expect(Object.fromEntries(index)).toEqual({
      'https://example.org/definition/gamma/': '2026-02-01T00:00:00+01:00',
      'https://example.org/definition/delta/': '2026-01-31T23:30:00-02:00',
      'https://example.org/': '2026-01-31T23:30:00-02:00',
      'https://example.org/a-z/': '2026-01-31T23:30:00-02:00',
      'https://example.org/definition/': '2026-01-31T23:30:00-02:00',
      'https://example.org/tags/greeks/': '2026-01-31T23:30:00-02:00',
      'https://example.org/tags/': '2026-01-31T23:30:00-02:00',
      'https://example.org/categories/options/': '2026-01-31T23:30:00-02:00',
      // Only Delta has a category: the index of categories takes its date, not Gamma's.
      'https://example.org/categories/': '2026-01-31T23:30:00-02:00',
    });
  });
});

describe('buildLastmodIndex with a non-ASCII tag', () => {
  it('keys the tag page by the percent-encoded URL the sitemap lists', () => {
    const index = buildLastmodIndex('https://example.org', [
      {
        url: 'https://example.org/definition/gamma/',
        section: 'definition',
        tags: ['Ünïcode'],
        categories: [],
        modified: '2026-02-01T00:00:00+01:00',
      },
    ]);
    expect(index.get('https://example.org/tags/%C3%BCn%C3%AFcode/')).toBe('2026-02-01T00:00:00+01:00');
  });
});
