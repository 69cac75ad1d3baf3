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
