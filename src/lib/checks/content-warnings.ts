import type { Problem } from './problems.ts';
import { findEntryWarnings, type EntryWarnings } from './entry-warnings.ts';
import { suggestRelated } from './suggest.ts';
import type { Term } from '../entries/term.ts';
import type { FieldPositions } from './validate-glossary.ts';

/**
 * Editorial warnings: things that are legal but probably not what the editor wants (an entry
 * nothing links to, a summary of two sentences or that only restates the title, two entries for
 * the same idea). A page with any of them still works, so they never fail a build unless the site
 * asks for it (`strict: true`, `check:content --strict`). Pure and linear in the number of
 * entries, so checking a very large glossary stays fast.
 */

/** What the warnings need to know about the site. */
export interface WarningOptions {
  /** The site's language, for finding sentences and words (default `en`). */
  locale?: string;
  /**
   * What the entry of a file earns on its own, as the validator found it (see
   * entry-warnings.ts); worked out here for an entry it lacks.
   */
  entryWarnings?: ((file: string) => EntryWarnings | undefined) | undefined;
  /** Kept by the caller between checks of one glossary: see `createReferenceCounts`. */
  references?: ReferenceCounts | undefined;
}

/**
 * How often each slug is listed in other entries' related and mentions, as of the terms of the
 * last check. Why: the live preview checks the glossary on every save, and listing 800,000
 * references of 50,000 entries took 0.5 s of each one; with the counts kept, only the entries
 * that are new objects (the validator hands unchanged entries back as the same ones) are counted
 * in, and those gone counted out.
 */
export interface ReferenceCounts {
  terms: ReadonlySet<Term>;
  counts: Map<string, number>;
}

/** Counts for a glossary not checked yet. */
export function createReferenceCounts(): ReferenceCounts {
  return { terms: new Set(), counts: new Map() };
}

/** Brings `counts` up to `terms`; entries are never changed in place, so an object counted stays right. */
function countReferences(terms: readonly Term[], counts: ReferenceCounts): ReadonlyMap<string, number> {
  const current = new Set(terms);
  const add = (term: Term, by: number) => {
    // Two loops rather than one over a spread: a new array an entry is garbage at 100,000.
    for (const slug of term.related)
      if (slug !== term.slug) counts.counts.set(slug, (counts.counts.get(slug) ?? 0) + by);
    for (const slug of term.mentions)
      if (slug !== term.slug) counts.counts.set(slug, (counts.counts.get(slug) ?? 0) + by);
  };
  for (const term of counts.terms) if (!current.has(term)) add(term, -1);
  for (const term of current) if (!counts.terms.has(term)) add(term, 1);
  counts.terms = current;
  return counts.counts;
}

export { nameFingerprint } from './entry-warnings.ts';

/**
 * Finds every editorial warning in a validated glossary. `positions` maps each file to where its
 * fields sit, as returned by `validateGlossary`.
 */
export function findContentWarnings(
  terms: readonly Term[],
  positions: ReadonlyMap<string, FieldPositions>,
  { locale = 'en', entryWarnings, references = createReferenceCounts() }: WarningOptions = {},
): Problem[] {
  const warnings: Problem[] = [];
  const at = (term: Term, field: string) => positions.get(term.file)?.(field) ?? { line: 1, column: 1 };
  const warn = (term: Term, field: string, message: string, hint: string, position = field) =>
    warnings.push({ file: term.file, field, message, hint, severity: 'warning', ...at(term, position) });

  // Asked twice an entry (its own warnings, then its names), so found once when not given.
  const found = new Map<Term, EntryWarnings>();
  const own = (term: Term): EntryWarnings => {
    const given = entryWarnings?.(term.file) ?? found.get(term);
    if (given) return given;
    const result = findEntryWarnings(term, (field) => positions.get(term.file)?.(field), locale);
    found.set(term, result);
    return result;
  };

  const counts = countReferences(terms, references);

  const suggestions = suggestRelated(
    terms,
    terms.filter((term) => term.related.length === 0),
  );

  for (const term of terms) {
    // Drafts are unpublished, so nothing is expected to link to them yet.
    if (terms.length > 1 && !term.draft && !((counts.get(term.slug) ?? 0) > 0)) {
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
    warnings.push(...own(term).own);
  }

  warnings.push(...findNearDuplicates(terms, at, own));
  return warnings;
}

/** The hint for an empty related list: slugs of this glossary, never an example's. */
function relatedHint(slugs: readonly string[]): string {
  return slugs.length > 0
    ? `list two or three slugs of entries on the same subject, e.g. related: [${slugs.join(', ')}]`
    : 'list the file names, without .md, of two or three entries on the same subject';
}

/**
 * Titles and synonyms (aka) that match another entry's title or synonym once folded. Exact
 * fingerprint matches rather than edit distance keep this linear for 10,000 entries.
 */
function findNearDuplicates(
  terms: readonly Term[],
  at: (term: Term, field: string) => { line: number; column: number },
  own: (term: Term) => EntryWarnings,
): Problem[] {
  const problems: Problem[] = [];
  // Each name's entry and place (0 the title, k the (k-1)-th aka): no array or set an entry, at
  // 100,000 entries they were most of this pass's time and garbage.
  const firstSeen = new Map<string, { term: Term; index: number }>();
  const nameAt = (term: Term, index: number) => (index === 0 ? term.title : (term.aka[index - 1] as string));
  for (const term of terms) {
    let reported: Set<string> | undefined;
    const { fingerprints } = own(term);
    const count = 1 + term.aka.length;
    for (let index = 0; index < count; index++) {
      const key = fingerprints[index];
      if (!key) continue;
      const first = firstSeen.get(key);
      if (!first) {
        firstSeen.set(key, { term, index });
      } else if (first.term !== term && !reported?.has(first.term.slug)) {
        (reported ??= new Set()).add(first.term.slug);
        problems.push({
          file: term.file,
          field: index === 0 ? 'title' : `aka[${index - 1}]`,
          message: `'${nameAt(term, index)}' is nearly the same as '${nameAt(first.term, first.index)}' in ${first.term.file}`,
          hint: 'merge the two entries, or keep one and list the other name under its aka',
          severity: 'warning',
          ...at(term, index === 0 ? 'title' : 'aka'),
        });
      }
    }
  }
  return problems;
}
