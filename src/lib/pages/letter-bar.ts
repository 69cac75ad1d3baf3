import { jumpBarLetters, type LetterGroup } from '../graph/alphabet.ts';
import { letterKey } from '../site/urls.ts';

/** One place of a letter bar: a letter, with the link to its group when it has entries. */
export interface LetterBarItem {
  letter: string;
  /** Site path (or `#fragment` on the same page) of the letter's group; absent when it has none. */
  path?: string;
}

/** The id of a letter group's heading on an A–Z list: `letter-a`, `letter-0-9`. */
export function letterAnchor(letter: string): string {
  return `letter-${letterKey(letter)}`;
}

/**
 * The letters of a bar, `#` and A–Z always and other scripts' letters when entries use them, each
 * linked to its group on `page` (a site path such as `/a-z/`, or `''` for the page the bar is on)
 * when the group has entries. A letter without entries is kept, unlinked, so the bar has the same
 * shape on every page and readers see at once which letters are empty.
 */
export function buildLetterBar(
  groups: readonly LetterGroup<unknown>[],
  locale: string,
  page = '',
): LetterBarItem[] {
  const present = new Set(groups.map((g) => g.letter));
  return jumpBarLetters(groups, locale).map((letter) =>
    present.has(letter) ? { letter, path: `${page}#${letterAnchor(letter)}` } : { letter },
  );
}
