import { describe, expect, it } from 'vitest';
import { DISCOVER_LIMIT, buildGlossary } from '../../src/lib/glossary-graph.ts';
import { makeTerm } from '../support/make-term.ts';
import { testSite } from '../support/test-site.ts';

const slugs = (terms: { slug: string }[]) => terms.map((t) => t.slug);

describe('buildGlossary', () => {
  const gamma = makeTerm('gamma', { related: ['delta', 'vega'], mentions: ['hedging'], tags: ['greeks'] });
  const delta = makeTerm('delta', { related: ['gamma'], tags: ['greeks'] });
  const vega = makeTerm('vega', { tags: ['greeks'], updated: '2026-05-01' });
  const hedging = makeTerm('hedging', { section: 'area', categories: ['Risk'] });
  const theta = makeTerm('theta', { tags: ['greeks'], categories: ['Risk'] });
  const glossary = buildGlossary([vega, theta, hedging, gamma, delta], testSite);

  it('sorts entries by title and groups them into sections, configured sections first', () => {
    expect(slugs(glossary.terms)).toEqual(['delta', 'gamma', 'hedging', 'theta', 'vega']);
    expect(glossary.sections.map((s) => [s.key, s.label, slugs(s.terms)])).toEqual([
      ['definition', 'Definition', ['delta', 'gamma', 'theta', 'vega']],
      ['area', 'Area', ['hedging']],
    ]);
  });

  it('resolves related and mentions in the editor order and computes backlinks', () => {
    expect(slugs(glossary.related(gamma))).toEqual(['delta', 'vega']);
    expect(slugs(glossary.mentions(gamma))).toEqual(['hedging']);
    expect(slugs(glossary.backlinks(gamma))).toEqual(['delta']);
    expect(slugs(glossary.backlinks(hedging))).toEqual(['gamma']);
  });

  it('drops references to entries that are not published', () => {
    const withDraftRef = makeTerm('rho', { related: ['unpublished', 'gamma'] });
    const g = buildGlossary([gamma, withDraftRef], testSite);
    expect(slugs(g.related(withDraftRef))).toEqual(['gamma']);
  });

  it('ranks Discover more by related, then backlinks, then shared tags, never the page itself', () => {
    expect(slugs(glossary.discoverMore(gamma))).toEqual(['delta', 'vega', 'hedging', 'theta']);
    expect(slugs(glossary.discoverMore(theta))).toEqual(['delta', 'gamma', 'vega', 'hedging']);
    for (const term of glossary.terms) expect(slugs(glossary.discoverMore(term))).not.toContain(term.slug);
  });

  it('caps Discover more and keeps it bounded for very large tags', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      makeTerm(`term-${String(i).padStart(3, '0')}`, { tags: ['big'] }),
    );
    const g = buildGlossary(many, testSite);
    const middle = many[250];
    if (!middle) throw new Error('fixture too small');
    expect(g.discoverMore(middle)).toHaveLength(DISCOVER_LIMIT);
  });

  it('lists tags and categories with their entries, and the most recently modified first', () => {
    expect(glossary.tags.map((t) => [t.key, slugs(t.terms)])).toEqual([
      ['greeks', ['delta', 'gamma', 'theta', 'vega']],
    ]);
    expect(glossary.categories.map((t) => [t.name, slugs(t.terms)])).toEqual([
      ['Risk', ['hedging', 'theta']],
    ]);
    expect(glossary.recent[0]?.slug).toBe('vega');
  });
});
