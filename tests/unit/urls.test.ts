import { describe, expect, it } from 'vitest';
import { absoluteUrl } from '../../src/lib/site/urls.ts';

describe('absoluteUrl', () => {
  it('joins a site path to the site URL, keeping a sub-folder the site is served from', () => {
    expect(absoluteUrl('https://example.org', '/definition/gamma/')).toBe(
      'https://example.org/definition/gamma/',
    );
    expect(absoluteUrl('https://example.org/glossary/', '/definition/gamma/')).toBe(
      'https://example.org/glossary/definition/gamma/',
    );
    expect(absoluteUrl('https://example.org', '/')).toBe('https://example.org/');
  });

  it('percent-encodes non-ASCII paths the way Astro’s sitemap and browsers write them', () => {
    expect(absoluteUrl('https://example.org', '/tags/ünïcode/')).toBe(
      'https://example.org/tags/%C3%BCn%C3%AFcode/',
    );
  });

  it('keeps fragments and the SearchAction query template as written', () => {
    expect(absoluteUrl('https://example.org', '/definition/gamma/#term')).toBe(
      'https://example.org/definition/gamma/#term',
    );
    expect(absoluteUrl('https://example.org', '/search/?q={search_term_string}')).toBe(
      'https://example.org/search/?q={search_term_string}',
    );
  });

  it('prints what URL prints for dot segments, doubled slashes and a site URL URL would rewrite', () => {
    expect(absoluteUrl('https://example.org', '/definition/./gamma/')).toBe(
      'https://example.org/definition/gamma/',
    );
    expect(absoluteUrl('https://example.org/glossary', '/definition/../gamma/')).toBe(
      'https://example.org/glossary/gamma/',
    );
    expect(absoluteUrl('https://example.org', '//definition/gamma/')).toBe(
      'https://example.org/definition/gamma/',
    );
    expect(absoluteUrl('https://example.org', 'definition/gamma/')).toBe(
      'https://example.org/definition/gamma/',
    );
    expect(absoluteUrl('https://Example.ORG:443/', '/definition/gamma/')).toBe(
      'https://example.org/definition/gamma/',
    );
    expect(absoluteUrl('https://example.org', '/definition/gamma.v2/')).toBe(
      'https://example.org/definition/gamma.v2/',
    );
  });

  it('returns an absolute URL unchanged', () => {
    expect(absoluteUrl('https://example.org', 'https://cdn.example.net/x.svg')).toBe(
      'https://cdn.example.net/x.svg',
    );
  });
});
