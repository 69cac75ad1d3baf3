import { describe, expect, it } from 'vitest';
import { entryPathOf } from '../../src/browser/preview/entry-path.ts';

const here = new URL('https://example.org/docs/definition/alpha/');

describe('entryPathOf', () => {
  it.each([
    ['/docs/definition/gamma/', '/definition/gamma/'],
    ['https://example.org/docs/area/hedging/#use', '/area/hedging/'],
    ['../beta/?from=alpha', '/definition/beta/'],
  ])('reads %s as the entry %s', (href, path) => {
    expect(entryPathOf(href, '/docs/', here)).toBe(path);
  });

  it.each([
    ['another site', 'https://other.example.org/docs/definition/gamma/'],
    ['outside the root', '/definition/gamma/'],
    ['a tag page', '/docs/tags/hedging/'],
    ['a category page', '/docs/categories/options/'],
    ['a section index', '/docs/definition/'],
    ['a letter page', '/docs/definition/a-z/g/'],
    ['a Markdown copy', '/docs/definition/gamma.md'],
    ['this very page', '/docs/definition/alpha/#usage'],
  ])('gives no entry for %s', (_what, href) => {
    expect(entryPathOf(href, '/docs/', here)).toBeUndefined();
  });

  it('works for a glossary at the root of its site', () => {
    expect(entryPathOf('/term/long-read/', '/', new URL('https://example.org/'))).toBe('/term/long-read/');
  });
});
