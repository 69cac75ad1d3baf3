import { describe, expect, it } from 'vitest';
import { isRealMatch, isStrongHit } from '../../src/lib/search/match-strength.ts';
import { describeOutcome } from '../../src/lib/search/messages.ts';
import {
  buildSearchNames,
  correctWords,
  editDistance,
  suggestionsFor,
  suggestNames,
  vocabularyOf,
} from '../../src/lib/search/suggest.ts';

const NAMES = buildSearchNames([
  { title: 'Gamma', aka: ['option gamma'] },
  { title: 'Negative Gamma', aka: ['short gamma'] },
  { title: 'Gamma Squeeze', aka: [] },
  { title: 'Delta', aka: ['hedge ratio'] },
  { title: 'Theta', aka: ['time decay'] },
  { title: 'Implied Volatility', aka: ['IV'] },
  { title: 'Realized Volatility', aka: [] },
  { title: 'Liquidity Spirals', aka: [] },
  { title: 'Black–Scholes Model', aka: ['BSM'] },
  { title: 'Vega', aka: [] },
]);

describe('editDistance', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('gamam', 'gamma')).toBe(1);
    expect(editDistance('delat', 'delta')).toBe(1);
    expect(editDistance('gama', 'gamma')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('suggestNames', () => {
  it.each([
    ['gamam', 'Gamma'],
    ['gama', 'Gamma'],
    ['gammma', 'Gamma'],
    ['delat', 'Delta'],
    ['thetta', 'Theta'],
    ['Liquidty Spirals', 'Liquidity Spirals'],
    ['black scholes modle', 'Black–Scholes Model'],
  ])('puts the intended name first for the typo "%s"', (typo, name) => {
    expect(suggestNames(typo, NAMES)[0]).toBe(name);
  });

  it('suggests nothing for nonsense, short strings or an exact name', () => {
    expect(suggestNames('xyzzy', NAMES)).toEqual([]);
    expect(suggestNames('qqq', NAMES)).toEqual([]);
    expect(suggestNames('kubernetes', NAMES)).toEqual([]);
    expect(suggestNames('vg', NAMES)).toEqual([]);
    expect(suggestNames('Gamma', NAMES)).toEqual([]);
  });
});

describe('correctWords', () => {
  it('corrects each misspelt word to a word the names use', () => {
    expect(correctWords('volatilty', vocabularyOf(NAMES))).toBe('volatility');
    expect(correctWords('implied volatilty', vocabularyOf(NAMES))).toBe('implied volatility');
    expect(correctWords('gamma', vocabularyOf(NAMES))).toBeUndefined();
    expect(correctWords('xyzzy', vocabularyOf(NAMES))).toBeUndefined();
  });
});

describe('suggestionsFor', () => {
  it('offers close names first, then the corrected query, without repeats', () => {
    expect(suggestionsFor('volatilty', NAMES)).toEqual(['volatility']);
    expect(suggestionsFor('gamam', NAMES)).toEqual(['Gamma']);
    expect(suggestionsFor('xyzzy', NAMES)).toEqual([]);
  });
});

describe('buildSearchNames', () => {
  it('lists every title and synonym once, ignoring case and dashes, sorted', () => {
    expect(
      buildSearchNames([
        { title: 'Call Option', aka: ['call', 'Call'] },
        { title: 'Auto-Deleveraging', aka: ['ADL', 'auto deleveraging'] },
      ]),
    ).toEqual(['ADL', 'Auto-Deleveraging', 'call', 'Call Option']);
  });
});

describe('isRealMatch', () => {
  it('accepts what was typed, its extensions and its inflections', () => {
    expect(isRealMatch('gam', 'gamma,')).toBe(true);
    expect(isRealMatch('options', 'option')).toBe(true);
    expect(isRealMatch('hedging', 'hedge')).toBe(true);
    expect(isRealMatch('IV', '(IV)')).toBe(true);
  });

  it('rejects the shorter prefixes Pagefind falls back to for unknown words', () => {
    expect(isRealMatch('gamam', 'G.')).toBe(false);
    expect(isRealMatch('thetta', 'the')).toBe(false);
    expect(isRealMatch('xyzzy', 'x')).toBe(false);
    expect(isRealMatch('volatilty', 'volatility')).toBe(false);
  });
});

describe('isStrongHit', () => {
  it('needs every word of the query matched for real, one-letter words aside', () => {
    expect(isStrongHit('negative gamma', ['Negative', 'Gamma.'])).toBe(true);
    expect(isStrongHit('gamma kubernetes', ['Gamma', 'k'])).toBe(false);
    expect(isStrongHit('a call', ['call'])).toBe(true);
    expect(isStrongHit('x', ['x'])).toBe(true);
    expect(isStrongHit('   ', ['x'])).toBe(false);
  });
});

describe('describeOutcome', () => {
  const base = { query: 'gamma', searched: 'gamma', suggestions: [] };
  it('counts matches, says when none match and what is shown instead', () => {
    expect(describeOutcome({ ...base, total: 1 })).toBe('1 term matches “gamma”.');
    expect(describeOutcome({ ...base, total: 35 })).toBe('35 terms match “gamma”.');
    expect(describeOutcome({ ...base, query: 'xyzzy', total: 0 })).toBe('No terms match “xyzzy”.');
    expect(describeOutcome({ query: 'gamam', searched: 'Gamma', total: 37, suggestions: ['Gamma'] })).toBe(
      'No terms match “gamam”. Showing 37 terms for “Gamma”.',
    );
    expect(describeOutcome({ query: 'vga', searched: 'vga', total: 0, suggestions: ['Vega', 'Vanna'] })).toBe(
      'No terms match “vga”. Did you mean “Vega” or “Vanna”?',
    );
  });
});
