import { describe, expect, it } from 'vitest';
import { storedMentions } from '../../src/loader/stored-mentions.ts';

describe('storedMentions', () => {
  it('keeps each mention’s entry, kind and name as written, and drops the sentence around it', () => {
    expect(
      storedMentions([
        {
          slug: 'gamma',
          via: 'name',
          context: { before: 'A short book has ', text: 'gammas', after: ' near the strike.' },
        },
        { slug: 'vega', via: 'link', context: { before: '', text: 'its vega', after: '' } },
      ]),
    ).toEqual([
      { slug: 'gamma', via: 'name', context: { before: '', text: 'gammas', after: '' } },
      { slug: 'vega', via: 'link', context: { before: '', text: 'its vega', after: '' } },
    ]);
  });
});
