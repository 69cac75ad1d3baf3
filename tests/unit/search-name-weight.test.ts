import { describe, expect, it } from 'vitest';
import { nameSearchWeight, searchNameParts } from '../../src/lib/search/name-weight.ts';

describe('nameSearchWeight', () => {
  it('weighs the words of shorter names more, down to just above the body', () => {
    const names = ['Gamma', 'Negative Gamma', 'Negative Gamma Exposure', 'A B C D', 'A B C D E F'];
    expect(names.map(nameSearchWeight)).toEqual([10, 3, 0.9, 0.6, 0.6]);
  });

  it('counts words as Pagefind splits them: by white space, a hyphenated name being one word', () => {
    expect(nameSearchWeight('Delta-neutral')).toBe(10);
    expect(nameSearchWeight('  IV  ')).toBe(10);
    expect(nameSearchWeight('')).toBe(10);
  });

  it('counts a repeated word once, as a query of the name asks for it once', () => {
    expect(['Mahi Mahi', 'Cash Buffer Buffer', 'Bora bora Island'].map(nameSearchWeight)).toEqual([10, 3, 3]);
  });
});

describe('searchNameParts', () => {
  it('keeps each comma inside the synonym before it, and weighs each synonym by its own length', () => {
    expect(searchNameParts(['short gamma', 'IV', 'negative gamma exposure'])).toEqual([
      { text: 'short gamma,', weight: 3 },
      { text: 'IV,', weight: 10 },
      { text: 'negative gamma exposure', weight: 0.9 },
    ]);
  });

  it('prints a lone synonym without a comma, and nothing for none', () => {
    expect(searchNameParts(['IV'])).toEqual([{ text: 'IV', weight: 10 }]);
    expect(searchNameParts([])).toEqual([]);
  });
});
