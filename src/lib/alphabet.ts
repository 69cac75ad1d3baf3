/** A–Z grouping for index pages. */

/** One initial's group of items on an A–Z page. */
export interface LetterGroup<T> {
  /** Display letter: `A`…`Z`, or `#` for entries starting with a digit or symbol. */
  letter: string;
  items: T[];
}

/** The initial an entry is filed under: its first letter without accents, upper-cased, or `#`. */
export function initialOf(title: string): string {
  const first = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .charAt(0)
    .toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}

/**
 * Groups items (already sorted by title) by initial, `#` first and then A–Z, keeping the input
 * order inside each group. Linear in the number of items.
 */
export function groupByInitial<T>(items: readonly T[], titleOf: (item: T) => string): LetterGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const letter = initialOf(titleOf(item));
    const group = groups.get(letter);
    if (group) group.push(item);
    else groups.set(letter, [item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '#' ? -1 : b === '#' ? 1 : a.localeCompare(b)))
    .map(([letter, groupItems]) => ({ letter, items: groupItems }));
}

/** All 26 letters plus `#`, for a jump bar that shows absent letters as disabled. */
export const ALPHABET = ['#', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
