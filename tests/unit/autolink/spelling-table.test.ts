import { describe, expect, it } from 'vitest';
import { createSpellingTable } from '../../../src/lib/autolink/spelling-table.ts';

describe('createSpellingTable', () => {
  it('numbers each spelling once, read from anywhere in any text, making its value once', () => {
    const made: string[] = [];
    const table = createSpellingTable((spelling) => {
      made.push(spelling);
      return spelling.toUpperCase();
    });
    const text = 'gamma vega gamma';
    expect(table.numberOf(text, 0, 5, 7)).toBe(0);
    expect(table.numberOf(text, 6, 10, 8)).toBe(1);
    expect(table.numberOf(text, 11, 16, 7)).toBe(0);
    expect(table.numberOf('a gamma', 2, 7, 7)).toBe(0);
    expect(made).toEqual(['gamma', 'vega']);
    expect(table.values).toEqual(['GAMMA', 'VEGA']);
  });

  it('tells apart spellings of one hash, and of one length, as it grows', () => {
    const table = createSpellingTable((spelling) => spelling);
    const spellings = Array.from({ length: 3000 }, (_, i) => `w${String(i).padStart(4, '0')}`);
    // Every spelling under the same hash: each lookup has to compare letters.
    const numbers = spellings.map((s) => table.numberOf(s, 0, s.length, 42));
    expect(numbers).toEqual(spellings.map((_, i) => i));
    expect(spellings.map((s) => table.numberOf(` ${s}`, 1, s.length + 1, 42))).toEqual(numbers);
    expect(table.size).toBe(3000);
  });

  it('forgets every spelling when cleared', () => {
    const table = createSpellingTable((spelling) => spelling);
    table.numberOf('vega', 0, 4, 1);
    table.numberOf('rho', 0, 3, 2);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.numberOf('rho', 0, 3, 2)).toBe(0);
    expect(table.values).toEqual(['rho']);
  });
});
