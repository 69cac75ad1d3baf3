import type { LinkableEntry } from '../lib/autolink/autolink-site.ts';
import { words } from '../lib/autolink/name-index.ts';
import { wordFormsFor } from '../lib/autolink/word-forms.ts';

/** How the glossary's names are linked: what every body's automatic links depend on besides names. */
export interface NamesSetting {
  root: string;
  locale: string;
  policy: string;
}

/** How many spellings {@link bodyWordKeys} remembers the keys of, per locale, before starting afresh. */
const SPELLING_LIMIT = 100_000;
const keysBySpelling = new Map<string, Map<string, readonly string[]>>();

/**
 * Every word of a body as the name index may look it up to start a match: lower-cased, and each
 * base form an inflected word may stand for ("gammas" for "gamma"). Depends on nothing but the
 * text and the locale, so a caller may keep it per body text across syncs. The same words recur
 * in every body, so each spelling's keys are worked out once.
 */
export function bodyWordKeys(body: string, locale: string): readonly string[] {
  const forms = wordFormsFor(locale);
  let spellings = keysBySpelling.get(locale);
  if (!spellings) keysBySpelling.set(locale, (spellings = new Map()));
  const keys = new Set<string>();
  for (const { word } of words(body)) {
    let found = spellings.get(word);
    if (!found) {
      found = [word.toLowerCase(), ...forms.baseForms(word).map((base) => base.toLowerCase())];
      if (spellings.size >= SPELLING_LIMIT) spellings.clear();
      spellings.set(word, found);
    }
    for (const key of found) keys.add(key);
  }
  return [...keys];
}

/** Options of {@link createNamesKey}. */
export interface NamesKeyOptions {
  /** Hashes the names of one first word; the loader passes Astro's `generateDigest`. */
  hash: (text: string) => string;
  /** `bodyWordKeys` by body text, kept by the caller between syncs (the key adds what it works out). */
  bodyWords?: Map<string, readonly string[]>;
}

/**
 * The part of the glossary's names one body's rendering depends on, as a string to hash into that
 * entry's digest.
 *
 * Why not all the names: a body's automatic links used to be keyed on every name of the glossary,
 * so adding, deleting or renaming one entry re-rendered all 10,000 bodies (172 s in the live
 * preview). A name can only be found in a body that holds its first word: the name index starts
 * every match at a word that begins some name, and walks on only from there (name-index.ts). So a
 * body's links can change only when an entry changes one of whose names begins with a word of
 * that body, in any of the forms the index reads it in. The key of a body lists, for each such
 * word, a digest of every entry (slug, section, title, aliases) with a name, or a slug, beginning
 * with it.
 *
 * Text a body's Markdown writes as character references (`&eacute;`) is not in its source as the
 * index reads it, so such a body keeps the key of all the names.
 */
export function createNamesKey(
  entries: readonly LinkableEntry[],
  setting: NamesSetting,
  options: NamesKeyOptions,
): (body: string) => string {
  const { hash, bodyWords = new Map<string, readonly string[]>() } = options;
  const byFirstWord = new Map<string, string[]>();
  for (const entry of entries) {
    const line = `${entry.slug}\u0001${entry.section}\u0001${entry.title}\u0001${entry.aka.join('\u0002')}`;
    // The slug too: an editor's link to the entry's address (`/knot/half-hitch/`) holds its
    // first word, and resolves only once the entry exists.
    for (const name of [entry.title, ...entry.aka, entry.slug]) {
      const first = words(name)[0]?.word.toLowerCase();
      if (first === undefined) continue;
      const lines = byFirstWord.get(first);
      if (!lines) byFirstWord.set(first, [line]);
      else if (lines[lines.length - 1] !== line) lines.push(line);
    }
  }
  const groups = new Map(
    [...byFirstWord].map(([word, lines]) => [word, hash(`${word}\n${lines.join('\n')}`)]),
  );
  const header = `${setting.policy}\n${setting.root}\n${setting.locale}`;
  const all = `all ${hash(`${header}\n${[...groups.values()].join('\n')}`)}`;
  return (body) => {
    if (/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/iu.test(body)) return all;
    let keys = bodyWords.get(body);
    if (!keys) bodyWords.set(body, (keys = bodyWordKeys(body, setting.locale)));
    let key = header;
    for (const word of keys) {
      const digest = groups.get(word);
      if (digest !== undefined) key += `\n${digest}`;
    }
    return key;
  };
}
