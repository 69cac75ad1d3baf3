import type { EntryChange } from '../checks/recheck-glossary.ts';
import type { Term } from '../entries/term.ts';
import { COMMON_WORD_BODIES, adviceWords, type BodyWordPostings } from './editor-report.ts';

/**
 * The words of the published bodies, kept between runs of check:content for the advice that
 * names the bodies closest to an unlinked entry's (editor-report.ts). An entry just added is
 * usually linked from nowhere yet, and finding its closest bodies read and split every body of
 * the glossary: 1.2 s of a 20,000-entry run, most of it.
 *
 * Each entry keeps its body's words but the common ones (those more than `TRACKED` bodies had
 * when every body was last read), so a rare word's bodies are all known; a common word stays more
 * common than the advice counts (`COMMON_WORD_BODIES`) until enough bodies have changed to take
 * it under, when every body is read again.
 */
export interface AdviceWordsState {
  /** The words more than `TRACKED` published bodies had when every body was last read. */
  common: string[];
  /** Published bodies edited, deleted or unpublished since, each of which may have lost a common word. */
  removals: number;
}

/** How many bodies make a word common. */
const TRACKED = 128;

/** An entry's kept words: its body's words that are not common. */
function keptWords(term: Term, common: ReadonlySet<string>): string[] {
  return [...adviceWords(term.body)].filter((word) => !common.has(word));
}

/** What `recheckAdviceWords` gives: postings for the advice, and what to keep for the next run. */
export interface AdviceWordsRecheck {
  /** The postings, made the first time an unlinked entry asks. */
  postings: () => BodyWordPostings;
  /** The state and each published entry's kept words (by file) after this run, when known. */
  kept(): { state: AdviceWordsState; words: ReadonlyMap<string, string[]> } | undefined;
}

/**
 * The published bodies' words after `changes`, from those an earlier run kept (`keptOf`, by entry,
 * and `state`): the edited bodies are read for their words, and every body only when the kept ones
 * cannot stand (none kept, or so many bodies changed that a common word may have become rare).
 */
export function recheckAdviceWords(
  published: readonly Term[],
  keptOf: (term: Term) => string[] | undefined,
  changes: readonly EntryChange[],
  state: AdviceWordsState | undefined,
): AdviceWordsRecheck {
  const changed = new Set<string>();
  let removals = state?.removals ?? 0;
  for (const { before, after } of changes) {
    if (before?.facts && !before.facts.draft) removals++;
    if (after?.facts && !after.facts.draft) changed.add(after.path);
  }
  const common = new Set(state?.common ?? []);
  // The words of the bodies edited, which nothing kept yet.
  let words: Map<string, string[]> | undefined;
  let current: AdviceWordsState | undefined;
  if (state && TRACKED - removals > COMMON_WORD_BODIES) {
    words = new Map();
    for (const term of published) {
      const kept = changed.has(term.file) ? keptWords(term, common) : keptOf(term);
      if (!kept) {
        words = undefined;
        break;
      }
      words.set(term.file, kept);
    }
    if (words) current = { common: state.common, removals };
  }
  let postings: BodyWordPostings | undefined;
  const make = (): BodyWordPostings => {
    if (!words || !current) {
      // Every body, read again: the words more than TRACKED bodies have are common from now on.
      const all = published.map((term) => adviceWords(term.body));
      const counts = new Map<string, number>();
      for (const found of all) for (const word of found) counts.set(word, (counts.get(word) ?? 0) + 1);
      const now = new Set([...counts].filter(([, n]) => n > TRACKED).map(([word]) => word));
      current = { common: [...now], removals: 0 };
      words = new Map(
        published.map((term, i) => [term.file, [...(all[i] ?? [])].filter((w) => !now.has(w))]),
      );
      common.clear();
      for (const word of now) common.add(word);
    }
    const kept = words;
    const bodies = new Map<string, Term[]>();
    for (const term of published) {
      for (const word of kept.get(term.file) ?? []) {
        const list = bodies.get(word);
        if (list) list.push(term);
        else bodies.set(word, [term]);
      }
    }
    return {
      wordsOf: (term) => adviceWords(term.body),
      rareBodies: (word) => {
        if (common.has(word)) return undefined;
        const list = bodies.get(word) ?? [];
        return list.length > COMMON_WORD_BODIES ? undefined : list;
      },
    };
  };
  return {
    postings: () => (postings ??= make()),
    kept: () => (words && current ? { state: current, words } : undefined),
  };
}
