import type { PositionLookup } from '../entries/entry-file.ts';
import type { Problem } from './problems.ts';
import { splitSentences, splitWords } from './sentences.ts';
import { SUMMARY_MAX, SUMMARY_MIN } from '../entries/term-schema.ts';
import type { Term } from '../entries/term.ts';

/**
 * The editorial warnings an entry earns on its own (its summary's length and sentences, a summary
 * that only restates the title) and the folded forms of its names the near-duplicate check
 * compares. They depend on the entry's file and the site's language alone, so the validation
 * cache keeps them with the file's outcome: the word and sentence segmenters they run cost about
 * 15 µs an entry, 1.5 s at 100,000, on every check.
 */
export interface EntryWarnings {
  /** The entry's own warnings, positioned in its file, in the order they are reported. */
  own: Problem[];
  /** `nameFingerprint` of the title, then of each `aka` name, in order. */
  fingerprints: string[];
}

/** Words that carry no meaning of their own when judging whether a summary says anything. */
const FILLER_WORDS = new Set(
  (
    'a an the and or of to in on at by for with from as is are was were be been being it its this ' +
    'that these those which who what when where how term means meaning refers refer called known ' +
    'also used use when one any some such into than then there their they them has have had not'
  ).split(' '),
);

/** How many new meaningful words a summary needs beyond the title's own. */
const SUMMARY_MIN_NEW_WORDS = 3;

/**
 * What an entry earns on its own (see `EntryWarnings`). `positionOf` is asked only for a field a
 * warning points at: finding positions reads the front matter again.
 */
export function findEntryWarnings(
  term: Pick<Term, 'file' | 'title' | 'aka' | 'summary'>,
  positionOf: PositionLookup,
  locale = 'en',
): EntryWarnings {
  const own: Problem[] = [];
  const warn = (field: string, message: string, hint: string) =>
    own.push({
      file: term.file,
      field,
      message,
      hint,
      severity: 'warning',
      ...(positionOf(field) ?? { line: 1, column: 1 }),
    });
  checkSummaryShape(term.summary, locale, warn);
  if (countNewWords(term.summary, term.title, locale) < SUMMARY_MIN_NEW_WORDS) {
    warn(
      'summary',
      'only repeats the title',
      'say what the term means or does, in words a newcomer would use',
    );
  }
  const fingerprints = [term.title, ...term.aka].map((name) => nameFingerprint(name, locale));
  return { own, fingerprints };
}

type Warn = (field: string, message: string, hint: string) => void;

/**
 * Length and sentence count of a written summary. Advice, not errors: real glossaries have
 * two-sentence summaries and short expansions ("Practical Byzantine Fault Tolerance."), and
 * their pages are fine.
 */
function checkSummaryShape(summary: string, locale: string, warn: Warn): void {
  const length = readingLength(summary);
  if (length < SUMMARY_MIN) {
    warn(
      'summary',
      `should be at least ${SUMMARY_MIN} characters (one full sentence)`,
      'say what the term means in a sentence a newcomer would understand',
    );
  } else if (length > SUMMARY_MAX) {
    warn(
      'summary',
      `should be at most ${SUMMARY_MAX} characters; move detail into the body`,
      'cards and search results cut a longer summary',
    );
  }
  const sentences = splitSentences(summary, locale).length;
  if (sentences > 1) {
    warn(
      'summary',
      `should be one sentence, not ${sentences}; move the rest into the body`,
      'the summary is the meta description and the line on cards',
    );
  }
}

/** Han, kana and Hangul: one such character says about as much as two Latin letters. */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The length of a text for the summary bounds, counting a CJK character as two, so a Japanese
 * sentence of 30 characters is not "too short" next to an English one of 60.
 */
function readingLength(text: string): number {
  let length = 0;
  for (const char of text) length += WIDE.test(char) ? 2 : 1;
  return length;
}

/** The number of distinct meaningful words of `text` that are not words of `title`. */
function countNewWords(text: string, title: string, locale: string): number {
  const titleWords = new Set(words(title, locale).map(stem));
  return new Set(
    words(text, locale)
      .filter((word) => isMeaningful(word))
      .map(stem)
      .filter((word) => !titleWords.has(word)),
  ).size;
}

/**
 * Short Latin words are mostly grammar ("of", "an"); in Japanese or Chinese a word of one or two
 * characters is an ordinary word, so only Latin ones are held to the length.
 */
function isMeaningful(word: string): boolean {
  if (FILLER_WORDS.has(word)) return false;
  return word.length > 2 || !/^[a-z0-9]+$/.test(word);
}

/**
 * The words of a text with accents and case folded away, split by the locale's word segmenter,
 * so Cyrillic, Greek and Japanese words are words too (a split on [^a-z0-9] found none in them,
 * and every such summary "only repeated the title").
 */
function words(text: string, locale = 'en'): string[] {
  return splitWords(text.normalize('NFKD').replace(/\p{M}+/gu, ''), locale);
}

/** A crude plural folding ("options" → "option"), enough to catch "Option Greeks" vs "Options Greeks". */
function stem(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * The form two names share when they are "the same" to a reader: case, accents, punctuation,
 * spacing and plurals folded away ("Stop-Loss Orders" and "stop loss order" match), in any script.
 */
export function nameFingerprint(name: string, locale = 'en'): string {
  return words(name, locale).map(stem).join('');
}
