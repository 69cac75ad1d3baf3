import { describe, expect, it } from 'vitest';
import { createSuggester } from '../../src/lib/checks/suggest.ts';

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
