import type { SiteConfig } from './site-config.ts';
import { ownEntry, sectionLabel } from './site-config.ts';
import type { Term } from './term.ts';
import { taxonomyKey } from './urls.ts';
import { toTimestamp } from './dates.ts';

/** A section of the glossary (a folder under `content/`) with its entries A–Z. */
export interface Section {
  key: string;
  label: string;
  description: string | undefined;
  terms: Term[];
}

/** A tag or category with the entries that carry it, A–Z. */
export interface TaxonomyGroup {
  key: string;
  name: string;
  terms: Term[];
}

/** The whole published glossary with every cross-reference resolved once, for all pages to share. */
export interface Glossary {
  /** Every entry, sorted by title. */
  terms: Term[];
  bySlug: ReadonlyMap<string, Term>;
  sections: Section[];
  tags: TaxonomyGroup[];
  categories: TaxonomyGroup[];
  /** Entries newest first by last modification (updated, else published). */
  recent: Term[];
  /** Entries listed in `related`, in the editor's order. */
  related(term: Term): Term[];
  /** Entries listed in `mentions`, in the editor's order: the page's Glossary section. */
  mentions(term: Term): Term[];
  /** Entries whose `related` or `mentions` point at this one. */
  backlinks(term: Term): Term[];
  /** Up to `DISCOVER_LIMIT` other entries worth reading next, best first. */
  discoverMore(term: Term): Term[];
  /** Label of a section key. */
  sectionOf(term: Term): Section;
}

/** How many cards the "Discover more" block shows. */
export const DISCOVER_LIMIT = 6;
/** How many same-tag neighbours are considered per tag, so ranking stays linear at any size. */
const NEIGHBOURS_PER_GROUP = 12;

/**
 * Builds the glossary graph from validated entries. Every index is built once here, in time
 * linear in the number of entries and references, so no page ever scans the whole glossary.
 * References to entries that are not in `terms` (e.g. drafts left out of production) are dropped.
 */
export function buildGlossary(input: readonly Term[], site: SiteConfig): Glossary {
  const collator = new Intl.Collator(site.locale, { sensitivity: 'base', numeric: true });
  const terms = [...input].sort((a, b) => collator.compare(a.title, b.title) || a.slug.localeCompare(b.slug));
  const bySlug = new Map(terms.map((term) => [term.slug, term]));
  const resolve = (slugs: readonly string[]) =>
    slugs.flatMap((slug) => bySlug.get(slug) ?? []).filter((t, i, all) => all.indexOf(t) === i);

  const backlinkMap = new Map<string, Term[]>();
  for (const term of terms) {
    for (const slug of new Set([...term.related, ...term.mentions])) {
      if (slug === term.slug || !bySlug.has(slug)) continue;
      const list = backlinkMap.get(slug);
      if (list) list.push(term);
      else backlinkMap.set(slug, [term]);
    }
  }

  const sectionMap = new Map<string, Term[]>();
  for (const term of terms) {
    const list = sectionMap.get(term.section);
    if (list) list.push(term);
    else sectionMap.set(term.section, [term]);
  }
  const configuredOrder = Object.keys(site.sections);
  const sections: Section[] = [...sectionMap.entries()]
    .sort(([a], [b]) => rank(configuredOrder, a) - rank(configuredOrder, b) || a.localeCompare(b))
    .map(([key, sectionTerms]) => ({
      key,
      label: sectionLabel(site, key),
      description: ownEntry(site.sections, key)?.description,
      terms: sectionTerms,
    }));
  const sectionByKey = new Map(sections.map((s) => [s.key, s]));

  const tags = groupTaxonomy(terms, (t) => t.tags, collator);
  const categories = groupTaxonomy(terms, (t) => t.categories, collator);
  const tagIndex = new Map(tags.map((g) => [g.key, g]));
  const categoryIndex = new Map(categories.map((g) => [g.key, g]));
  // Position of each entry inside each group, so neighbours are found without scanning.
  const positionInGroup = new Map<TaxonomyGroup, Map<Term, number>>();
  for (const group of [...tags, ...categories]) {
    positionInGroup.set(group, new Map(group.terms.map((t, i) => [t, i])));
  }

  const modified = (t: Term) => toTimestamp(t.updated ?? t.published, site.timezone);
  const recent = [...terms].sort((a, b) => modified(b) - modified(a) || collator.compare(a.title, b.title));

  // Ties in "Discover more" go alphabetically; comparing positions in the already sorted list
  // costs a fraction of a collator comparison, which matters when every page ranks ~50 candidates.
  const alphabetical = new Map(terms.map((t, i) => [t, i]));
  const discoverCache = new Map<Term, Term[]>();
  const discoverMore = (term: Term): Term[] => {
    const cached = discoverCache.get(term);
    if (cached) return cached;
    const scores = new Map<Term, number>();
    const add = (candidate: Term, points: number) => {
      if (candidate !== term) scores.set(candidate, (scores.get(candidate) ?? 0) + points);
    };
    for (const t of resolve(term.related)) add(t, 8);
    for (const t of backlinkMap.get(term.slug) ?? []) add(t, 4);
    for (const t of resolve(term.mentions)) add(t, 2);
    const neighbours = (groups: TaxonomyGroup[], points: number) => {
      for (const group of groups) {
        const at = positionInGroup.get(group)?.get(term) ?? 0;
        const from = Math.max(0, at - NEIGHBOURS_PER_GROUP / 2);
        for (const t of group.terms.slice(from, from + NEIGHBOURS_PER_GROUP + 1)) add(t, points);
      }
    };
    neighbours(
      term.tags.flatMap((tag) => tagIndex.get(taxonomyKey(tag)) ?? []),
      2,
    );
    neighbours(
      term.categories.flatMap((c) => categoryIndex.get(taxonomyKey(c)) ?? []),
      1,
    );
    const ranked = [...scores.entries()]
      .sort(([a, sa], [b, sb]) => sb - sa || (alphabetical.get(a) ?? 0) - (alphabetical.get(b) ?? 0))
      .slice(0, DISCOVER_LIMIT)
      .map(([t]) => t);
    discoverCache.set(term, ranked);
    return ranked;
  };

  return {
    terms,
    bySlug,
    sections,
    tags,
    categories,
    recent,
    related: (term) => resolve(term.related),
    mentions: (term) => resolve(term.mentions),
    backlinks: (term) => backlinkMap.get(term.slug) ?? [],
    discoverMore,
    sectionOf: (term) => {
      const section = sectionByKey.get(term.section);
      if (!section) throw new Error(`Unknown section ${term.section}`);
      return section;
    },
  };
}

function rank(order: readonly string[], key: string): number {
  const index = order.indexOf(key);
  return index === -1 ? order.length : index;
}

function groupTaxonomy(
  terms: readonly Term[],
  namesOf: (term: Term) => readonly string[],
  collator: Intl.Collator,
): TaxonomyGroup[] {
  const groups = new Map<string, TaxonomyGroup>();
  for (const term of terms) {
    for (const name of namesOf(term)) {
      const key = taxonomyKey(name);
      const group = groups.get(key);
      if (!group) groups.set(key, { key, name, terms: [term] });
      // Entries arrive one at a time, so a repeated tag on one entry can only match the last one.
      else if (group.terms.at(-1) !== term) group.terms.push(term);
    }
  }
  return [...groups.values()].sort((a, b) => collator.compare(a.name, b.name));
}
