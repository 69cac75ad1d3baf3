import { wordFormsFor, type WordForms } from './word-forms.ts';
import { createSpellingTable } from './spelling-table.ts';
import { createWordSpans, scanWords } from './word-scan.ts';

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
  /** Its number among the trie's nodes, which the table of steps is keyed on. */
  index: number;
  /** The nodes after this one, by the id of the next word (see `wordIds`), while the trie is built. */
  next: Map<number, TrieNode> | undefined;
  /** Entries whose name ends here; more than one means the name is ambiguous. */
  claims: Claim[] | undefined;
  /** Set when a name ending here is ambiguous: consumed, never linked. */
  ambiguous: boolean;
}

/** A word as some text wrote it, with what matching asks of it. */
interface Spelling {
  written: string;
  /** The id of the word lower-cased among the words of names, -1 when no name has it. */
  id: number;
  /** Its base forms (`WordForms.baseForms`) as written, and the id of each lower-cased. */
  bases: readonly string[];
  baseIds: readonly number[];
  /** Whether a name can begin with it. */
  starts: boolean;
  /** The trie's step from its root on this word as written, and on its first base form that names something. */
  first: TrieNode | undefined;
  firstStem: TrieNode | undefined;
  firstBase: string | undefined;
}

// What may separate two words of one name in the text: spaces, or one hyphen or dash
// ("delta-hedging" names "delta hedging"); any other punctuation ends the name.
const JOINER = /^(?:\s+|\s*[-‐‑–]\s*)$/u;

/** How many spellings `find` remembers, as starting a name or not, before it starts afresh. */
const START_CACHE_LIMIT = 100_000;

/** An alias written entirely in capitals ("IV", "ADL"), matched only in capitals. */
export function isAllCapitals(name: string): boolean {
  return /\p{Lu}.*\p{Lu}/su.test(name) && name === name.toUpperCase() && name !== name.toLowerCase();
}

/** Room for the words of `words`, reused: it is asked about each of thousands of names. */
const wordsSpans = createWordSpans();

/** The words of a name or text, with their offsets. */
export function words(text: string): { word: string; start: number; end: number }[] {
  const { count, starts, ends } = scanWords(text, wordsSpans);
  const found: { word: string; start: number; end: number }[] = [];
  for (let k = 0; k < count; k++) {
    const start = starts[k] as number;
    const end = ends[k] as number;
    found.push({ word: text.slice(start, end), start, end });
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
  const nodes: TrieNode[] = [];
  const newNode = (): TrieNode => {
    const node: TrieNode = { index: nodes.length, next: undefined, claims: undefined, ambiguous: false };
    nodes.push(node);
    return node;
  };
  const root = newNode();
  // Each distinct word of the names (lower-cased) gets a number, and the trie steps on numbers:
  // a Map compares a string key letter by letter against the one it holds, and that comparison
  // for the words after a possible first word was the matcher's largest cost.
  const wordIds = new Map<string, number>();
  const spelled = new Map<TrieNode, string>();
  const add = (slug: string, name: string, isTitle: boolean) => {
    const parts = words(name).map((w) => w.word);
    if (parts.length === 0) return;
    let node = root;
    for (const part of parts) {
      const lower = part.toLowerCase();
      let key = wordIds.get(lower);
      if (key === undefined) wordIds.set(lower, (key = wordIds.size));
      node.next ??= new Map();
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = newNode()));
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
  const step = compileSteps(nodes);
  // What matching needs of a word as written, worked out once per spelling: most words of a
  // body start no name, and the same words recur in every body, so this one lookup in place of
  // lower-casing, a trie step and the plural rules for every word made matching 10,000 bench
  // bodies about three times faster. Looked up by the hash the scan computes as it reads the
  // word, so a word that starts no name is never even cut out of the text.
  const spellings = createSpellingTable((written): Spelling => {
    const id = wordIds.get(written.toLowerCase()) ?? -1;
    const bases = forms.baseForms(written);
    const baseIds = bases.map((b) => wordIds.get(b.toLowerCase()) ?? -1);
    const first = step(root, id);
    const stem = baseIds.findIndex((b) => isName(step(root, b)));
    return {
      written,
      id,
      bases,
      baseIds,
      starts: first !== undefined || stem !== -1,
      first,
      firstStem: stem === -1 ? undefined : step(root, baseIds[stem] as number),
      firstBase: bases[stem],
    };
  });
  // Reused from text to text: the words of one text, and what each is as a spelling.
  const spans = createWordSpans();
  const wordsOfText: Spelling[] = [];
  const find = (text: string): NameMatch[] => {
    const found: NameMatch[] = [];
    // Bounded so a huge glossary of texts cannot grow it without end; forgotten only between
    // texts, so the spellings of this one stay numbered while it is read.
    if (spellings.size >= START_CACHE_LIMIT) spellings.clear();
    const { count, starts, ends, hashes } = scanWords(text, spans);
    const known = spellings.values;
    for (let k = 0; k < count; k++)
      wordsOfText[k] = known[
        spellings.numberOf(text, starts[k] as number, ends[k] as number, hashes[k] as number)
      ] as Spelling;
    for (let i = 0; i < count;) {
      if (!(wordsOfText[i] as Spelling).starts) {
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
        if (!node.next) break;
        if (j > i) {
          const from = ends[j - 1] as number;
          const to = starts[j] as number;
          // One space, by far the commonest gap, needs no string.
          if ((to - from !== 1 || text.charCodeAt(from) !== 32) && !JOINER.test(text.slice(from, to))) break;
        }
        const word = wordsOfText[j] as Spelling;
        // The first word's step was worked out with its spelling: a lookup saved for every word
        // that may start a name, a quarter of a bench body's words.
        const child = j === i ? word.first : step(node, word.id);
        if (isName(child)) {
          bestEnd = j;
          bestNode = child;
          bestBase = undefined;
        } else if (j === i) {
          if (word.firstStem) {
            bestEnd = j;
            bestNode = word.firstStem;
            bestBase = word.firstBase;
          }
        } else {
          // An inflected last word: "gammas" ends the name "gamma".
          for (let b = 0; b < word.bases.length; b++) {
            const stem = step(node, word.baseIds[b] as number);
            if (isName(stem)) {
              bestEnd = j;
              bestNode = stem;
              bestBase = word.bases[b];
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
      const wordAt = (k: number) =>
        i + k === bestEnd && bestBase !== undefined ? bestBase : (wordsOfText[i + k] as Spelling).written;
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

/**
 * The trie's steps, from a node on a word id to the next node, in one open-addressing table
 * instead of a Map per node: a Map lookup per word after a possible first word was, after the
 * scan, the matcher's largest cost. Steps on -1 (a word no name has) lead nowhere.
 */
function compileSteps(nodes: readonly TrieNode[]): (node: TrieNode, word: number) => TrieNode | undefined {
  let count = 0;
  for (const node of nodes) count += node.next?.size ?? 0;
  let size = 16;
  while (size < 2 * count) size *= 2;
  const mask = size - 1;
  const from = new Int32Array(size).fill(-1);
  const on = new Int32Array(size);
  const to = new Int32Array(size);
  const slotOf = (node: number, word: number) => {
    let hash = Math.imul(node + 1, 0x9e3779b1) ^ Math.imul(word + 1, 0x85ebca6b);
    hash ^= hash >>> 15;
    return Math.imul(hash, 0x2c1b3c6d) & mask;
  };
  for (const node of nodes) {
    for (const [word, child] of node.next ?? []) {
      let slot = slotOf(node.index, word);
      while (from[slot] !== -1) slot = (slot + 1) & mask;
      from[slot] = node.index;
      on[slot] = word;
      to[slot] = child.index;
    }
  }
  return (node, word) => {
    if (word < 0) return undefined;
    const index = node.index;
    for (let slot = slotOf(index, word); from[slot] !== -1; slot = (slot + 1) & mask)
      if (from[slot] === index && on[slot] === word) return nodes[to[slot] as number];
    return undefined;
  };
}
