import type { Problem } from './problems.ts';
import { splitSentences, splitWords } from './sentences.ts';
import { suggestRelated } from './suggest.ts';
import { SUMMARY_MAX, SUMMARY_MIN } from '../entries/term-schema.ts';
import type { Term } from '../entries/term.ts';
import type { FieldPositions } from './validate-glossary.ts';

/**
 * Editorial warnings: things that are legal but probably not what the editor wants (an entry
 * nothing links to, a summary of two sentences or that only restates the title, two entries for
 * the same idea). A page with any of them still works, so they never fail a build unless the site
 * asks for it (`strict: true`, `check:content --strict`). Pure and linear in the number of
 * entries, so checking a very large glossary stays fast.
 */

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

/** What the warnings need to know about the site. */
export interface WarningOptions {
  /** The site's language, for finding sentences and words (default `en`). */
  locale?: string;
}

/**
 * Finds every editorial warning in a validated glossary. `positions` maps each file to where its
 * fields sit, as returned by `validateGlossary`.
 */
export function findContentWarnings(
  terms: readonly Term[],
  positions: ReadonlyMap<string, FieldPositions>,
  { locale = 'en' }: WarningOptions = {},
): Problem[] {
  const warnings: Problem[] = [];
  const at = (term: Term, field: string) => positions.get(term.file)?.(field) ?? { line: 1, column: 1 };
  const warn = (term: Term, field: string, message: string, hint: string, position = field) =>
    warnings.push({ file: term.file, field, message, hint, severity: 'warning', ...at(term, position) });

  const referenced = new Set<string>();
  for (const term of terms) {
    for (const slug of [...term.related, ...term.mentions]) if (slug !== term.slug) referenced.add(slug);
  }

  const suggestions = suggestRelated(
    terms,
    terms.filter((term) => term.related.length === 0),
  );

  for (const term of terms) {
    // Drafts are unpublished, so nothing is expected to link to them yet.
    if (terms.length > 1 && !term.draft && !referenced.has(term.slug)) {
      warn(
        term,
        'file',
        'is an orphan: no other entry lists it in related or mentions',
        `add '${term.slug}' to the related list of an entry on the same subject`,
        'title',
      );
    }
    if (term.related.length === 0) {
      warn(
        term,
        'related',
        'is empty, so the page suggests nothing to read next',
        relatedHint(suggestions.get(term) ?? []),
        positions.get(term.file)?.('related') ? 'related' : 'title',
      );
    }
    checkSummaryShape(term, locale, warn);
    if (countNewWords(term.summary, term.title, locale) < SUMMARY_MIN_NEW_WORDS) {
      warn(
        term,
        'summary',
        'only repeats the title',
        'say what the term means or does, in words a newcomer would use',
      );
    }
  }

  warnings.push(...findNearDuplicates(terms, at, locale));
  return warnings;
}

/** The hint for an empty related list: slugs of this glossary, never an example's. */
function relatedHint(slugs: readonly string[]): string {
  return slugs.length > 0
    ? `list two or three slugs of entries on the same subject, e.g. related: [${slugs.join(', ')}]`
    : 'list the file names, without .md, of two or three entries on the same subject';
}

type Warn = (term: Term, field: string, message: string, hint: string) => void;

/**
 * Length and sentence count of a written summary. Advice, not errors: real glossaries have
 * two-sentence summaries and short expansions ("Practical Byzantine Fault Tolerance."), and
 * their pages are fine.
 */
function checkSummaryShape(term: Term, locale: string, warn: Warn): void {
  const { summary } = term;
  const length = readingLength(summary);
  if (length < SUMMARY_MIN) {
    warn(
      term,
      'summary',
      `should be at least ${SUMMARY_MIN} characters (one full sentence)`,
      'say what the term means in a sentence a newcomer would understand',
    );
  } else if (length > SUMMARY_MAX) {
    warn(
      term,
      'summary',
      `should be at most ${SUMMARY_MAX} characters; move detail into the body`,
      'cards and search results cut a longer summary',
    );
  }
  const sentences = splitSentences(summary, locale).length;
  if (sentences > 1) {
    warn(
      term,
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

/**
 * Titles and synonyms (aka) that match another entry's title or synonym once folded. Exact
 * fingerprint matches rather than edit distance keep this linear for 10,000 entries.
 */
function findNearDuplicates(
  terms: readonly Term[],
  at: (term: Term, field: string) => { line: number; column: number },
  locale: string,
): Problem[] {
  const problems: Problem[] = [];
  const firstSeen = new Map<string, { term: Term; name: string }>();
  for (const term of terms) {
    const names: [field: string, position: string, name: string][] = [
      ['title', 'title', term.title],
      ...term.aka.map((name, index): [string, string, string] => [`aka[${index}]`, 'aka', name]),
    ];
    const reported = new Set<string>();
    for (const [field, position, name] of names) {
      const key = nameFingerprint(name, locale);
      if (!key) continue;
      const first = firstSeen.get(key);
      if (!first) {
        firstSeen.set(key, { term, name });
      } else if (first.term !== term && !reported.has(first.term.slug)) {
        reported.add(first.term.slug);
        problems.push({
          file: term.file,
          field,
          message: `'${name}' is nearly the same as '${first.name}' in ${first.term.file}`,
          hint: 'merge the two entries, or keep one and list the other name under its aka',
          severity: 'warning',
          ...at(term, position),
        });
      }
    }
  }
  return problems;
}
