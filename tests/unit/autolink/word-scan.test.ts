import { describe, expect, it } from 'vitest';
import { buildNameIndex, words } from '../../../src/lib/autolink/name-index.ts';
import { createWordSpans, scanWords } from '../../../src/lib/autolink/word-scan.ts';

/** The words as `word@start`, so a failure shows where each was read. */
const read = (text: string) => words(text).map((w) => `${w.word}@${w.start}`);

describe('scanWords', () => {
  it('keeps inner apostrophes and drops those at either end of a word', () => {
    expect(read("gamma's o’clock 'quoted' rock’n’roll x''y a'")).toEqual([
      "gamma's@0",
      'o’clock@8',
      'quoted@17',
      'rock’n’roll@25',
      'x@37',
      'y@40',
      'a@42',
    ]);
  });

  it('reads accents, combining marks, other scripts and letters outside the BMP as letters', () => {
    expect(read('café é̀x Ωmega 中文 ١٢٣ 𝐀𝐁c 😀word')).toEqual([
      'café@0',
      'é̀x@5',
      'Ωmega@9',
      '中文@15',
      '١٢٣@18',
      '𝐀𝐁c@22',
      'word@30',
    ]);
  });

  it('splits at punctuation, dashes and lone surrogates', () => {
    expect(read('delta-hedging, a.b\uD800c\uDC00d –e_f')).toEqual([
      'delta@0',
      'hedging@6',
      'a@15',
      'b@17',
      'c@19',
      'd@21',
      'e@24',
      'f@26',
    ]);
  });

  it('gives one hash to one spelling wherever it stands, and grows past its first room', () => {
    const spans = scanWords('Gamma gamma Gamma x '.repeat(40), createWordSpans(2));
    expect(spans.count).toBe(160);
    expect(spans.hashes[0]).toBe(spans.hashes[2]);
    expect(spans.hashes[0]).not.toBe(spans.hashes[1]);
    expect([spans.starts[4], spans.ends[4]]).toEqual([20, 25]);
  });
});

describe('the name index’s memory of spellings', () => {
  it('still finds names after it has forgotten the spellings of a long text', () => {
    const index = buildNameIndex([{ slug: 'gamma', title: 'Negative Gamma', aka: [] }], { locale: 'en' });
    // More distinct words than the index remembers (100,000), then the name.
    const filler = Array.from({ length: 100_050 }, (_, i) => `w${i.toString(36)}`).join(' ');
    const text = `negative gammas ${filler} Negative Gamma.`;
    expect(index.find(text).map((m) => text.slice(m.start, m.end))).toEqual([
      'negative gammas',
      'Negative Gamma',
    ]);
    expect(index.find('NEGATIVE GAMMA')).toEqual([{ start: 0, end: 14, slug: 'gamma' }]);
  });
});
