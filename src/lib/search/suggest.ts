import { foldWord, splitWords } from './words.ts';

/**
 * "Did you mean …?" for search: the titles and synonyms closest to what was typed, by edit
 * distance. Pure, so it runs in the browser on the names list the build ships and in unit tests.
 */

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string
 * alignment), the commonest typo: "gamam" is one edit from "gamma", not two.
 */
export function editDistance(a: string, b: string): number {
  // Three rows of the dynamic-programming table: two back, one back and the current one.
  const width = b.length + 1;
  let twoBack = new Uint16Array(width);
  let oneBack = Uint16Array.from({ length: width }, (_, j) => j);
  let row = new Uint16Array(width);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((oneBack[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (oneBack[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (twoBack[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
    [twoBack, oneBack, row] = [oneBack, row, twoBack];
  }
  return oneBack[b.length] ?? 0;
}

/** How many edits a typed string of this length may be from what was meant: none below 4 letters. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  if (length < 12) return 2;
  return 3;
}

/** A name folded for comparison: words folded and joined by single spaces. */
export function foldName(name: string): string {
  return splitWords(name.replace(/[-–—/]/g, ' '))
    .map(foldWord)
    .filter(Boolean)
    .join(' ');
}

/**
 * The names (titles and synonyms) within a typo of the query, closest first; among equals the
 * one nearest in length, then alphabetical. Empty when nothing is close enough: a wild guess is
 * worse than no suggestion.
 */
export function suggestNames(query: string, names: readonly string[], limit = 3): string[] {
  const typed = foldName(query);
  const allowed = allowedEdits(typed.length);
  if (allowed === 0) return [];
  return names
    .map((name) => ({ name, folded: foldName(name) }))
    .map((n) => ({ ...n, distance: editDistance(typed, n.folded) }))
    .filter((n) => n.distance > 0 && n.distance <= allowed)
    .sort(
      (a, b) =>
        a.distance - b.distance ||
        Math.abs(a.folded.length - typed.length) - Math.abs(b.folded.length - typed.length) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, limit)
    .map((n) => n.name);
}

/** Every word of the names, folded: the words a correction may use. */
export function vocabularyOf(names: readonly string[]): Set<string> {
  return new Set(names.flatMap((name) => foldName(name).split(' ')).filter((w) => w.length > 1));
}

/**
 * The query with each word that no name uses replaced by the closest word that one does
 * ("volatilty smile" → "volatility smile"); undefined when no word could be corrected.
 */
export function correctWords(query: string, vocabulary: ReadonlySet<string>): string | undefined {
  let changed = false;
  const words = foldName(query)
    .split(' ')
    .map((word) => {
      if (word === '' || vocabulary.has(word)) return word;
      const allowed = allowedEdits(word.length);
      let best: { word: string; distance: number } | undefined;
      for (const known of vocabulary) {
        if (Math.abs(known.length - word.length) > allowed) continue;
        const distance = editDistance(word, known);
        if (distance <= allowed && (!best || distance < best.distance)) best = { word: known, distance };
      }
      if (!best) return word;
      changed = true;
      return best.word;
    });
  return changed ? words.join(' ') : undefined;
}

/**
 * What to offer for a query with no real match: close names first, then the query with its
 * words corrected, without repeats (ignoring case).
 */
export function suggestionsFor(query: string, names: readonly string[], limit = 3): string[] {
  const corrected = correctWords(query, vocabularyOf(names));
  const all = [...suggestNames(query, names, limit), ...(corrected ? [corrected] : [])];
  const seen = new Set<string>();
  return all.filter((s) => !seen.has(foldName(s)) && seen.add(foldName(s))).slice(0, limit);
}

/** The names list the build ships for suggestions: every title and synonym, once, sorted. */
export function buildSearchNames(terms: readonly { title: string; aka: readonly string[] }[]): string[] {
  const byFolded = new Map<string, string>();
  for (const name of terms.flatMap((t) => [t.title, ...t.aka])) {
    if (!byFolded.has(foldName(name))) byFolded.set(foldName(name), name);
  }
  return [...byFolded.values()].sort((a, b) => a.localeCompare(b));
}
