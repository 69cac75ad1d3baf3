/**
 * A–Z grouping for index pages, in any script: a Greek title is filed under its Greek letter, a
 * Cyrillic one under its Cyrillic letter, and whether an accented letter is a letter of its own
 * ("Å" in Swedish) or a variant of its base ("É" in English) is the site locale's collation's call.
 */

/** One initial's group of items on an A–Z page. */
export interface LetterGroup<T> {
  /** Display letter: `A`…`Z`, a letter of another script (`Ζ`, `Ж`), or `#` for digits and symbols. */
  letter: string;
  items: T[];
}

const collators = new Map<string, Intl.Collator>();

/** A collator comparing letters only (not accents or case), for the locale. */
function baseCollator(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base' });
    collators.set(locale, collator);
  }
  return collator;
}

/**
 * The initial an entry is filed under: its first letter, upper-cased, without an accent the
 * locale does not count as a letter of its own; `#` when the title starts with a digit or symbol.
 */
export function initialOf(title: string, locale = 'en'): string {
  const first = [...title.trim().normalize('NFC')][0] ?? '';
  if (!/^\p{L}$/u.test(first)) return '#';
  const upper = first.toLocaleUpperCase(locale);
  const bare = upper
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
  // "É" and "E" are one letter to English readers; "Å" and "A" are two to Swedish ones.
  return bare && baseCollator(locale).compare(bare, upper) === 0 ? bare : upper;
}

/**
 * Groups items (already sorted by title) by initial, `#` first and then the letters in the
 * locale's collation order, keeping the input order inside each group. Linear in the number of
 * items.
 */
export function groupByInitial<T>(
  items: readonly T[],
  titleOf: (item: T) => string,
  locale = 'en',
): LetterGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const letter = initialOf(titleOf(item), locale);
    const group = groups.get(letter);
    if (group) group.push(item);
    else groups.set(letter, [item]);
  }
  const collator = baseCollator(locale);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '#' ? -1 : b === '#' ? 1 : collator.compare(a, b)))
    .map(([letter, groupItems]) => ({ letter, items: groupItems }));
}

/** All 26 letters plus `#`, for a jump bar that shows absent letters as disabled. */
export const ALPHABET = ['#', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/**
 * The letters of a jump bar: `#` and A–Z always (absent ones shown disabled), then every other
 * letter that has entries, in the locale's order, so a Greek initial gets its link too.
 */
export function jumpBarLetters(groups: readonly LetterGroup<unknown>[], locale = 'en'): string[] {
  const collator = baseCollator(locale);
  const extra = groups.map((g) => g.letter).filter((letter) => !ALPHABET.includes(letter));
  return [...ALPHABET, ...extra.sort((a, b) => collator.compare(a, b))];
}
