import { describe, expect, it } from 'vitest';
import { slugifyTitle, todayIn } from '../../src/lib/entries/new-entry.ts';

describe('slugifyTitle', () => {
  it('makes lowercase kebab-case ASCII file names from any title', () => {
    expect(slugifyTitle('Negative Gamma')).toBe('negative-gamma');
    expect(slugifyTitle('Décalage Horaire')).toBe('decalage-horaire');
    expect(slugifyTitle('Vega: Exposure (IV)')).toBe('vega-exposure-iv');
    expect(slugifyTitle('P&L -- Attribution')).toBe('pl-attribution');
    expect(slugifyTitle('???')).toBe('');
  });

  it('transliterates every script and spells out what would otherwise be lost', () => {
    const titles = [
      'Ζ-function',
      'β-reduction',
      'C++',
      'C#',
      'F#',
      'F',
      '日本語',
      'Größe',
      'Привет мир',
      'Ελληνικά',
      '한국어',
      'under_score',
    ];
    expect(Object.fromEntries(titles.map((title) => [title, slugifyTitle(title)]))).toEqual({
      'Ζ-function': 'zeta-function',
      'β-reduction': 'beta-reduction',
      'C++': 'c-plus-plus',
      'C#': 'c-sharp',
      'F#': 'f-sharp',
      F: 'f',
      日本語: 'ri-ben-yu',
      Größe: 'grosse',
      'Привет мир': 'privet-mir',
      Ελληνικά: 'ellinika',
      한국어: 'hangugeo',
      under_score: 'under-score',
    });
  });
});

describe('todayIn', () => {
  it("gives the date in the site's time zone", () => {
    const now = new Date('2026-03-15T23:30:00Z');
    expect(todayIn('+00:00', now)).toBe('2026-03-15');
    expect(todayIn('+02:00', now)).toBe('2026-03-16');
    expect(todayIn('-05:00', new Date('2026-03-16T03:00:00Z'))).toBe('2026-03-15');
  });
});
