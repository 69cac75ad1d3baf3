import { describe, expect, it } from 'vitest';
import { cardTally, resetCardTally, tallyLine } from '../../../src/lib/social-cards/tally.ts';

describe('the card tally', () => {
  it('counts across callers in one process and starts again at a reset', () => {
    resetCardTally();
    cardTally().drawn += 2;
    cardTally().cached += 1;
    expect(tallyLine(cardTally())).toBe('3 social cards: 2 drawn, 1 from the cache.');
    resetCardTally();
    expect(cardTally()).toEqual({ drawn: 0, cached: 0 });
    expect(tallyLine({ drawn: 0, cached: 1 })).toBe('1 social card: 0 drawn, 1 from the cache.');
  });
});
