import { splitWords } from './words.ts';

/** How long the box waits after a key before it searches (Pagefind's default is 300 ms). */
export const SEARCH_DEBOUNCE_MS = 50;

/** The wait when the word being typed is still one or two letters long. */
export const SHORT_WORD_DEBOUNCE_MS = 300;

/** Below this many characters, the last word of a query is probably still being typed. */
const SHORT_WORD = 3;

/**
 * How long to wait after a key before searching for `query`. Pagefind fetches the index chunks
 * of every word prefix it is asked for, and a prefix of one or two letters spans the largest
 * ones: typing "delta hedge" at 10,000 entries fetched 30.6 KB for "d", 13.6 KB for "de", 30.7 KB
 * for "delta h" and 14.5 KB for "delta he", more than the whole query itself needs. So a query
 * whose last word is that short waits until the typing pauses; "IV" still finds its entry.
 */
export function searchDelay(query: string): number {
  const last = splitWords(query).at(-1) ?? '';
  return [...last].length < SHORT_WORD ? SHORT_WORD_DEBOUNCE_MS : SEARCH_DEBOUNCE_MS;
}
