import { describe, expect, it } from 'vitest';
import { sentenceAround } from '../../../src/lib/autolink/snippet.ts';

describe('sentenceAround', () => {
  it('returns the sentence holding the mention, split around it', () => {
    const text = 'Dealers hedge daily. A short book has negative gamma near the strike. It pays theta.';
    const start = text.indexOf('negative gamma');
    expect(sentenceAround(text, start, start + 14, 'en')).toEqual({
      before: 'A short book has ',
      text: 'negative gamma',
      after: ' near the strike.',
    });
  });

  it('trims a long sentence at words to about the limit, marking the cuts', () => {
    const text = `${'one two three '.repeat(10)}gamma${' four five six'.repeat(10)}.`;
    const start = text.indexOf('gamma');
    const snippet = sentenceAround(text, start, start + 5, 'en', 60);
    expect(snippet).toEqual({
      before: '…one two three ',
      text: 'gamma',
      after: ' four five six four five six four…',
    });
    expect(`${snippet.before}${snippet.text}${snippet.after}`.length).toBeLessThanOrEqual(60);
  });
});
