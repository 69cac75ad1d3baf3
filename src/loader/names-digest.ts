import type { LinkableEntry } from '../lib/autolink/autolink-site.ts';
import { bodyWordKeys } from '../lib/autolink/body-words.ts';
import { words } from '../lib/autolink/name-index.ts';

/** Where it was first written; kept here for the modules that import it from the loader. */
export { bodyWordKeys };

/** How the glossary's names are linked: what every body's automatic links depend on besides names. */
export interface NamesSetting {
  root: string;
  locale: string;
  policy: string;
}

/** Each entry's line in its first words' digests, and those first words, by entry object. */
const namesByEntry = new WeakMap<LinkableEntry, { line: string; firsts: string[] }>();

/**
 * An entry's line and first words; the loader hands the same entry object back while its file is
 * unchanged, so each is worked out once, not for all 10,000 entries on every save.
 */
function namesOf(entry: LinkableEntry): { line: string; firsts: string[] } {
  const known = namesByEntry.get(entry);
  if (known) return known;
  const line = `${entry.slug}\u0001${entry.section}\u0001${entry.title}\u0001${entry.aka.join('\u0002')}`;
  const firsts: string[] = [];
  // The slug too: an editor's link to the entry's address (`/knot/half-hitch/`) holds its
  // first word, and resolves only once the entry exists.
  for (const name of [entry.title, ...entry.aka, entry.slug]) {
    const first = words(name)[0]?.word.toLowerCase();
    if (first !== undefined) firsts.push(first);
  }
  const names = { line, firsts };
  namesByEntry.set(entry, names);
  return names;
}

/**
 * An entry's names as one line (slug, section, title, aliases), as the autolink site's fingerprint
 * lists them; worked out once per entry object.
 */
export function namesLine(entry: LinkableEntry): string {
  return namesOf(entry).line;
}

/** Options of {@link createNamesKey}. */
export interface NamesKeyOptions {
  /** Hashes the names of one first word; the loader passes Astro's `generateDigest`. */
  hash: (text: string) => string;
  /** `bodyWordKeys` by body text, kept by the caller between syncs (the key adds what it works out). */
  bodyWords?: Map<string, readonly string[]>;
  /**
   * What the last key worked out, kept by the caller between syncs: a body whose words begin no
   * name that changed since gets its last key back without building it again (see NamesKeyMemo).
   */
  memo?: NamesKeyMemo;
}

/**
 * Why a memo: building every body's key, a digest per word that begins a name, took about 0.3 s
 * a sync at 10,000 entries, for a save that changed no name at all (the usual case) or one.
 */
export interface NamesKeyMemo {
  /** The digest of each first word's names, and the key's header, as the last key had them. */
  groups?: ReadonlyMap<string, string>;
  header?: string;
  /** Each body's key by body text. */
  keys: Map<string, string>;
  /** The entries the groups were worked out from, and the key of a body that needs all names. */
  entries?: readonly LinkableEntry[];
  all?: string;
}

/** A new, empty memo for {@link createNamesKey}. */
export function createNamesKeyMemo(): NamesKeyMemo {
  return { keys: new Map() };
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
  const memo = options.memo ?? createNamesKeyMemo();
  const header = `${setting.policy}\n${setting.root}\n${setting.locale}`;
  // The first words whose names differ from the last key's: only bodies holding one need a new key.
  const changed = new Set<string>();
  // The same entry objects as last time have the same names: the groups' thousands of digests stand.
  const same = memo.entries;
  const sameEntries =
    same !== undefined && same.length === entries.length && entries.every((entry, i) => entry === same[i]);
  if (!sameEntries || memo.header !== header || !memo.groups || memo.all === undefined) {
    const byFirstWord = new Map<string, string[]>();
    for (const entry of entries) {
      const { line, firsts } = namesOf(entry);
      for (const first of firsts) {
        const lines = byFirstWord.get(first);
        if (!lines) byFirstWord.set(first, [line]);
        else if (lines[lines.length - 1] !== line) lines.push(line);
      }
    }
    const groups = new Map(
      [...byFirstWord].map(([word, lines]) => [word, hash(`${word}\n${lines.join('\n')}`)]),
    );
    if (memo.header !== header || !memo.groups) memo.keys.clear();
    else {
      for (const [word, digest] of groups) if (memo.groups.get(word) !== digest) changed.add(word);
      for (const word of memo.groups.keys()) if (!groups.has(word)) changed.add(word);
    }
    memo.groups = groups;
    memo.header = header;
    memo.all = `all ${hash(`${header}\n${[...groups.values()].join('\n')}`)}`;
  }
  memo.entries = entries;
  const groups = memo.groups;
  const all = memo.all;
  // A few changed words (an entry added, deleted or renamed) are looked for in each body's keys;
  // at 50,000 entries that was 0.3 s a sync as a set lookup per key, 0.13 s this way round.
  const few = changed.size <= 8 ? [...changed] : undefined;
  const touches = (keys: readonly string[]) =>
    few ? few.some((word) => keys.includes(word)) : keys.some((word) => changed.has(word));
  return (body) => {
    const last = memo.keys.get(body);
    if (last !== undefined && changed.size === 0) return last;
    // A body keyed on all the names had character references (`all` never starts another key,
    // whose header starts with the policy): its key is the new `all`, without reading the body for
    // references again, 0.2 s of every sync that changed a name at 50,000 entries.
    if (last?.startsWith('all ')) {
      memo.keys.set(body, all);
      return all;
    }
    const references = last === undefined && /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/iu.test(body);
    let keys = bodyWords.get(body);
    if (!keys) bodyWords.set(body, (keys = bodyWordKeys(body, setting.locale)));
    if (last !== undefined && !touches(keys)) return last;
    if (references) {
      memo.keys.set(body, all);
      return all;
    }
    let key = header;
    for (const word of keys) {
      const digest = groups.get(word);
      if (digest !== undefined) key += `\n${digest}`;
    }
    memo.keys.set(body, key);
    return key;
  };
}
