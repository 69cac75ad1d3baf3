import { describe, expect, it } from 'vitest';
import { createSuggester, suggestRelated, type RelatedCandidate } from '../../src/lib/checks/suggest.ts';

describe('createSuggester', () => {
  it('suggests the closest candidate, as didYouMean does', () => {
    const suggest = createSuggester(['gamma', 'delta', 'delta-hedging']);
    expect(suggest('dleta')).toBe("did you mean 'delta'?");
    expect(suggest('delta-hedgin')).toBe("did you mean 'delta-hedging'?");
    expect(suggest('zzzzzzzzzz')).toBeUndefined();
  });

  it('stops suggesting once its budget of comparisons is spent, so a flood of broken references stays fast', () => {
    const candidates = Array.from({ length: 1_000 }, (_, i) => `term-${String(i).padStart(4, '0')}`);
    const suggest = createSuggester(candidates, 2_500);
    expect(suggest('term-00x1')).toBe("did you mean 'term-0001'?");
    expect(suggest('term-00x2')).toBe("did you mean 'term-0002'?");
    // Each lookup compares with 1,000 candidates: the third would exceed 2,500.
    expect(suggest('term-00x3')).toBeUndefined();
    // Repeated inputs are answered from the cache, at no cost.
    expect(suggest('term-00x1')).toBe("did you mean 'term-0001'?");
  });

  it('answers only as many lookups as its budget pays for, however many broken references there are', () => {
    // The bound on the work, stated as a count rather than a time: a timing limit here failed
    // whenever the machine was busy, and timing targets belong in the benchmark.
    const candidates = Array.from({ length: 10_000 }, (_, i) => `glossary-term-${i}`);
    const suggest = createSuggester(candidates, 200_000);
    let answered = 0;
    for (let i = 0; i < 50_000; i++) if (suggest(`glossary-term-${i}x`) !== undefined) answered++;
    expect(answered).toBe(200_000 / 10_000);
  });
});

const entry = (slug: string, title: string, body: string, extra: Partial<RelatedCandidate> = {}) => ({
  slug,
  title,
  aka: [],
  tags: [],
  body,
  draft: false,
  ...extra,
});

describe('suggestRelated', () => {
  it('suggests the entries whose bodies name the entry most, in any case, never drafts or itself', () => {
    const target = entry('negative-gamma', 'Negative Gamma', 'Negative gamma is its own page.', {
      aka: ['Short Gamma'],
    });
    const terms = [
      target,
      entry('hedging', 'Hedging', 'NEGATIVE GAMMA, then negative-gamma again, and short gamma.'),
      entry('pinning', 'Pinning', 'Dealers with negative gamma.'),
      entry('draft-one', 'Draft One', 'negative gamma negative gamma negative gamma', { draft: true }),
      entry('gamma', 'Gamma', 'Gamma alone, or negative and then gamma later.'),
    ];
    expect(suggestRelated(terms, [target]).get(target)).toEqual(['hedging', 'pinning']);
    expect(suggestRelated(terms, [target], 1).get(target)).toEqual(['hedging']);
  });

  it('falls back to the entries sharing most tags when no body names the entry', () => {
    const target = entry('vega', 'Vega', '', { tags: ['greeks', 'options'] });
    const terms = [
      target,
      entry('theta', 'Theta', 'Time decay.', { tags: ['greeks', 'options'] }),
      entry('rho', 'Rho', 'Rates.', { tags: ['greeks'] }),
      entry('swap', 'Swap', 'Legs.', { tags: ['rates'] }),
    ];
    expect(suggestRelated(terms, [target]).get(target)).toEqual(['theta', 'rho']);
  });

  it('finds the same mentions when few entries need suggestions (bodies filtered first) as when many do', () => {
    const words = ['delta', 'gamma', 'Vanna', 'straße', 'ÉCART', 'implied', 'skew', 'basis', 'roll'];
    for (let index = 0; words.length < 45; index++) words.push(`word${index}`);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = () => words[Math.floor(random() * words.length)] as string;
    const titles = new Set<string>();
    // 45 first words, more than the filter takes when all sixty entries need suggestions.
    while (titles.size < 60) {
      const first = words[titles.size % words.length] as string;
      titles.add(`${first} ${pick()}${titles.size % 3 === 0 ? ` ${pick()}` : ''}`);
    }
    const names = [...titles];
    const terms = names.map((title, index) =>
      entry(
        `entry-${index}`,
        title,
        Array.from({ length: 12 }, () =>
          random() < 0.3 ? (names[Math.floor(random() * names.length)] as string).toUpperCase() : pick(),
        ).join(random() < 0.5 ? ' ' : ', '),
        { aka: index % 4 === 0 ? [`${pick()}-${pick()}`] : [] },
      ),
    );
    const unfiltered = suggestRelated(terms, terms, 5);
    let suggested = 0;
    for (const term of terms) {
      const alone = suggestRelated(terms, [term], 5).get(term);
      expect(alone).toEqual(unfiltered.get(term));
      suggested += alone?.length ?? 0;
    }
    expect(suggested).toBeGreaterThan(100);
  });
});
