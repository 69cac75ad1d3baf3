import type { Glossary, TaxonomyGroup } from './glossary-graph.ts';
import type { Problem } from '../checks/problems.ts';
import type { Term } from '../entries/term.ts';
import { CATEGORIES_PATH, TAGS_PATH, categoryPath, tagPath, taxonomyKey } from '../site/urls.ts';

/** Tags and categories share their pages' shape; this says what differs. */
export interface TaxonomyKind {
  /** URL segment and route folder: `tags` or `categories`. */
  key: 'tags' | 'categories';
  /** Plural heading, e.g. "Tags". */
  plural: string;
  /** Singular label, e.g. "Tag". */
  singular: string;
  /** Path of the page listing every group of this kind. */
  indexPath: string;
  /** Path of one group's page. */
  pathOf: (name: string) => string;
  /** The groups of this kind in a glossary. */
  groupsOf: (glossary: Glossary) => TaxonomyGroup[];
}

/** The two taxonomies of a glossary. */
export const TAXONOMIES: Record<TaxonomyKind['key'], TaxonomyKind> = {
  tags: {
    key: 'tags',
    plural: 'Tags',
    singular: 'Tag',
    indexPath: TAGS_PATH,
    pathOf: tagPath,
    groupsOf: (g) => g.tags,
  },
  categories: {
    key: 'categories',
    plural: 'Categories',
    singular: 'Category',
    indexPath: CATEGORIES_PATH,
    pathOf: categoryPath,
    groupsOf: (g) => g.categories,
  },
};

/** Where a field of an entry file sits, for pointing a warning at it. */
type FieldAt = (file: string, field: string) => { line: number; column: number };

/**
 * Makes tags and categories that differ only in case one name: every entry gets the spelling
 * used most often (the first written, on a tie), each name once per entry, so a page shows one
 * link and one `article:tag` where `[Performance, performance]` showed two. Each merged name gets
 * a warning naming its spellings; so do distinct names that share one address ("C" and "C!" are
 * both `/tags/c/`, one page for both). Returns new terms; the input is left as it is.
 */
export function unifyTaxonomyNames(
  terms: readonly Term[],
  locale: string,
  at: FieldAt,
): { terms: Term[]; warnings: Problem[] } {
  const warnings: Problem[] = [];
  let out = [...terms];
  for (const field of ['tags', 'categories'] as const) {
    const { spelling, folded, variants } = chooseSpellings(out, field, locale);
    out = out.map((term) => {
      const names = [
        ...new Set(term[field].map((name) => spelling.get(folded.get(name) ?? fold(name, locale)) ?? name)),
      ];
      return names.length === term[field].length && names.every((name, i) => name === term[field][i])
        ? term
        : { ...term, [field]: names };
    });
    const singular = field === 'tags' ? 'tag' : 'category';
    for (const { chosen, spellings, file } of variants) {
      warnings.push({
        file,
        field,
        message: `${spellings.map((s) => `'${s}'`).join(', ')} differ only in case, so they are one ${singular}, shown as '${chosen}'`,
        hint: `write '${chosen}' everywhere`,
        severity: 'warning',
        ...at(file, field),
      });
    }
    warnings.push(...sharedAddresses(out, field, singular, at));
  }
  return { terms: out, warnings };
}

function fold(name: string, locale: string): string {
  return name.normalize('NFC').toLocaleLowerCase(locale);
}

/** The spelling each folded name is shown with, and the names written more than one way. */
function chooseSpellings(terms: readonly Term[], field: 'tags' | 'categories', locale: string) {
  const counts = new Map<string, Map<string, { count: number; file: string }>>();
  // Folded once a name: a few hundred names recur across 100,000 entries.
  const folded = new Map<string, string>();
  for (const term of terms) {
    for (const name of term[field]) {
      let key = folded.get(name);
      if (key === undefined) folded.set(name, (key = fold(name, locale)));
      const byName = counts.get(key) ?? new Map<string, { count: number; file: string }>();
      counts.set(key, byName);
      const seen = byName.get(name);
      if (seen) seen.count++;
      else byName.set(name, { count: 1, file: term.file });
    }
  }
  const spelling = new Map<string, string>();
  const variants: { chosen: string; spellings: string[]; file: string }[] = [];
  for (const [key, byName] of counts) {
    // Map order is first-written order, so on a tie the earlier spelling wins.
    const ranked = [...byName.entries()].sort(([, a], [, b]) => b.count - a.count);
    const chosen = ranked[0]?.[0] ?? key;
    spelling.set(key, chosen);
    if (ranked.length > 1) {
      // Pointed at the first file that uses a spelling other than the chosen one.
      const other =
        ranked
          .slice(1)
          .map(([, seen]) => seen.file)
          .sort()[0] ?? '';
      variants.push({ chosen, spellings: ranked.map(([name]) => name), file: other });
    }
  }
  return { spelling, folded, variants };
}

/** Distinct names whose pages would have one address: one page lists both, under one name. */
function sharedAddresses(
  terms: readonly Term[],
  field: 'tags' | 'categories',
  singular: string,
  at: FieldAt,
): Problem[] {
  const byKey = new Map<string, Map<string, string>>();
  // Slugged once a name, as above: slugging every name of every entry took 0.1 s at 10,000.
  const keys = new Map<string, string>();
  for (const term of terms) {
    for (const name of term[field]) {
      let key = keys.get(name);
      if (key === undefined) keys.set(name, (key = taxonomyKey(name)));
      const names = byKey.get(key) ?? new Map<string, string>();
      byKey.set(key, names);
      if (!names.has(name)) names.set(name, term.file);
    }
  }
  const warnings: Problem[] = [];
  for (const [key, names] of byKey) {
    if (names.size < 2) continue;
    const [, file = ''] = [...names.entries()][1] ?? [];
    const path = field === 'tags' ? tagPath(key) : categoryPath(key);
    warnings.push({
      file,
      field,
      message: `${[...names.keys()].map((n) => `'${n}'`).join(' and ')} share the address ${path}, so one ${singular} page lists both`,
      hint: `rename one of them, or write them the same way`,
      severity: 'warning',
      ...at(file, field),
    });
  }
  return warnings;
}
