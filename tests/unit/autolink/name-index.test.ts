import { describe, expect, it } from 'vitest';
import { buildNameIndex, type NameSource } from '../../../src/lib/autolink/name-index.ts';
import { englishWordForms } from '../../../src/lib/autolink/word-forms.ts';

const entries: NameSource[] = [
  { slug: 'gamma', title: 'Gamma', aka: [] },
  { slug: 'negative-gamma', title: 'Negative Gamma', aka: ['short gamma'] },
  { slug: 'implied-volatility', title: 'Implied Volatility', aka: ['IV'] },
  { slug: 'delta-hedging', title: 'Delta Hedging', aka: [] },
  { slug: 'option', title: 'Option', aka: [] },
  { slug: 'index', title: 'Index', aka: ['benchmark'] },
  { slug: 'tracker', title: 'Tracker', aka: ['benchmark'] },
];
const index = buildNameIndex(entries, { locale: 'en' });
/** Each match as `slug:matched text`, so a failure shows what was read. */
const find = (text: string) => index.find(text).map((m) => `${m.slug}:${text.slice(m.start, m.end)}`);

describe('buildNameIndex', () => {
  it('prefers the longest name starting at a word', () => {
    expect(find('A book with negative gamma has gamma below zero.')).toEqual([
      'negative-gamma:negative gamma',
      'gamma:gamma',
    ]);
  });

  it('matches titles in any case and an all-capitals alias only in capitals', () => {
    expect(find('GAMMA, gamma and Gamma; IV rose but iv and Iv did not.')).toEqual([
      'gamma:GAMMA',
      'gamma:gamma',
      'gamma:Gamma',
      'implied-volatility:IV',
    ]);
  });

  it('recognises English plurals and possessives on the last word', () => {
    expect(find("Options' prices, an option's delta, two indexes, the IVs, gamma’s sign.")).toEqual([
      'option:Options',
      "option:option's",
      'index:indexes',
      'implied-volatility:IVs',
      'gamma:gamma’s',
    ]);
  });

  it('respects word boundaries, accepts a hyphen inside a name and stops at other punctuation', () => {
    expect(find('gammas gammaray megagamma delta-hedging delta. Hedging')).toEqual([
      'gamma:gammas',
      'delta-hedging:delta-hedging',
    ]);
  });

  it('never links an alias two entries share, and reports it', () => {
    expect(find('Against the benchmark, the index lagged.')).toEqual(['index:index']);
    expect(index.ambiguous).toEqual([{ name: 'benchmark', slugs: ['index', 'tracker'] }]);
  });

  it('lets a title win over another entry’s alias with the same words', () => {
    const withClash = buildNameIndex(
      [
        { slug: 'convexity', title: 'Convexity', aka: [] },
        { slug: 'gamma', title: 'Gamma', aka: ['convexity'] },
      ],
      { locale: 'en' },
    );
    expect(withClash.find('Convexity').map((m) => m.slug)).toEqual(['convexity']);
    expect(withClash.ambiguous).toEqual([{ name: 'Convexity', slugs: ['convexity', 'gamma'] }]);
  });

  it('matches accented and non-Latin names as whole words', () => {
    const unicode = buildNameIndex(
      [
        { slug: 'theta', title: 'Θήτα', aka: [] },
        { slug: 'cafe', title: 'Café Spread', aka: [] },
      ],
      { locale: 'el' },
    );
    const text = 'Η θήτα και το café spread, όχι Θήταα.';
    expect(unicode.find(text).map((m) => text.slice(m.start, m.end))).toEqual(['θήτα', 'café spread']);
  });

  // How fast it runs is the benchmark's to say (`npm run bench -- --autolink-cost`): a timed test
  // fails on a loaded machine. This one holds the answers over 20,000 names and 40,000 spellings.
  it('finds names among 20,000 entries, titles and all-capitals aliases alike', () => {
    const many: NameSource[] = Array.from({ length: 20_000 }, (_, i) => ({
      slug: `term-${i}`,
      title: `Term ${i} Alpha`,
      aka: [`T${i}X`],
    }));
    const big = buildNameIndex(many, { locale: 'en' });
    const text = 'Here Term 19999 Alpha meets T42X and term 7 alpha, but not term 7 beta. '.repeat(200);
    const found = big.find(text);
    expect(found.slice(0, 3).map((m) => m.slug)).toEqual(['term-19999', 'term-42', 'term-7']);
    expect(found).toHaveLength(600);
  });
});

describe('englishWordForms', () => {
  it('gives the base forms of plurals and possessives, most likely first', () => {
    expect(englishWordForms.baseForms("gamma's")).toEqual(['gamma']);
    expect(englishWordForms.baseForms('volatilities')).toEqual(['volatility', 'volatilitie']);
    expect(englishWordForms.baseForms('boxes')).toEqual(['box', 'boxe']);
    expect(englishWordForms.baseForms('gammas')).toEqual(['gamma']);
    expect(englishWordForms.baseForms('loss')).toEqual([]);
    expect(englishWordForms.baseForms('IVs')).toEqual(['IV']);
  });
});
