import type { SiteConfig } from '../site/site-config.ts';
import { ownEntry, sectionLabel } from '../site/site-config.ts';
import type { Term } from '../entries/term.ts';
import { taxonomyKey } from '../site/urls.ts';
import { toTimestamp } from '../entries/dates.ts';
import type { BodyMention } from '../autolink/plan.ts';
import type { Snippet } from '../autolink/snippet.ts';

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
  /**
   * The entries the page mentions: those listed in `mentions` in the editor's order, then those
   * its body links to or names, in order of appearance; at most `MENTIONS_LIMIT` unless the
   * editor listed more. The listed ones only when the site's `mentions` is `explicit`. The JSON-LD
   * `mentions`, and the Glossary section less what Related shows.
   */
  mentions(term: Term): Term[];
  /**
   * Entries whose `related`, `mentions` or body point at this one (with `mentions: explicit`, an
   * editor's link in the body), A–Z.
   */
  backlinks(term: Term): Term[];
  /** The page's ways onward, each other entry in one of them at most (see `WaysOnward`). */
  waysOnward(term: Term): WaysOnward;
  /** Up to `DISCOVER_LIMIT` other entries worth reading next, best first, none already among the page's other ways onward. */
  discoverMore(term: Term): Term[];
  /** Label of a section key. */
  sectionOf(term: Term): Section;
}

/** An entry that links to the page, with the sentence of its body that mentions the page, if any. */
export interface Backlink {
  term: Term;
  context: Snippet | undefined;
}

/**
 * The lists below a term's body. Another entry appears in one of them at most, in this order of
 * precedence: the editor's Related, then the Glossary, then Linked from, then Discover more.
 */
export interface WaysOnward {
  related: Term[];
  glossary: Term[];
  linkedFrom: Backlink[];
  /** How many more entries link here than `linkedFrom` shows (see LINKED_FROM_LIMIT). */
  linkedFromMore: number;
  discover: Term[];
}

/**
 * How many entries "Linked from" shows, each with its sentence. An entry named in hundreds of
 * bodies listed every one of them (a 266 KB page at 10,000 synthetic entries); the editor's own
 * references come first, then body links, then names, and the rest is a count.
 */
export const LINKED_FROM_LIMIT = 12;

/**
 * How many entries `mentions` lists beyond the editor's own: each is a line with its summary in
 * the Glossary section and a node in the JSON-LD, and a body of a few paragraphs rarely names
 * more than a dozen terms worth defining; past that the list stops helping the reader.
 */
export const MENTIONS_LIMIT = 12;

/** How many cards the "Discover more" block shows. */
export const DISCOVER_LIMIT = 6;
/** How many same-tag neighbours are considered per tag, so ranking stays linear at any size. */
const NEIGHBOURS_PER_GROUP = 12;

/**
 * What one graph keeps for the next one built from nearly the same entries (the live preview's
 * saves): the entries it was built from, in order, its most recent first list, and each page's
 * backlinks. Pass the same memo to every `buildGlossary` call of one glossary; it is only read when
 * the site and its `mentions` setting are the same, and an entry object passed again must carry the
 * same data (the loader hands back the same object while a file is unchanged).
 */
export interface GraphMemo {
  last?: {
    site: SiteConfig;
    inputs: ReadonlySet<Term>;
    /** The body mentions each entry was read with: an entry whose mentions changed is built again. */
    mentionsOf: ReadonlyMap<Term, readonly BodyMention[] | undefined>;
    terms: readonly Term[];
    recent: readonly Term[];
    backlinks: ReadonlyMap<string, readonly RankedBacklink[]>;
    /** Each entry's last modification as a number (parsing dates was a third of the graph's time). */
    stamps: WeakMap<Term, number>;
  };
}

/** A new, empty memo for {@link buildGlossary}. */
export function createGraphMemo(): GraphMemo {
  return {};
}

/** A backlink with its precedence in "Linked from": the editor's references, body links, names. */
interface RankedBacklink extends Backlink {
  rank: number;
}

/**
 * Past this share of changed entries a graph is built from scratch: patching costs more per
 * entry than building, and a save changes one entry, or the few whose bodies name a renamed one.
 */
const PATCH_LIMIT = 0.05;

/**
 * Builds the glossary graph from validated entries. Every index is built once here, in time
 * linear in the number of entries and references, so no page ever scans the whole glossary.
 * References to entries that are not in `terms` (e.g. drafts left out of production) are dropped.
 *
 * With a `memo` of the last graph, the orders and backlinks are patched for the entries that
 * changed instead of being worked out again: at 50,000 entries the backlinks alone (a million
 * references) took 1.2–2.5 s of every live-preview save. The graph is the same either way
 * (tests/unit/glossary-graph-memo.test.ts builds both).
 */
export function buildGlossary(
  input: readonly Term[],
  site: SiteConfig,
  bodyMentions: ReadonlyMap<string, readonly BodyMention[]> = new Map(),
  memo?: GraphMemo,
): Glossary {
  const collator = new Intl.Collator(site.locale, { sensitivity: 'base', numeric: true });
  const byTitle = (a: Term, b: Term) => collator.compare(a.title, b.title) || a.slug.localeCompare(b.slug);
  // With `mentions: explicit` the front matter alone says what a page mentions; a body only
  // holds the editor's own links (src/lib/markdown/autolink.ts), which count as links to the
  // page, without a sentence, since no body was read for one.
  const fromBodies = site.mentions === 'body';
  const inputs = new Set(input);
  const mentionsOf = new Map(input.map((term) => [term, bodyMentions.get(term.slug)]));
  const change = memo?.last && diffInputs(memo.last, site, inputs, mentionsOf);
  const last = change ? memo?.last : undefined;
  const patch = last && change && change.removed.size + change.added.length <= PATCH_LIMIT * input.length;

  const terms =
    patch && last && change
      ? insertSorted(
          last.terms.filter((t) => !change.removed.has(t)),
          change.added,
          byTitle,
        )
      : [...input].sort(byTitle);
  const bySlug = new Map(terms.map((term) => [term.slug, term]));
  const resolve = (slugs: readonly string[]) =>
    slugs.flatMap((slug) => bySlug.get(slug) ?? []).filter((t, i, all) => all.indexOf(t) === i);
  // Ties in "Discover more" and backlinks go alphabetically; comparing positions in the already
  // sorted list costs a fraction of a collator comparison, which matters when every page ranks
  // ~50 candidates.
  const alphabetical = new Map(terms.map((t, i) => [t, i]));

  const mentionCache = new Map<Term, Term[]>();
  const mentions = (term: Term): Term[] => {
    let list = mentionCache.get(term);
    if (list) return list;
    const listed = resolve(term.mentions).filter((t) => t !== term);
    const seen = new Set(listed);
    list = [...listed];
    for (const mention of fromBodies ? (mentionsOf.get(term) ?? []) : []) {
      if (list.length >= Math.max(MENTIONS_LIMIT, listed.length)) break;
      const t = bySlug.get(mention.slug);
      if (t && t !== term && !seen.has(t)) {
        seen.add(t);
        list.push(t);
      }
    }
    mentionCache.set(term, list);
    return list;
  };

  // Backlinks with the sentence of the first mention, built in one pass over every reference.
  const byRank = (a: RankedBacklink, b: RankedBacklink) =>
    a.rank - b.rank || (alphabetical.get(a.term) ?? 0) - (alphabetical.get(b.term) ?? 0);
  let backlinkMap: Map<string, readonly RankedBacklink[]>;
  if (patch && last && change) {
    backlinkMap = new Map(last.backlinks);
    const touched = new Map<string, RankedBacklink[]>();
    const listOf = (slug: string) => {
      let list = touched.get(slug);
      if (!list) touched.set(slug, (list = [...(backlinkMap.get(slug) ?? [])]));
      return list;
    };
    for (const term of change.removed) {
      for (const { slug } of referencesOf(term, last.mentionsOf.get(term), fromBodies)) {
        const list = listOf(slug);
        const at = list.findIndex((b) => b.term === term);
        if (at !== -1) list.splice(at, 1);
      }
    }
    for (const term of change.added) {
      for (const { slug, backlink } of referencesOf(term, mentionsOf.get(term), fromBodies))
        listOf(slug).push(backlink);
    }
    for (const [slug, list] of touched) {
      if (list.length === 0) backlinkMap.delete(slug);
      else backlinkMap.set(slug, list.sort(byRank));
    }
  } else {
    const lists = new Map<string, RankedBacklink[]>();
    for (const term of terms) {
      for (const { slug, backlink } of referencesOf(term, mentionsOf.get(term), fromBodies)) {
        const list = lists.get(slug);
        if (list) list.push(backlink);
        else lists.set(slug, [backlink]);
      }
    }
    // Stable: within a rank, the glossary's own order.
    for (const list of lists.values()) list.sort((a, b) => a.rank - b.rank);
    backlinkMap = lists;
  }
  // References to entries that do not exist are kept (an entry added later is linked from them at
  // once) but never read: only a page's own slug is looked up.
  const backlinksOf = (term: Term) => backlinkMap.get(term.slug) ?? [];

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
  // Position of each entry inside each group, so neighbours are found without scanning; worked
  // out for a group when a page first needs it (the live preview renders one page a save).
  const positionInGroup = new Map<TaxonomyGroup, Map<Term, number>>();
  const positionIn = (group: TaxonomyGroup, term: Term) => {
    let positions = positionInGroup.get(group);
    if (!positions) positionInGroup.set(group, (positions = new Map(group.terms.map((t, i) => [t, i]))));
    return positions.get(term) ?? 0;
  };

  // Each date parsed once, not twice per comparison: the sort made 260,000 parses at 10,000
  // entries, a third of the graph's time on every live-preview save.
  // A patched graph has the same time zone, so its entries' stamps stand.
  const stamps: WeakMap<Term, number> = (patch && last?.stamps) || new WeakMap();
  const modified = (t: Term) => {
    let stamp = stamps.get(t);
    if (stamp === undefined) stamps.set(t, (stamp = toTimestamp(t.updated ?? t.published, site.timezone)));
    return stamp;
  };
  // The sort is stable over the alphabetical list: equal dates and titles keep that order.
  const newest = (a: Term, b: Term) =>
    modified(b) - modified(a) ||
    collator.compare(a.title, b.title) ||
    (alphabetical.get(a) ?? 0) - (alphabetical.get(b) ?? 0);
  // Sorted when first read, or at once for a memo: check:content builds the graph only for its
  // addresses, from entries it keeps without their dates (kept-term.ts).
  let sortedRecent: Term[] | undefined;
  const recentTerms = () =>
    (sortedRecent ??=
      patch && last && change
        ? insertSorted(
            last.recent.filter((t) => !change.removed.has(t)),
            change.added,
            newest,
          )
        : [...terms].sort(newest));
  if (memo)
    memo.last = { site, inputs, mentionsOf, terms, recent: recentTerms(), backlinks: backlinkMap, stamps };
  const waysCache = new Map<Term, WaysOnward>();
  const waysOnward = (term: Term): WaysOnward => {
    const cached = waysCache.get(term);
    if (cached) return cached;
    const shown = new Set<Term>([term]);
    const take = <T>(items: readonly T[], termOf: (item: T) => Term) =>
      items.filter((item) => {
        const t = termOf(item);
        if (shown.has(t)) return false;
        shown.add(t);
        return true;
      });
    const related = take(resolve(term.related), (t) => t);
    const glossary = take(mentions(term), (t) => t);
    const backlinks = backlinksOf(term).filter((b) => !shown.has(b.term));
    const linkedFrom = take(backlinks.slice(0, LINKED_FROM_LIMIT), (b) => b.term).map((b): Backlink => ({
      term: b.term,
      context: b.context,
    }));
    const linkedFromMore = backlinks.length - linkedFrom.length;
    const discover = rankDiscover(term, shown);
    const ways = { related, glossary, linkedFrom, linkedFromMore, discover };
    waysCache.set(term, ways);
    return ways;
  };

  const rankDiscover = (term: Term, shown: ReadonlySet<Term>): Term[] => {
    const scores = new Map<Term, number>();
    const add = (candidate: Term, points: number) => {
      if (candidate !== term) scores.set(candidate, (scores.get(candidate) ?? 0) + points);
    };
    for (const t of resolve(term.related)) add(t, 8);
    for (const b of backlinksOf(term)) add(b.term, 4);
    for (const t of mentions(term)) add(t, 2);
    const neighbours = (groups: TaxonomyGroup[], points: number) => {
      for (const group of groups) {
        const at = positionIn(group, term);
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
    return [...scores.entries()]
      .filter(([t]) => !shown.has(t))
      .sort(([a, sa], [b, sb]) => sb - sa || (alphabetical.get(a) ?? 0) - (alphabetical.get(b) ?? 0))
      .slice(0, DISCOVER_LIMIT)
      .map(([t]) => t);
  };

  return {
    terms,
    bySlug,
    sections,
    tags,
    categories,
    get recent() {
      return recentTerms();
    },
    related: (term) => resolve(term.related),
    mentions,
    backlinks: (term) => backlinksOf(term).map((b) => b.term),
    waysOnward,
    discoverMore: (term) => waysOnward(term).discover,
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
  // A few hundred names recur over thousands of entries: each is made a key once.
  const keys = new Map<string, string>();
  for (const term of terms) {
    for (const name of namesOf(term)) {
      let key = keys.get(name);
      if (key === undefined) keys.set(name, (key = taxonomyKey(name)));
      const group = groups.get(key);
      if (!group) groups.set(key, { key, name, terms: [term] });
      // Entries arrive one at a time, so a repeated tag on one entry can only match the last one.
      else if (group.terms.at(-1) !== term) group.terms.push(term);
    }
  }
  return [...groups.values()].sort((a, b) => collator.compare(a.name, b.name));
}

/** The entries added and removed since the memo's graph, or undefined when it cannot be patched. */
function diffInputs(
  last: NonNullable<GraphMemo['last']>,
  site: SiteConfig,
  inputs: ReadonlySet<Term>,
  mentionsOf: ReadonlyMap<Term, readonly BodyMention[] | undefined>,
): { added: Term[]; removed: Set<Term> } | undefined {
  if (last.site !== site && JSON.stringify(last.site) !== JSON.stringify(site)) return undefined;
  const added: Term[] = [];
  const removed = new Set<Term>();
  for (const term of inputs) {
    if (!last.inputs.has(term)) added.push(term);
    // The same entry read with other body mentions counts as a new one.
    else if (last.mentionsOf.get(term) !== mentionsOf.get(term)) {
      added.push(term);
      removed.add(term);
    }
  }
  for (const term of last.inputs) if (!inputs.has(term)) removed.add(term);
  return { added, removed };
}

/**
 * The backlinks one entry gives: each other entry it lists in `related` or `mentions`, or its
 * body links to or names, once, with the rank and sentence "Linked from" shows it with.
 */
function referencesOf(
  term: Term,
  bodyMentions: readonly BodyMention[] | undefined,
  fromBodies: boolean,
): { slug: string; backlink: RankedBacklink }[] {
  const found = (bodyMentions ?? []).filter((m) => fromBodies || m.via === 'link');
  // The last sentence found for a slug, as the list of mentions has it in order.
  const contexts = new Map(found.map((m) => [m.slug, fromBodies ? m.context : undefined]));
  const explicit = new Set([...term.related, ...term.mentions]);
  const linked = new Set(found.filter((m) => m.via === 'link').map((m) => m.slug));
  const references: { slug: string; backlink: RankedBacklink }[] = [];
  for (const slug of new Set([...explicit, ...contexts.keys()])) {
    if (slug === term.slug) continue;
    const rank = explicit.has(slug) ? 0 : linked.has(slug) ? 1 : 2;
    references.push({ slug, backlink: { term, context: contexts.get(slug), rank } });
  }
  return references;
}

/** `sorted` with each of `added` put where `compare` says, by binary search. */
function insertSorted(sorted: Term[], added: readonly Term[], compare: (a: Term, b: Term) => number): Term[] {
  for (const term of added) {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(sorted[middle] as Term, term) <= 0) low = middle + 1;
      else high = middle;
    }
    sorted.splice(low, 0, term);
  }
  return sorted;
}
