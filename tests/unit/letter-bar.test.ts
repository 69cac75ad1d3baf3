import { describe, expect, it } from 'vitest';
import { groupByInitial } from '../../src/lib/graph/alphabet.ts';
import { buildLetterBar, letterAnchor } from '../../src/lib/pages/letter-bar.ts';

const groups = groupByInitial(['2-for-1', 'Alpha', 'Beta', 'Zeta', 'Ωmega'], (t) => t, 'en');

describe('buildLetterBar', () => {
  it('links each letter with entries to its group on the A–Z page, and leaves the others unlinked', () => {
    const bar = buildLetterBar(groups, 'en', '/a-z/');
    expect(bar.slice(0, 4)).toEqual([
      { letter: '#', path: '/a-z/#letter-0-9' },
      { letter: 'A', path: '/a-z/#letter-a' },
      { letter: 'B', path: '/a-z/#letter-b' },
      { letter: 'C' },
    ]);
    expect(bar.slice(-2)).toEqual([
      { letter: 'Z', path: '/a-z/#letter-z' },
      { letter: 'Ω', path: '/a-z/#letter-ω' },
    ]);
    expect(bar.filter((item) => item.path !== undefined)).toHaveLength(5);
  });

  it('links within the page it is on when given no page', () => {
    expect(buildLetterBar(groups, 'en')[1]).toEqual({ letter: 'A', path: '#letter-a' });
    expect(letterAnchor('#')).toBe('letter-0-9');
  });
});
