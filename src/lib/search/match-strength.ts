import { foldWord, queryWords, stemWord } from './words.ts';

/**
 * Whether a word Pagefind matched really is the word the reader typed. Pagefind finds words by
 * prefix and, when a word is not in the index at all, retries with shorter and shorter prefixes:
 * "gamam" ends up matching the initial "G." of a footnote, "thetta" every "the". A word is a real
 * match when it extends what was typed ("gam" → "gamma", as when typing) or is the same word
 * inflected ("options" → "option", "hedging" → "hedge").
 */
export function isRealMatch(typed: string, found: string): boolean {
  const t = foldWord(typed);
  const f = foldWord(found);
  if (t === '' || f === '') return false;
  if (f.startsWith(t)) return true;
  const ts = stemWord(t);
  const fs = stemWord(f);
  return ts.length > 0 && fs.startsWith(ts);
}

/**
 * Whether a result matches every word of the query for real (see `isRealMatch`), given the words
 * it matched on: those at its match locations plus its title, synonyms and summary, which
 * Pagefind also searches. One-letter words are skipped in queries of several words ("a call").
 */
export function isStrongHit(query: string, matchedWords: readonly string[]): boolean {
  const words = queryWords(query);
  const needed = words.length > 1 ? words.filter((w) => w.length > 1) : words;
  return (
    needed.length > 0 && needed.every((typed) => matchedWords.some((found) => isRealMatch(typed, found)))
  );
}
