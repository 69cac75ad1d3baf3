/**
 * Word handling shared by the search modules. Pure functions: the browser bundle and Node tests
 * import them alike.
 */

/** How Pagefind splits a page's content into the words its locations count (its `word_separators`). */
export const WORD_SEPARATORS = /[^\S\uFEFF]+/;

/** Splits text into words exactly as Pagefind numbers them. */
export function splitWords(text: string): string[] {
  return text.split(WORD_SEPARATORS).filter((word) => word !== '');
}

/** A word reduced for comparison: lower case, no accents, no punctuation around or inside it. */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * A light English stemmer, enough to see that "options", "hedging" and "hedged" name the same
 * word as "option" and "hedge". It only has to agree with itself, not with Pagefind's stemmer.
 */
export function stemWord(word: string): string {
  let w = foldWord(word);
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The words of a query, folded, without empty ones. */
export function queryWords(query: string): string[] {
  return splitWords(query).map(foldWord).filter(Boolean);
}
