import { splitWords } from './words.ts';

/** The weight of a one-word name, Pagefind's highest (`data-pagefind-weight` goes up to 10). */
const ONE_WORD_WEIGHT = 10;
/** How much each further word of a name divides the weight of every word in it. */
const PER_EXTRA_WORD = 0.3;
/** Just above the body's weight (0.5 on the `.prose` block), so a name word still counts more. */
const FLOOR = 0.6;

/**
 * The Pagefind weight of the words of an entry's name (its title, or one synonym): the fewer
 * words the name has, the more each of them weighs. Pagefind scores the words of a query one by
 * one, and its title boost measures how much of the query a title covers, not how much of the
 * title the query covers; so with one weight for every title, "Oracle Tier" and "Maturity Oracle
 * Tier" tie on the query "oracle tier" and the bodies decide. Weighting by length makes the entry
 * whose whole name is the query come first for every Pagefind client with default options, and a
 * one-word query ("gamma") lists the entry named just that before "Negative Gamma". The steps are
 * steep because Pagefind saturates term frequency (BM25): between 10 and 6 the score barely moves.
 */
export function nameSearchWeight(name: string): number {
  const words = Math.max(1, splitWords(name).length);
  const weight = ONE_WORD_WEIGHT * PER_EXTRA_WORD ** (words - 1);
  return Math.max(FLOOR, Math.round(weight * 100) / 100);
}
