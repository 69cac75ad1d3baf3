/**
 * The words of a text as the name index reads them: runs of letters, digits and marks, with inner
 * apostrophes kept ("gamma's", "o'clock") so possessives stay one word. The same words as the
 * regular expression `[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*` (global, Unicode) finds, read
 * one character at a time instead: matching every word of 10,000 bench bodies with that
 * expression made an array, a string and a hash lookup per word, most of the matcher's time,
 * where most words start no name and need none of them.
 */

/** Where the words of one text are, and a hash of each as written (see `scanWords`). */
export interface WordSpans {
  /** How many words the last scan found; the arrays may be longer. */
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** FNV-1a of the word's UTF-16 code units as written, to look it up without cutting it out. */
  hashes: Int32Array;
}

/** Letters, digits and marks: the characters a word is made of. */
const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}]$/u;
/** Whether each ASCII character is one: letters and digits, nothing else below 128. */
const ASCII_WORD = new Uint8Array(128).map((_, code) =>
  WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 0,
);
/** The answer for each other code point met, asked of the expression once. */
const otherWord = new Map<number, boolean>();

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

/** Code units of the word character at `i` (2 for one outside the BMP), or 0 when it is none. */
function wordCharacterAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 128) return ASCII_WORD[unit] as number;
  const point = text.codePointAt(i) as number;
  let word = otherWord.get(point);
  if (word === undefined) otherWord.set(point, (word = WORD_CHARACTER.test(String.fromCodePoint(point))));
  return word ? (point > 0xffff ? 2 : 1) : 0;
}

/** Room for the words of a text; `scanWords` grows it when a text has more. */
export function createWordSpans(capacity = 256): WordSpans {
  return {
    count: 0,
    starts: new Int32Array(capacity),
    ends: new Int32Array(capacity),
    hashes: new Int32Array(capacity),
  };
}

function grow(spans: WordSpans): void {
  const size = spans.starts.length * 2;
  const copy = (from: Int32Array) => {
    const to = new Int32Array(size);
    to.set(from);
    return to;
  };
  spans.starts = copy(spans.starts);
  spans.ends = copy(spans.ends);
  spans.hashes = copy(spans.hashes);
}

/** Finds the words of `text` into `spans` (replacing what it held), left to right. */
export function scanWords(text: string, spans: WordSpans): WordSpans {
  const length = text.length;
  let count = 0;
  let i = 0;
  while (i < length) {
    let size = wordCharacterAt(text, i);
    if (size === 0) {
      // A character outside the BMP that is no letter is left one unit at a time: its second
      // half is no letter either.
      i += 1;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    for (;;) {
      // The run of word characters from i (one of size units starts there). ASCII, nearly every
      // character of an English body, is read inline: a call per character was half the scan.
      while (size > 0) {
        hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
        if (size === 2) hash = Math.imul(hash ^ text.charCodeAt(i + 1), FNV_PRIME);
        i += size;
        if (i === length) break;
        const unit = text.charCodeAt(i);
        size = unit < 128 ? (ASCII_WORD[unit] as number) : wordCharacterAt(text, i);
      }
      if (i + 1 >= length) break;
      const unit = text.charCodeAt(i);
      // An apostrophe joins two runs of letters, never ends a word.
      if (unit !== APOSTROPHE && unit !== RIGHT_QUOTE) break;
      size = wordCharacterAt(text, i + 1);
      if (size === 0) break;
      hash = Math.imul(hash ^ unit, FNV_PRIME);
      i += 1;
    }
    if (count === spans.starts.length) grow(spans);
    spans.starts[count] = start;
    spans.ends[count] = i;
    // Kept within a small integer, so it indexes a table without turning into a heap number.
    spans.hashes[count] = hash & 0x3fffffff;
    count += 1;
  }
  spans.count = count;
  return spans;
}
