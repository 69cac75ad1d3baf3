import { distance } from 'fastest-levenshtein';

/**
 * Finds the candidate closest to `input` by edit distance, for "did you mean …?" hints.
 * Returns undefined when nothing is close enough to be a plausible typo, because a wild
 * suggestion is worse than none.
 */
export function suggestClosest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.ceil(needle.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** Formats a suggestion as a hint, or undefined when there is none. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const match = suggestClosest(input, candidates);
  return match === undefined ? undefined : `did you mean '${match}'?`;
}

/** How many edit distances one suggester may compute in all: about a second and a half of work. */
export const SUGGESTION_BUDGET = 5_000_000;

/**
 * "Did you mean" for many inputs against one fixed candidate list, at bounded cost. One lookup
 * compares the input with every candidate, so a glossary of N entries with M broken references
 * cost N × M distances: 50,000 broken references in a large glossary ran for minutes before
 * printing anything. Repeated inputs are answered from a cache, candidates whose length alone
 * puts them out of reach are skipped, and once the budget is spent the remaining inputs get no
 * suggestion (a mistake that size is a renamed folder, not a typo per entry).
 */
export function createSuggester(
  candidates: Iterable<string>,
  budget = SUGGESTION_BUDGET,
): (input: string) => string | undefined {
  const byLength = new Map<number, string[]>();
  for (const candidate of candidates) {
    const list = byLength.get(candidate.length);
    if (list) list.push(candidate);
    else byLength.set(candidate.length, [candidate]);
  }
  const cache = new Map<string, string | undefined>();
  let spent = 0;
  return (input) => {
    if (cache.has(input)) return cache.get(input);
    const limit = Math.max(2, Math.ceil(input.length / 3));
    // The edit distance is at least the difference in length, so only near lengths can match.
    const lists: string[][] = [];
    let count = 0;
    for (let length = input.length - limit; length <= input.length + limit; length++) {
      const list = byLength.get(length);
      if (list) {
        lists.push(list);
        count += list.length;
      }
    }
    // Counted before anything is copied: once the budget is spent, a lookup costs a few map reads.
    let hint: string | undefined;
    if (spent + count <= budget) {
      spent += count;
      hint = didYouMean(input, lists.flat());
    }
    cache.set(input, hint);
    return hint;
  };
}
