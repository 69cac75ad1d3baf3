import { describe, expect, it } from 'vitest';
import {
  SEARCH_DEBOUNCE_MS,
  SHORT_WORD_DEBOUNCE_MS,
  searchDelay,
} from '../../src/lib/search/search-delay.ts';

describe('searchDelay', () => {
  it('searches soon after a key once the word being typed has three letters', () => {
    expect(['del', 'delta', 'delta hed', 'Δέλτα'].map(searchDelay)).toEqual([50, 50, 50, 50]);
    expect(SEARCH_DEBOUNCE_MS).toBe(50);
  });

  it('waits for a pause while the last word has one or two letters', () => {
    expect(['d', 'de', 'delta h', 'delta he', 'IV', 'ΔS', ''].map(searchDelay)).toEqual([
      300, 300, 300, 300, 300, 300, 300,
    ]);
    expect(SHORT_WORD_DEBOUNCE_MS).toBe(300);
  });
});
