import { createSpellingTable, type SpellingTable } from './spelling-table.ts';
import { createWordSpans, scanWords } from './word-scan.ts';
import { wordFormsFor } from './word-forms.ts';

/** How many spellings {@link bodyWordKeys} remembers the keys of, per locale, before starting afresh. */
const SPELLING_LIMIT = 100_000;

/** A key as `bodyWordKeys` gives it, marked with the last body it was given for. */
interface WordKey {
  key: string;
  body: number;
}

/** The keys of one spelling, marked with the last body it was met in. */
interface SpellingKeys {
  keys: readonly WordKey[];
  body: number;
}

/** Each locale's spellings and keys, the bodies counted so each body can mark what it met. */
interface KeyTables {
  spellings: SpellingTable<SpellingKeys>;
  keys: Map<string, WordKey>;
  bodies: number;
}

const tablesByLocale = new Map<string, KeyTables>();
const bodySpans = createWordSpans();

function keyTables(locale: string): KeyTables {
  let tables = tablesByLocale.get(locale);
  if (tables) return tables;
  const forms = wordFormsFor(locale);
  const keys = new Map<string, WordKey>();
  const keyOf = (key: string) => {
    let known = keys.get(key);
    if (!known) keys.set(key, (known = { key, body: -1 }));
    return known;
  };
  const spellings = createSpellingTable<SpellingKeys>((word) => {
    const all = [word.toLowerCase(), ...forms.baseForms(word).map((base) => base.toLowerCase())];
    return { keys: [...new Set(all)].map(keyOf), body: -1 };
  });
  tables = { spellings, keys, bodies: 0 };
  tablesByLocale.set(locale, tables);
  return tables;
}

/**
 * Every word of a body as the name index may look it up to start a match: lower-cased, and each
 * base form an inflected word may stand for ("gammas" for "gamma"), each once, in the order the
 * body first has them. Depends on nothing but the text and the locale, so a caller may keep it
 * per body text across syncs. The same words recur in every body, so each spelling's keys are
 * worked out once, and found by the hash the word scan computes, without cutting the word out
 * of the text: cutting out every word and collecting the keys in a set took 0.7 s at 10,000
 * entries, most of the cost of knowing which bodies a changed name may touch.
 */
export function bodyWordKeys(body: string, locale: string): readonly string[] {
  const tables = keyTables(locale);
  const { spellings } = tables;
  if (spellings.size >= SPELLING_LIMIT) {
    spellings.clear();
    tables.keys.clear();
  }
  const mark = tables.bodies++;
  const { count, starts, ends, hashes } = scanWords(body, bodySpans);
  const values = spellings.values;
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const spelling = values[
      spellings.numberOf(body, starts[k] as number, ends[k] as number, hashes[k] as number)
    ] as SpellingKeys;
    if (spelling.body === mark) continue;
    spelling.body = mark;
    for (const key of spelling.keys) {
      if (key.body === mark) continue;
      key.body = mark;
      out.push(key.key);
    }
  }
  return out;
}
