import { splitWords } from './words.ts';

/** A piece of an excerpt: plain text, or a matched word to highlight. */
export interface ExcerptRun {
  text: string;
  marked: boolean;
}

/** A match location as Pagefind reports it: the index of a content word and its score. */
export interface MatchLocation {
  location: number;
  balanced_score: number;
}

/** How many words an excerpt shows, Pagefind's own default. */
export const EXCERPT_WORDS = 30;

/**
 * Builds the excerpt of a result from its indexed content, skipping the first `skipWords` words:
 * the title and synonyms Pagefind indexes ahead of the body. The window is the densest run of
 * matches, as Pagefind picks it. Returns no runs when nothing in the body matched.
 *
 * Runs are made from the words themselves, never by decoding HTML, so the space on each side of
 * a highlight survives ("A <mark>liquidity</mark> <mark>spiral</mark> is").
 */
export function buildExcerpt(
  content: string,
  locations: readonly MatchLocation[],
  skipWords = 0,
  length = EXCERPT_WORDS,
): ExcerptRun[] {
  const words = splitWords(content);
  const body = locations.filter((l) => l.location >= skipWords && l.location < words.length);
  if (body.length === 0) return [];
  const start = densestWindow(body, length, skipWords, words.length);
  const marked = new Set(body.map((l) => l.location));
  return toRuns(words.slice(start, start + length), (i) => marked.has(start + i));
}

/** Start of the `length`-word window, within [min, max), holding the most match score. */
function densestWindow(
  locations: readonly MatchLocation[],
  length: number,
  min: number,
  max: number,
): number {
  let best = min;
  let bestScore = -1;
  for (const candidate of locations) {
    // Open each window a few words before a match, so it reads as a phrase, not a cut.
    const start = Math.max(min, Math.min(candidate.location - 3, max - length));
    const score = locations
      .filter((l) => l.location >= start && l.location < start + length)
      .reduce((sum, l) => sum + l.balanced_score, 0);
    if (score > bestScore) {
      best = start;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Joins words with single spaces into runs, highlighting the letters of each marked word but not
 * the punctuation around it ("spiral," → "spiral" marked, "," plain). Neighbouring plain text is
 * merged into one run.
 */
export function toRuns(words: readonly string[], isMarked: (index: number) => boolean): ExcerptRun[] {
  const runs: ExcerptRun[] = [];
  const push = (text: string, marked: boolean) => {
    if (text === '') return;
    const last = runs.at(-1);
    if (last && last.marked === marked && !marked) last.text += text;
    else runs.push({ text, marked });
  };
  words.forEach((word, i) => {
    if (i > 0) push(' ', false);
    if (!isMarked(i)) return push(word, false);
    const [, before = '', core = '', after = ''] =
      /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word) ?? [];
    if (core === '') return push(word, false);
    push(before, false);
    push(core, true);
    push(after, false);
  });
  return runs;
}
