import { describe, expect, it } from 'vitest';
import { buildExcerpt, toRuns } from '../../src/lib/search/excerpt.ts';
import { foldWord, splitWords, stemWord } from '../../src/lib/search/words.ts';

const at = (...locations: number[]) => locations.map((location) => ({ location, balanced_score: 1 }));
const text = (runs: { text: string }[]) => runs.map((r) => r.text).join('');

// The example glossary's entry as Pagefind indexes it: the title, then the body.
const SPIRALS =
  'Liquidity Spirals. A liquidity spiral is a feedback loop between funding liquidity, the ability of traders to finance positions, and market liquidity.';

describe('buildExcerpt', () => {
  it('keeps the spaces around highlighted words ("Liquidity Spirals" case)', () => {
    const runs = buildExcerpt(SPIRALS, at(0, 1, 3, 4, 11), 2);
    expect(runs.slice(0, 5)).toEqual([
      { text: 'A ', marked: false },
      { text: 'liquidity', marked: true },
      { text: ' ', marked: false },
      { text: 'spiral', marked: true },
      { text: ' is a feedback loop between funding ', marked: false },
    ]);
    expect(text(runs)).toBe(SPIRALS.slice('Liquidity Spirals. '.length));
  });

  it('keeps the space after a highlighted abbreviation ("26.4 BTC of perpetuals")', () => {
    expect(text(buildExcerpt('Mark Price. A trader holds 26.4 BTC of perpetuals.', at(6), 2))).toBe(
      'A trader holds 26.4 BTC of perpetuals.',
    );
  });

  it('starts after the title and synonyms, so the excerpt is body text', () => {
    const content = 'Gamma. option gamma Gamma measures how fast delta moves.';
    const runs = buildExcerpt(content, at(0, 2, 3), 3);
    expect(text(runs)).toBe('Gamma measures how fast delta moves.');
    expect(runs[0]).toEqual({ text: 'Gamma', marked: true });
  });

  it('returns nothing when only the title matched, so the caller shows the summary', () => {
    expect(buildExcerpt('Gamma. option gamma Gamma measures delta.', at(0, 2), 3)).toEqual([]);
  });

  it('shows the window with the most matches, not the first match', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
    words[10] = 'delta';
    words[70] = 'delta';
    words[72] = 'delta';
    const runs = buildExcerpt(words.join(' '), at(10, 70, 72), 0, 10);
    expect(runs.filter((r) => r.marked)).toHaveLength(2);
    expect(text(runs).startsWith('w67 ')).toBe(true);
  });
});

describe('toRuns', () => {
  it('highlights the letters of a word, not the punctuation around it', () => {
    expect(toRuns(['(spiral),', 'and', '—'], (i) => i !== 1)).toEqual([
      { text: '(', marked: false },
      { text: 'spiral', marked: true },
      { text: '), and —', marked: false },
    ]);
  });
});

describe('search words', () => {
  it('split text where Pagefind does, keeping punctuation on the word', () => {
    expect(splitWords(' Black–Scholes  model,\nBSM ')).toEqual(['Black–Scholes', 'model,', 'BSM']);
  });

  it('fold case, accents and punctuation, and stem common English endings', () => {
    expect(foldWord('Café,')).toBe('cafe');
    expect(['options', 'hedging', 'hedged', 'volatilities', 'strikes'].map(stemWord)).toEqual([
      'option',
      'hedg',
      'hedg',
      'volatility',
      'strik',
    ]);
  });
});
