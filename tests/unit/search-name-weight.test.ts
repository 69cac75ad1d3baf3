import { describe, expect, it } from 'vitest';
import { nameSearchWeight } from '../../src/lib/search/name-weight.ts';

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
});
