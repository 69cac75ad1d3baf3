import { FILE_START } from '../entries/entry-location.ts';
import type { Problem } from './problems.ts';
import { createSuggester } from './suggest.ts';
import type { Term } from '../entries/term.ts';
import type { FieldPositions } from './validate-glossary.ts';

/**
 * Rules across entries: every slug unique, and every related and mentions slug an entry that
 * exists, is not the entry itself and is not a draft when the entry is published. `existing` holds
 * the slugs of every well-placed file, valid or not.
 */
export function checkReferences(
  terms: readonly Term[],
  existing: ReadonlySet<string>,
  positions: ReadonlyMap<Term, FieldPositions>,
): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, Term>();
  for (const term of terms) {
    const first = bySlug.get(term.slug);
    if (first) {
      problems.push({
        file: term.file,
        field: 'file',
        message: `slug '${term.slug}' is already used by ${first.file}`,
        hint: 'slugs must be unique across all sections: rename one of the two files',
        severity: 'error',
        ...FILE_START,
      });
      continue;
    }
    bySlug.set(term.slug, term);
  }

  // Asked rather than each target's `draft`: at 100,000 entries that is 800,000 reads of terms
  // scattered in memory, for drafts that most glossaries do not have.
  const drafts = new Set(terms.filter((term) => term.draft).map((term) => term.slug));
  // Built on the first unknown slug: indexing 100,000 slugs for a glossary with none is waste.
  let suggester: ((slug: string) => string | undefined) | undefined;
  const suggestSlug = (slug: string) => (suggester ??= createSuggester(existing))(slug);
  for (const term of terms) {
    for (const field of ['related', 'mentions'] as const) {
      const slugs = term[field];
      // Index loops, and a problem's closure made only for a problem: at 100,000 entries the
      // 800,000 references that are fine made a closure each, most of a second.
      for (let index = 0; index < slugs.length; index++) {
        const slug = slugs[index] as string;
        const target = bySlug.get(slug);
        const known = target !== undefined || existing.has(slug);
        const toDraft = drafts.size > 0 && !term.draft && drafts.has(slug) && target?.draft === true;
        if (slug !== term.slug && known && !toDraft) continue;
        const problem = (message: string, hint: string) =>
          // Positions are looked up only here: finding them re-reads the front matter (entry-file.ts).
          problems.push({
            file: term.file,
            field: `${field}[${index}]`,
            severity: 'error',
            message,
            hint,
            ...(positions.get(term)?.(field) ?? { line: 1, column: 1 }),
          });
        if (slug === term.slug) {
          problem('refers to the entry itself', `remove '${slug}'`);
        } else if (!target) {
          problem(
            `'${slug}' is not an entry in this glossary`,
            suggestSlug(slug) ?? 'create the entry or remove the reference',
          );
        } else {
          problem(
            `'${slug}' is a draft and will not be published`,
            `publish ${target.file} (remove draft: true) or remove the reference`,
          );
        }
      }
    }
  }
  return problems;
}
