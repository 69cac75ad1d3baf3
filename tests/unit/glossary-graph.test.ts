import { describe, expect, it } from 'vitest';
import {
  DISCOVER_LIMIT,
  LINKED_FROM_LIMIT,
  MENTIONS_LIMIT,
  buildGlossary,
} from '../../src/lib/graph/glossary-graph.ts';
import { makeTerm } from '../support/make-term.ts';
import { parseSiteConfig } from '../../src/lib/site/site-config.ts';
import { testSite, testSiteInput } from '../support/test-site.ts';

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
    // Gamma's related and Glossary entries are already on its page, so only Theta is left.
    expect(slugs(glossary.discoverMore(gamma))).toEqual(['theta']);
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

  describe('with the mentions bodies make', () => {
    const context = (text: string) => ({ before: 'We hedge ', text, after: ' daily.' });
    const body = new Map([
      [
        'gamma',
        [
          { slug: 'theta', via: 'name' as const, context: context('theta') },
          { slug: 'hedging', via: 'link' as const, context: context('hedging') },
          { slug: 'delta', via: 'name' as const, context: context('delta') },
          { slug: 'unpublished', via: 'name' as const, context: context('x') },
        ],
      ],
      ['vega', [{ slug: 'gamma', via: 'name' as const, context: context('gamma') }]],
    ]);
    const g = buildGlossary([vega, theta, hedging, gamma, delta], testSite, body);

    it('lists the editor’s mentions first, then the body’s, once each, published only', () => {
      expect(slugs(g.mentions(gamma))).toEqual(['hedging', 'theta', 'delta']);
    });

    it('counts body mentions as backlinks, with the sentence that mentions the page', () => {
      expect(g.waysOnward(theta).linkedFrom).toEqual([{ term: gamma, context: context('theta') }]);
      expect(slugs(g.backlinks(gamma))).toEqual(['delta', 'vega']);
    });

    it(`shows at most ${LINKED_FROM_LIMIT} in Linked from, the editor's references first, and counts the rest`, () => {
      const hub = makeTerm('hub');
      const namers = Array.from({ length: 14 }, (_, i) => makeTerm(`namer-${String(i).padStart(2, '0')}`));
      const referrer = makeTerm('zz-referrer', { related: ['hub'] });
      const named = new Map(
        namers.map((t) => [t.slug, [{ slug: 'hub', via: 'name' as const, context: context('hub') }]]),
      );
      const ways = buildGlossary([hub, ...namers, referrer], testSite, named).waysOnward(hub);
      expect(slugs(ways.linkedFrom.map((b) => b.term))).toEqual([
        'zz-referrer',
        ...namers.slice(0, LINKED_FROM_LIMIT - 1).map((t) => t.slug),
      ]);
      expect(ways.linkedFromMore).toBe(15 - LINKED_FROM_LIMIT);
    });

    it('never shows another entry twice among Related, Glossary, Linked from and Discover more', () => {
      const ways = g.waysOnward(gamma);
      expect({
        related: slugs(ways.related),
        glossary: slugs(ways.glossary),
        linkedFrom: slugs(ways.linkedFrom.map((b) => b.term)),
        discover: slugs(ways.discover),
      }).toEqual({
        related: ['delta', 'vega'],
        glossary: ['hedging', 'theta'],
        linkedFrom: [],
        discover: [],
      });
      for (const term of g.terms) {
        const w = g.waysOnward(term);
        const all = [...w.related, ...w.glossary, ...w.linkedFrom.map((b) => b.term), ...w.discover];
        expect(new Set(all).size).toBe(all.length);
        expect(all).not.toContain(term);
      }
    });

    it('bounds body mentions to MENTIONS_LIMIT but keeps every entry the editor listed', () => {
      const others = Array.from({ length: 20 }, (_, i) => makeTerm(`other-${String(i).padStart(2, '0')}`));
      const listed = others.slice(0, 14).map((t) => t.slug);
      const busy = makeTerm('busy', { mentions: listed });
      const quiet = makeTerm('quiet');
      const mentioned = others.map((t) => ({
        slug: t.slug,
        via: 'name' as const,
        context: context(t.title),
      }));
      const big = buildGlossary(
        [busy, quiet, ...others],
        testSite,
        new Map([
          ['busy', mentioned],
          ['quiet', mentioned],
        ]),
      );
      expect(slugs(big.mentions(busy))).toEqual(listed);
      expect(big.mentions(quiet)).toHaveLength(MENTIONS_LIMIT);
    });
  });

  describe('with mentions: explicit', () => {
    const explicitSite = parseSiteConfig({ ...testSiteInput, mentions: 'explicit' });
    // What the build records of bodies then: the editor's links, each with its text only.
    const linkOf = (slug: string, text: string) => ({
      slug,
      via: 'link' as const,
      context: { before: '', text, after: '' },
    });
    const body = new Map([
      ['gamma', [linkOf('theta', 'the decay'), linkOf('hedging', 'hedging')]],
      // A name, as a body read under `mentions: body` would give it: not counted here.
      [
        'vega',
        [{ slug: 'gamma', via: 'name' as const, context: { before: 'A ', text: 'gamma', after: '.' } }],
      ],
    ]);
    const g = buildGlossary([vega, theta, hedging, gamma, delta], explicitSite, body);

    it('lists only the front matter’s mentions, in the Glossary section and everywhere else', () => {
      expect(slugs(g.mentions(gamma))).toEqual(['hedging']);
      expect(slugs(g.waysOnward(gamma).glossary)).toEqual(['hedging']);
      expect(g.mentions(theta)).toEqual([]);
    });

    it("counts the editor's body links and the front matter as links here, without sentences", () => {
      expect(g.waysOnward(theta).linkedFrom).toEqual([{ term: gamma, context: undefined }]);
      expect(g.waysOnward(hedging).linkedFrom).toEqual([{ term: gamma, context: undefined }]);
      expect(slugs(g.backlinks(gamma))).toEqual(['delta']);
    });
  });
});
