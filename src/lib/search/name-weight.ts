import { foldWord, splitWords } from './words.ts';

/** The weight of a one-word name, Pagefind's highest (`data-pagefind-weight` goes up to 10). */
const ONE_WORD_WEIGHT = 10;
/** How much each further word of a name divides the weight of every word in it. */
const PER_EXTRA_WORD = 0.3;
/** Above the body's weight, so a name word still counts more than a body word. */
const FLOOR = 0.6;

/**
 * The Pagefind weight of a term's body (the `.prose` block), far below its names: a page that
 * names the query should outrank one whose body repeats it. Lowered from 0.5, which measured
 * 97.9% exact-name-first on the ML glossary and 98.0% on the 2,000-entry benchmark glossary, to
 * 0.2: 98.4% and 98.2%. Body-only matches keep their order among themselves.
 */
export const BODY_SEARCH_WEIGHT = 0.2;

/**
 * The Pagefind weight of the words of an entry's name (its title, or one synonym): the fewer
 * words the name has, the more each of them weighs. Pagefind scores the words of a query one by
 * one, and its title boost measures how much of the query a title covers, not how much of the
 * title the query covers; so with one weight for every title, "Oracle Tier" and "Maturity Oracle
 * Tier" tie on the query "oracle tier" and the bodies decide. Weighting by length makes the entry
 * whose whole name is the query come first for every Pagefind client with default options, and a
 * one-word query ("gamma") lists the entry named just that before "Negative Gamma". The steps are
 * steep because Pagefind saturates term frequency (BM25): between 10 and 6 the score barely moves.
 *
 * Words are counted once each: Pagefind treats a query as a set of words, so "Mahi Mahi" is
 * asked for as the one word "mahi", and it is the whole of that name.
 */
export function nameSearchWeight(name: string): number {
  const words = Math.max(1, new Set(splitWords(name).map(foldWord)).size);
  const weight = ONE_WORD_WEIGHT * PER_EXTRA_WORD ** (words - 1);
  return Math.max(FLOOR, Math.round(weight * 100) / 100);
}

/** One synonym as the term page prints it for the index: its text and its search weight. */
export interface SearchNamePart {
  text: string;
  weight: number;
}

/**
 * The synonyms of an entry as the term page prints them, one element each with its own weight,
 * separated by ", ". Each comma stays inside the element of the synonym before it: Pagefind puts
 * a space between elements, so a comma of its own would be a word of the names (the excerpt code
 * counts the name words ahead of the body).
 */
export function searchNameParts(aka: readonly string[]): SearchNamePart[] {
  return aka.map((alias, i) => ({
    text: i < aka.length - 1 ? `${alias},` : alias,
    weight: nameSearchWeight(alias),
  }));
}
