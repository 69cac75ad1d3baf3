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

/** What `suggestRelated` needs of an entry. */
export interface RelatedCandidate {
  slug: string;
  title: string;
  aka: readonly string[];
  tags: readonly string[];
  body: string;
  draft: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Up to this many first words, bodies are searched for them before being split into words. */
const FILTER_WORDS = 32;

/**
 * Whether a body may contain one of `firstWords` (lower-cased words): true for every body that
 * does, and for few that do not. The live preview's new entry is usually the only one needing
 * suggestions, and splitting 50,000 bodies into words to look for its name took 1.7 s of each
 * save that added one; a substring search of each lower-cased body skips nearly all of them. A
 * word `wordsOf` finds is a substring of the lower-cased body, so nothing it would count is
 * skipped. Past a few dozen words one search per word costs more than the split it saves.
 */
function bodyFilter(firstWords: readonly string[]): (body: string) => boolean {
  if (firstWords.length > FILTER_WORDS) return () => true;
  return (body) => {
    const lower = body.toLowerCase();
    return firstWords.some((word) => lower.includes(word));
  };
}

/**
 * Slugs of this glossary to suggest for the `related` list of each entry in `needing`: first the
 * entries whose bodies name it (its title or an aka), most mentions first, else the entries that
 * share most of its tags; at most `limit` each, never a draft, never the entry itself. Bodies are
 * read once, word by word against an index of the names looked for, so the cost is the length of
 * the glossary, not entries × entries.
 */
export function suggestRelated<T extends RelatedCandidate>(
  terms: readonly T[],
  needing: readonly T[],
  limit = 2,
): Map<T, string[]> {
  // Most glossaries have no entry without related ones: indexing 100,000 entries' tags for none
  // took a tenth of a second.
  if (needing.length === 0) return new Map();
  // Names by their first word: a body word starts a match only where some name starts with it.
  const byFirstWord = new Map<string, { words: string[]; target: T }[]>();
  for (const target of needing) {
    for (const name of [target.title, ...target.aka]) {
      const words = wordsOf(name);
      const first = words[0];
      if (!first) continue;
      const list = byFirstWord.get(first) ?? [];
      byFirstWord.set(first, list);
      list.push({ words, target });
    }
  }
  const mentions = new Map<T, Map<string, number>>();
  if (byFirstWord.size > 0) {
    const mayName = bodyFilter([...byFirstWord.keys()]);
    for (const term of terms) {
      if (term.draft || term.body === '' || !mayName(term.body)) continue;
      const words = wordsOf(term.body);
      const found = new Map<T, number>();
      words.forEach((word, index) => {
        for (const { words: name, target } of byFirstWord.get(word) ?? []) {
          if (target !== term && name.every((part, offset) => words[index + offset] === part))
            found.set(target, (found.get(target) ?? 0) + 1);
        }
      });
      for (const [target, count] of found) {
        const counts = mentions.get(target) ?? new Map<string, number>();
        mentions.set(target, counts);
        counts.set(term.slug, count);
      }
    }
  }
  const byTag = new Map<string, T[]>();
  for (const term of terms) {
    if (term.draft) continue;
    for (const tag of term.tags) {
      const list = byTag.get(tag) ?? [];
      byTag.set(tag, list);
      list.push(term);
    }
  }
  const out = new Map<T, string[]>();
  for (const target of needing) {
    let counts = mentions.get(target);
    if (!counts) {
      counts = new Map();
      for (const tag of target.tags) {
        for (const other of byTag.get(tag) ?? []) {
          if (other !== target) counts.set(other.slug, (counts.get(other.slug) ?? 0) + 1);
        }
      }
    }
    out.set(
      target,
      [...counts.entries()]
        .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, limit)
        .map(([slug]) => slug),
    );
  }
  return out;
}
