import { describe, expect, it } from 'vitest';
import { TermFrontMatterSchema } from '../../src/lib/entries/term-schema.ts';

const valid = {
  title: 'Negative Gamma',
  summary: 'A position has negative gamma when its delta falls as the underlying price rises.',
  published: '2026-03-15',
};

function messages(input: Record<string, unknown>): string[] {
  const result = TermFrontMatterSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('TermFrontMatterSchema', () => {
  it('accepts the minimal entry and fills in every default', () => {
    expect(TermFrontMatterSchema.parse(valid)).toEqual({
      ...valid,
      keyword: 'Meaning',
      categories: [],
      tags: [],
      aka: [],
      related: [],
      mentions: [],
      redirectFrom: [],
      featured: false,
      autolink: true,
      draft: false,
    });
  });

  it('accepts a full entry with an ISO date-time and an image', () => {
    const full = {
      ...valid,
      keyword: 'Mechanism',
      published: '2026-03-15T09:00:00+01:00',
      updated: '2026-04-01',
      author: 'ed',
      categories: ['Options'],
      tags: ['gamma'],
      aka: ['short gamma'],
      related: ['gamma'],
      mentions: ['delta-hedging'],
      image: { src: '/images/x.svg', alt: 'A curve.' },
      redirectFrom: ['old-gamma', '/old/path/'],
      featured: true,
      autolink: false,
      draft: true,
    };
    expect(TermFrontMatterSchema.parse(full)).toEqual(full);
  });

  it('refuses a redirect that is neither a slug nor a site path', () => {
    expect(messages({ ...valid, redirectFrom: ['Old Name', '//evil.example/'] })).toEqual([
      'redirectFrom.0: must be an old slug such as old-name or a site path starting with / such as /old/path/',
      'redirectFrom.1: must be an old slug such as old-name or a site path starting with / such as /old/path/',
    ]);
  });

  // summary and published may be left out since #15: the validator fills them in (fill-in.ts).
  it('names each missing required field', () => {
    expect(messages({})).toEqual(['title: is required']);
  });

  // Length and sentence count are advice since #15 (content-warnings.ts): the page is fine.
  it('accepts a short, long or two-sentence summary, folding its line breaks', () => {
    expect(messages({ ...valid, summary: 'Too short.' })).toEqual([]);
    expect(messages({ ...valid, summary: `${'a'.repeat(201)}.` })).toEqual([]);
    expect(
      TermFrontMatterSchema.parse({ ...valid, summary: 'Two lines\n  of a folded block.' }).summary,
    ).toBe('Two lines of a folded block.');
    expect(messages({ ...valid, summary: '  ' })).toEqual(['summary: must not be empty']);
  });

  it('rejects impossible dates and an update before publication', () => {
    expect(messages({ ...valid, published: '2026-02-30' })).toEqual([
      'published: must be a real date written as YYYY-MM-DD, e.g. 2026-03-15',
    ]);
    expect(messages({ ...valid, published: '15/03/2026' })).toEqual([
      'published: must be a real date written as YYYY-MM-DD, e.g. 2026-03-15',
    ]);
    expect(messages({ ...valid, updated: '2026-03-01' })).toEqual([
      'updated: must not be before published (2026-03-15)',
    ]);
  });

  it('rejects date-times whose time or offset cannot exist', () => {
    const bad =
      'published: must be a real date and time with an offset, e.g. 2026-03-15T09:30:00+01:00 (hours 00–23, offsets up to ±14:00)';
    for (const published of [
      '2026-03-15T25:00:00Z',
      '2026-03-15T10:61:00Z',
      '2026-03-15T10:00:60Z',
      '2026-03-15T10:00:00+99:99',
      '2026-03-15T10:00:00+15:00',
      '2026-03-15T10:00:00-05:60',
    ]) {
      expect(messages({ ...valid, published }), published).toEqual([bad]);
    }
    for (const published of [
      '2026-03-15T23:59:59Z',
      '2026-03-15T00:00+14:00',
      '2026-03-15T10:30:00.250-12:00',
    ]) {
      expect(messages({ ...valid, published }), published).toEqual([]);
    }
  });

  it('compares two date-times as instants, and a bare date by its day', () => {
    const at = (published: string, updated: string) => messages({ ...valid, published, updated });
    expect(at('2026-03-15T20:00:00Z', '2026-03-15T08:00:00Z')).toEqual([
      'updated: must not be before published (2026-03-15T20:00:00Z)',
    ]);
    // The same instant written in two offsets is not "before".
    expect(at('2026-03-15T20:00:00+02:00', '2026-03-15T18:00:00Z')).toEqual([]);
    expect(at('2026-03-15', '2026-03-15T08:00:00Z')).toEqual([]);
    expect(at('2026-03-15T20:00:00Z', '2026-03-15')).toEqual([]);
  });

  it('rejects slugs that are not kebab-case and lists that are not lists', () => {
    expect(messages({ ...valid, related: ['Gamma Squeeze'] })).toEqual([
      'related.0: must be a lowercase kebab-case slug such as negative-gamma',
    ]);
    expect(messages({ ...valid, tags: 'gamma' })).toEqual(['tags: must be a list, e.g. [first, second]']);
  });

  it('accepts an image path under public/ or an https URL, and nothing that resolves per page', () => {
    const bad =
      'image.src: must be a path under public/ starting with / (e.g. /images/gamma.svg) or an https:// URL';
    for (const src of [
      'images/x.svg',
      './x.svg',
      '//cdn.example.org/x.svg',
      'http://example.org/x.svg',
      'javascript:alert(1)',
      '/images/a b.svg',
    ]) {
      expect(messages({ ...valid, image: { src, alt: 'A curve.' } }), src).toEqual([bad]);
    }
    for (const src of ['/images/x.svg', 'https://cdn.example.org/x.svg?v=2']) {
      expect(messages({ ...valid, image: { src, alt: 'A curve.' } }), src).toEqual([]);
    }
  });

  it('requires alt text on an image', () => {
    expect(messages({ ...valid, image: { src: '/x.svg' } })).toEqual(['image.alt: is required']);
  });

  it('rejects unknown fields', () => {
    const result = TermFrontMatterSchema.safeParse({ ...valid, tittle: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['tittle'] });
  });
});
