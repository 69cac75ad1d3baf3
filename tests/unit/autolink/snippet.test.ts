import { describe, expect, it } from 'vitest';
import { sentenceAround, sentencesAround } from '../../../src/lib/autolink/snippet.ts';

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

describe('sentencesAround', () => {
  const a =
    'Prices fell 2.5 percent. Dealers short gamma\u00a0hedge\tdaily. e.g. the book. U.S. desks sell gamma';
  const b = 'First line\nwith gamma  and more. Last one.';
  const at = (text: string, name: string, from = 0) => {
    const start = text.indexOf(name, from);
    return { text, start, end: start + name.length };
  };
  const mentions = [at(a, 'gamma'), at(b, 'gamma'), at(a, 'gamma', 50), at(a, 'book')];

  it('finds each mention’s sentence across texts, abbreviations, numbers, line breaks and odd spaces', () => {
    expect(sentencesAround(mentions, 'en', 40)).toEqual([
      { before: '…short ', text: 'gamma', after: ' hedge daily. e.g. the…' },
      { before: 'with ', text: 'gamma', after: ' and more.' },
      { before: 'U.S. desks sell ', text: 'gamma', after: '' },
      { before: '…gamma hedge daily. e.g. the ', text: 'book', after: '.' },
    ]);
  });

  it('gives what sentenceAround gives for each mention alone, at any limit', () => {
    for (const limit of [12, 40, 160])
      expect(sentencesAround(mentions, 'en', limit)).toEqual(
        mentions.map((m) => sentenceAround(m.text, m.start, m.end, 'en', limit)),
      );
  });
});
