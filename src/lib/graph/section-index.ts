import { groupByInitial, type LetterGroup } from './alphabet.ts';
import type { Section } from './glossary-graph.ts';
import type { Term } from '../entries/term.ts';
import { letterKey, sectionLetterPath } from '../site/urls.ts';

/**
 * Above this many entries a section index lists initials with counts and each initial gets its
 * own page. One page of 1,000 short lines is still quick to load and scan on a phone; 10,000 is
 * not (megabytes of HTML), while ~26 letter pages of a few hundred lines each stay light.
 */
export const SECTION_PAGE_LIMIT = 1000;

/** How a section's A–Z index is laid out. */
export type SectionIndexPlan =
  | { kind: 'single'; groups: LetterGroup<Term>[] }
  | { kind: 'by-letter'; letters: { letter: string; count: number; path: string }[] };

/** Decides whether a section's index fits on one page, and lists its groups or its letter pages. */
export function planSectionIndex(
  section: Section,
  limit = SECTION_PAGE_LIMIT,
  locale = 'en',
): SectionIndexPlan {
  const groups = groupByInitial(section.terms, (t) => t.title, locale);
  if (section.terms.length <= limit) return { kind: 'single', groups };
  return {
    kind: 'by-letter',
    letters: groups.map((g) => ({
      letter: g.letter,
      count: g.items.length,
      path: sectionLetterPath(section.key, g.letter),
    })),
  };
}

/** The per-initial pages of large sections, for `getStaticPaths`. */
export function sectionLetterPages(
  sections: readonly Section[],
  limit = SECTION_PAGE_LIMIT,
  locale = 'en',
): { section: Section; letter: string; key: string; terms: Term[] }[] {
  return sections
    .filter((s) => s.terms.length > limit)
    .flatMap((section) =>
      groupByInitial(section.terms, (t) => t.title, locale).map((g) => ({
        section,
        letter: g.letter,
        key: letterKey(g.letter),
        terms: g.items,
      })),
    );
}
