import { wordFormsFor, type WordForms } from './word-forms.ts';

/** What the index needs to know about an entry: its slug and the names it goes by. */
export interface NameSource {
  slug: string;
  title: string;
  aka: readonly string[];
}

/** One name found in a text, as UTF-16 offsets `[start, end)`; `slug` is the entry it names. */
export interface NameMatch {
  start: number;
  end: number;
  slug: string;
}

/** A name two or more entries go by, which is therefore never linked. */
export interface AmbiguousName {
  name: string;
  /** The entries claiming it, in input order. */
  slugs: string[];
}

/** Every entry's names, compiled once per build, matched against any text in one pass. */
export interface NameIndex {
  /**
   * Names in `text`, left to right, never overlapping: at each word the longest name starting
   * there wins ("negative gamma" over "gamma"). A span naming an ambiguous name is consumed
   * (no shorter name inside it is reported) but not returned.
   */
  find(text: string): NameMatch[];
  /** Names claimed by more than one entry (titles win over aliases, see `buildNameIndex`). */
  ambiguous: AmbiguousName[];
}

interface Claim {
  slug: string;
  /** Present for an all-capitals alias: the words as written, which the text must match exactly. */
  exact: readonly string[] | undefined;
  isTitle: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  /** Entries whose name ends here; more than one means the name is ambiguous. */
  claims: Claim[] | undefined;
  /** Set when a name ending here is ambiguous: consumed, never linked. */
  ambiguous: boolean;
}

// A word: letters, digits and marks, with inner apostrophes kept ("gamma's", "o'clock") so
// possessives stay one word. Written with Unicode classes so accents and non-Latin scripts count
// as letters. A regular expression instead of Intl.Segmenter: on bench bodies the segmenter took
// ~6× longer, and glossary names are written in space-separated scripts.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
// What may separate two words of one name in the text: spaces, or one hyphen or dash
// ("delta-hedging" names "delta hedging"); any other punctuation ends the name.
const JOINER = /^(?:\s+|\s*[-‐‑–]\s*)$/u;

/** How many spellings `find` remembers, as starting a name or not, before it starts afresh. */
const START_CACHE_LIMIT = 100_000;

/** An alias written entirely in capitals ("IV", "ADL"), matched only in capitals. */
export function isAllCapitals(name: string): boolean {
  return /\p{Lu}.*\p{Lu}/su.test(name) && name === name.toUpperCase() && name !== name.toLowerCase();
}

/** The words of a name or text, with their offsets. */
export function words(text: string): { word: string; start: number; end: number }[] {
  const found: { word: string; start: number; end: number }[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    found.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/**
 * Compiles the names of `entries` (titles and `aka`) into a trie of words. Matching then costs
 * time linear in the text, whatever the number of names: each word is looked up in a hash map,
 * and a match is extended only as long as some name continues, so at most the longest name's
 * word count of steps per word. Titles match in any case; an all-capitals alias only as written.
 * A name claimed by several entries is ambiguous, except that an entry's title wins over another
 * entry's alias (the title is what the other entry is, the alias only what it is also called).
 */
export function buildNameIndex(
  entries: readonly NameSource[],
  options: { locale: string; wordForms?: WordForms },
): NameIndex {
  const forms = options.wordForms ?? wordFormsFor(options.locale);
  const root: TrieNode = { next: undefined, claims: undefined, ambiguous: false };
  const spelled = new Map<TrieNode, string>();
  const add = (slug: string, name: string, isTitle: boolean) => {
    const parts = words(name).map((w) => w.word);
    if (parts.length === 0) return;
    let node = root;
    for (const part of parts) {
      const key = part.toLowerCase();
      node.next ??= new Map();
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: undefined, claims: undefined, ambiguous: false }));
      node = child;
    }
    const claim: Claim = { slug, exact: !isTitle && isAllCapitals(name) ? parts : undefined, isTitle };
    if (!node.claims) {
      node.claims = [claim];
      spelled.set(node, name);
    } else if (!node.claims.some((c) => c.slug === slug)) node.claims.push(claim);
  };
  for (const entry of entries) {
    add(entry.slug, entry.title, true);
    for (const alias of entry.aka) add(entry.slug, alias, false);
  }

  const ambiguous: AmbiguousName[] = [];
  for (const [node, name] of spelled) {
    const claims = node.claims ?? [];
    if (claims.length < 2) continue;
    const titles = claims.filter((c) => c.isTitle);
    if (titles.length === 1) node.claims = titles;
    else node.ambiguous = true;
    ambiguous.push({ name, slugs: claims.map((c) => c.slug) });
  }

  const isName = (node: TrieNode | undefined): node is TrieNode =>
    node !== undefined && (node.claims !== undefined || node.ambiguous);
  // Whether a word, as written, can begin a name: most words of a body cannot, and the same
  // words recur in every body, so the answer is kept per spelling. This one lookup in place of
  // lower-casing, a trie step and the plural rules for every word made matching 10,000 bench
  // bodies about three times faster. Bounded so a huge text cannot grow it without end.
  const startsName = new Map<string, boolean>();
  const mayStartName = (word: string): boolean => {
    let may = startsName.get(word);
    if (may === undefined) {
      const next = root.next;
      may =
        next !== undefined &&
        (next.has(word.toLowerCase()) ||
          forms.baseForms(word).some((b) => isName(next.get(b.toLowerCase()))));
      if (startsName.size >= START_CACHE_LIMIT) startsName.clear();
      startsName.set(word, may);
    }
    return may;
  };
  const find = (text: string): NameMatch[] => {
    const found: NameMatch[] = [];
    // The words of the text as three parallel lists, not one object per word: a body has
    // hundreds of words and only a few of them start a name.
    const written: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      written.push(m[0]);
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
    const count = written.length;
    for (let i = 0; i < count;) {
      if (!mayStartName(written[i] as string)) {
        i += 1;
        continue;
      }
      let node: TrieNode = root;
      // The longest name found so far from word i: its last word, trie node, and the base form
      // its last word was read as (undefined when written exactly).
      let bestEnd = -1;
      let bestNode: TrieNode | undefined;
      let bestBase: string | undefined;
      for (let j = i; j < count; j++) {
        const next = node.next;
        if (!next) break;
        if (j > i) {
          const gap = text.slice(ends[j - 1], starts[j]);
          if (gap !== ' ' && !JOINER.test(gap)) break;
        }
        const word = written[j] as string;
        const child = next.get(word.toLowerCase());
        if (isName(child)) {
          bestEnd = j;
          bestNode = child;
          bestBase = undefined;
        } else {
          // An inflected last word: "gammas" ends the name "gamma".
          for (const base of forms.baseForms(word)) {
            const stem = next.get(base.toLowerCase());
            if (isName(stem)) {
              bestEnd = j;
              bestNode = stem;
              bestBase = base;
              break;
            }
          }
        }
        if (!child) break;
        node = child;
      }
      if (!bestNode || bestEnd < 0) {
        i += 1;
        continue;
      }
      const claim = bestNode.ambiguous ? undefined : bestNode.claims?.[0];
      // The name's k-th word as the text wrote it (the last one read as its base form).
      const wordAt = (k: number) => (i + k === bestEnd && bestBase !== undefined ? bestBase : written[i + k]);
      if (claim && (!claim.exact || claim.exact.every((w, k) => w === wordAt(k)))) {
        found.push({ start: starts[i] as number, end: ends[bestEnd] as number, slug: claim.slug });
        i = bestEnd + 1;
      } else if (bestNode.ambiguous) {
        i = bestEnd + 1;
      } else {
        // A case-sensitive alias seen in the wrong case ("iv" for "IV") is just a word.
        i += 1;
      }
    }
    return found;
  };

  return { find, ambiguous };
}
