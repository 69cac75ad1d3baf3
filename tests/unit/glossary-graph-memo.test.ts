import { describe, expect, it } from 'vitest';
import type { BodyMention } from '../../src/lib/autolink/plan.ts';
import type { Term } from '../../src/lib/entries/term.ts';
import { buildGlossary, createGraphMemo, type Glossary } from '../../src/lib/graph/glossary-graph.ts';
import { parseSiteConfig } from '../../src/lib/site/site-config.ts';
import { makeTerm } from '../support/make-term.ts';
import { testSite, testSiteInput } from '../support/test-site.ts';

/** A small deterministic random source, so a failing sequence of edits can be replayed. */
function randomSource(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

const WORDS = ['gamma', 'delta', 'vega', 'theta', 'rho', 'hedge', 'basis', 'carry', 'skew', 'strike'];
const TAGS = ['greeks', 'risk', 'Risk', 'pricing', 'volatility'];
const DATES = ['2026-01-01', '2026-02-01', '2026-03-01'];

/** Everything a page or listing reads from a graph, by slug, so two graphs can be compared. */
function observe(glossary: Glossary) {
  const slugs = (terms: readonly Term[]) => terms.map((t) => t.slug);
  return {
    terms: slugs(glossary.terms),
    recent: slugs(glossary.recent),
    sections: glossary.sections.map((s) => [s.key, slugs(s.terms)]),
    tags: glossary.tags.map((g) => [g.key, g.name, slugs(g.terms)]),
    categories: glossary.categories.map((g) => [g.key, slugs(g.terms)]),
    pages: glossary.terms.map((term) => {
      const ways = glossary.waysOnward(term);
      return {
        slug: term.slug,
        related: slugs(glossary.related(term)),
        mentions: slugs(glossary.mentions(term)),
        backlinks: slugs(glossary.backlinks(term)),
        ways: {
          related: slugs(ways.related),
          glossary: slugs(ways.glossary),
          linkedFrom: ways.linkedFrom.map((b) => [b.term.slug, b.context?.text]),
          linkedFromMore: ways.linkedFromMore,
          discover: slugs(ways.discover),
        },
      };
    }),
  };
}

describe('buildGlossary with a memo of the last graph', () => {
  for (const mentionsSetting of ['body', 'explicit'] as const) {
    it(`patches to the same graph a fresh build gives, edit after edit (mentions: ${mentionsSetting})`, () => {
      const random = randomSource(mentionsSetting === 'body' ? 7 : 11);
      const site = parseSiteConfig({ ...testSiteInput, mentions: mentionsSetting });
      let counter = 0;
      const slugPool = Array.from({ length: 60 }, (_, i) => `${random.pick(WORDS)}-${i}`);
      const makeEntry = (slug: string): { term: Term; mentions: BodyMention[] } => {
        counter++;
        const others = () => Array.from({ length: random.int(4) }, () => random.pick(slugPool));
        const term = makeTerm(slug, {
          // Equal titles under different slugs, and titles equal but for case, test the ties.
          title:
            random.next() < 0.2
              ? 'Shared Title'
              : random.next() < 0.1
                ? 'shared title'
                : `${slug} ${counter}`,
          section: random.next() < 0.7 ? 'definition' : 'area',
          tags: Array.from({ length: random.int(3) }, () => random.pick(TAGS)),
          categories: random.next() < 0.5 ? [random.pick(TAGS)] : [],
          published: random.pick(DATES),
          ...(random.next() < 0.3 ? { updated: random.pick(DATES) } : {}),
          related: others(),
          mentions: others(),
        });
        const mentions = Array.from({ length: random.int(8) }, (): BodyMention => {
          const target = random.pick(slugPool);
          return {
            slug: target,
            via: random.next() < 0.3 ? 'link' : 'name',
            context: { before: `Before ${counter} `, text: target, after: ' after.' },
          };
        });
        return { term, mentions };
      };
      const entries = new Map(slugPool.slice(0, 40).map((slug) => [slug, makeEntry(slug)]));
      const memo = createGraphMemo();
      const build = (withMemo: boolean) => {
        const list = [...entries.values()];
        const mentions = new Map(list.map((e) => [e.term.slug, e.mentions]));
        return buildGlossary(
          list.map((e) => e.term),
          site,
          mentions,
          withMemo ? memo : undefined,
        );
      };
      expect(observe(build(true))).toEqual(observe(build(false)));
      for (let step = 0; step < 150; step++) {
        const roll = random.next();
        const slug = random.pick(slugPool);
        if (roll < 0.4 && entries.has(slug)) entries.set(slug, makeEntry(slug));
        else if (roll < 0.6) entries.delete(slug);
        else if (roll < 0.8 && !entries.has(slug)) entries.set(slug, makeEntry(slug));
        else {
          // The same entry object with other body mentions (a renamed entry it names).
          const kept = entries.get(slug);
          if (kept) entries.set(slug, { term: kept.term, mentions: makeEntry(slug).mentions });
        }
        expect(observe(build(true)), `after step ${step}`).toEqual(observe(build(false)));
      }
    });
  }

  it('builds afresh, not from the memo, when the site settings change', () => {
    const a = makeTerm('alpha', { related: ['beta'] });
    const b = makeTerm('beta');
    const memo = createGraphMemo();
    buildGlossary([a, b], testSite, new Map(), memo);
    const explicit = parseSiteConfig({ ...testSiteInput, mentions: 'explicit' });
    const mentions = new Map([
      ['beta', [{ slug: 'alpha', via: 'name' as const, context: { before: '', text: 'alpha', after: '' } }]],
    ]);
    const patched = buildGlossary([a, b], explicit, mentions, memo);
    expect(observe(patched)).toEqual(observe(buildGlossary([a, b], explicit, mentions)));
    // With explicit mentions a name in a body is no backlink.
    expect(patched.backlinks(a).map((t) => t.slug)).toEqual([]);
  });
});
