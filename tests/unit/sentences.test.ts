import { describe, expect, it } from 'vitest';
import { cutAtWord, splitSentences, splitWords } from '../../src/lib/checks/sentences.ts';

describe('splitSentences', () => {
  it('does not end a sentence at dotted initials, e.g., vs. or a single initial', () => {
    expect(splitSentences('The U.S. Federal Reserve sets rates.')).toEqual([
      'The U.S. Federal Reserve sets rates.',
    ]);
    expect(splitSentences('A port such as 443 (e.g. HTTPS) is open.')).toEqual([
      'A port such as 443 (e.g. HTTPS) is open.',
    ]);
    expect(splitSentences('TCP vs. UDP. John F. Kennedy spoke.')).toEqual([
      'TCP vs. UDP.',
      'John F. Kennedy spoke.',
    ]);
  });

  it('ends a sentence after a quoted one and in other scripts', () => {
    expect(splitSentences("Short for 'Good morning.' A universal greeting.")).toEqual([
      "Short for 'Good morning.'",
      'A universal greeting.',
    ]);
    expect(splitSentences('日本語の文です。二つ目の文です。', 'ja')).toEqual([
      '日本語の文です。',
      '二つ目の文です。',
    ]);
  });
});

describe('splitWords', () => {
  it('finds words in Cyrillic and in Japanese, which has no spaces, lower-cased', () => {
    expect(splitWords('Ценовой Спред — разница', 'ru')).toEqual(['ценовой', 'спред', 'разница']);
    expect(splitWords('日本語の文章', 'ja')).toEqual(['日本語', 'の', '文章']);
  });
});

describe('cutAtWord', () => {
  it('keeps a text that fits and cuts a longer one after a whole word, with an ellipsis', () => {
    expect(cutAtWord('Short  text.', 20)).toBe('Short text.');
    expect(cutAtWord('The quick brown fox jumps over the lazy dog', 20)).toBe('The quick brown fox…');
    expect(cutAtWord('One, two, three, four', 12)).toBe('One, two…');
  });

  it('cuts a text without spaces where a word ends', () => {
    expect(cutAtWord('日本語の文章はスペースがありません', 10, 'ja')).toBe('日本語の文章は…');
  });
});
