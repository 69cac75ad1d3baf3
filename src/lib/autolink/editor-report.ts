import type { FieldPositions, GlossaryValidation } from '../checks/validate-glossary.ts';
import { formatProblem, sortProblems, type Problem } from '../checks/problems.ts';
import type { SiteConfig } from '../site/site-config.ts';
import type { Term } from '../entries/term.ts';
import { taxonomyKey } from '../site/urls.ts';
import { bodyNamesOf } from './autolink-site.ts';
import { findBodyMentions } from './body-mentions.ts';
import type { MentionCache } from './mention-cache.ts';
import type { AmbiguousName } from './name-index.ts';
import type { BodyMention } from './plan.ts';

/** What the editor's report reads: the published entries, their body mentions and ambiguous names. */
export interface EditorReportInput {
  /** The published entries (drafts left out, as the site leaves them out). */
  terms: readonly Term[];
  bodyMentions: ReadonlyMap<string, readonly BodyMention[]>;
  ambiguous: readonly AmbiguousName[];
  positions: ReadonlyMap<string, FieldPositions>;
  /**
   * The site's `mentions: explicit`: bodies are not read for names, so only the editor's own
   * links in them count, and a body's links put nothing in the lists under it.
   */
  explicit?: boolean;
  /**
   * The published bodies' words, asked for only when an entry is unlinked (see `BodyWordPostings`);
   * read from every body when not given.
   */
  postings?: (() => BodyWordPostings) | undefined;
}

/**
 * The words of the published bodies that say which bodies come closest to an unlinked entry's:
 * a word is rare when at most `COMMON_WORD_BODIES` bodies have it, and only rare words count.
 */
export interface BodyWordPostings {
  /** The words of a published entry's body (`adviceWords`). */
  wordsOf(term: Term): Iterable<string>;
  /** The published entries, in order, whose bodies have `word` when it is rare; undefined when it is not. */
  rareBodies(word: string): readonly Term[] | undefined;
}

/**
 * The words of a body that the advice compares with other bodies: its different words of four
 * letters or more among its first 2,000, lower-cased, in order.
 */
export function adviceWords(body: string): Set<string> {
  return new Set((body.toLowerCase().match(/\p{L}{4,}/gu) ?? []).slice(0, 2000));
}

/** How many suggestions one piece of advice names, so a line stays readable. */
const SUGGESTIONS = 3;
/** Words in more bodies than this say nothing about what a body is about ("price", "the"). */
export const COMMON_WORD_BODIES = 50;
/**
 * Two entries are worth relating when other bodies name them together at least this many times,
 * and in at least `CO_MENTION_SHARE` of the bodies naming either: common terms ("delta")
 * share bodies with everything, which says nothing about the pair.
 */
const CO_MENTIONS = 3;
const CO_MENTION_SHARE = 0.5;

/**
 * What the advice found about the published entries' links, apart from its wording: the files of
 * the entries nothing points at (`orphans`), of those whose page offers no way onward (`onward`),
 * and the entries other bodies keep naming together (`together`: a file and the slugs to relate).
 * These read only who points at whom, so they stand while no entry's references, body mentions,
 * tags, categories or drafts change and no entry comes or goes; check:content keeps them between
 * runs (recheck-advice.ts), where finding them at 100,000 entries was 2 s of a run after an edit.
 * The wording (positions, and the closest bodies an orphan's hint names) is worked out each time.
 */
export interface AdviceFindings {
  orphans: string[];
  onward: string[];
  together: [string, string[]][];
}

/**
 * Advice for editors, as warnings: names two entries share (never linked), entries nothing
 * mentions or links to (with the entries whose bodies share the most distinctive words, as the
 * ones to link from), entries whose page offers no way onward, and `related` candidates: entries
 * other bodies keep naming together. Every suggested slug is a published entry. Linear in the
 * size of the glossary: common words and long mention lists are capped.
 *
 * It reads the entries' references directly rather than building the site's graph
 * (glossary-graph.ts): sorting, grouping and ranking 100,000 entries for every page cost more
 * than the rest of the advice together, and the advice needs only who points at whom. The
 * graph's tests hold the two to the same ways onward (see tests/unit/autolink/editor-report.test.ts).
 */
export function buildEditorReport(input: EditorReportInput): Problem[] {
  return adviceProblems(input, findAdvice(input));
}

/** The site sees only the editor's links in a body when it reads no names (glossary-graph.ts). */
function effectiveMentions(input: EditorReportInput): ReadonlyMap<string, readonly BodyMention[]> {
  return input.explicit
    ? new Map([...input.bodyMentions].map(([slug, found]) => [slug, found.filter((m) => m.via === 'link')]))
    : input.bodyMentions;
}

/** The advice's findings about who points at whom (see `AdviceFindings`). */
export function findAdvice(input: EditorReportInput): AdviceFindings {
  const { terms, explicit = false } = input;
  const bodyMentions = effectiveMentions(input);
  const bySlug = new Map(terms.map((term) => [term.slug, term]));
  // Entries by number (their place in `terms`), each body's mentions resolved to numbers once:
  // the two passes below looked every mention up again, millions of lookups at 100,000 entries.
  const idOf = new Map(terms.map((term, i) => [term.slug, i]));
  const named = terms.map((term) => mentionIds(bodyMentions.get(term.slug) ?? [], idOf));
  const inbound = linkedTo(terms, idOf, named);
  const orphans: string[] = [];
  for (const [i, term] of terms.entries()) if (!inbound[i]) orphans.push(term.file);

  const leadsOnward = onwardTest(terms, bySlug, bodyMentions, explicit);
  const onward: string[] = [];
  for (const [i, term] of terms.entries()) if (!leadsOnward(term, inbound[i] === 1)) onward.push(term.file);
  const together = coMentioned(terms, named).map(([term, candidates]): [string, string[]] => [
    term.file,
    candidates.map((t) => t.slug),
  ]);
  return { orphans, onward, together };
}

/**
 * Whether an entry's page has a way onward, given whether another entry points at it. The page's
 * ways onward (glossary-graph.ts) are its related entries, the entries it lists or names, those
 * linking to it, and "Discover more", which draws on those and on entries sharing a tag or
 * category: with none of these, every list under the body is empty.
 */
function onwardTest(
  terms: readonly Term[],
  bySlug: Pick<ReadonlyMap<string, unknown>, 'has'>,
  bodyMentions: ReadonlyMap<string, readonly BodyMention[]>,
  explicit: boolean,
): (term: Term, pointedAt: boolean) => boolean {
  // Whether another published entry carries a tag or category, asked only for the rare entry
  // that has no other way onward, since working out every key costs a slugger call a name.
  let sharesTaxonomy: ((term: Term) => boolean) | undefined;
  const points = (term: Term, slugs: readonly string[]) =>
    slugs.some((slug) => slug !== term.slug && bySlug.has(slug));
  return (term, pointedAt) => {
    if (!explicit && (bodyMentions.get(term.slug) ?? []).length > 0) return true;
    if (points(term, term.related) || points(term, term.mentions) || pointedAt) return true;
    sharesTaxonomy ??= taxonomyShared(terms);
    return sharesTaxonomy(term);
  };
}

/** A published body whose mentions changed since the findings were found, before and after. */
export interface MentionChange {
  slug: string;
  before: readonly BodyMention[];
  after: readonly BodyMention[];
}

/**
 * The findings of `findAdvice` for `input`, worked out from `findings` (found for the same
 * entries, with the same references, tags and categories) and the bodies whose mentions changed
 * since (`changes`). Why: at 100,000 entries finding them again from every body's mentions was
 * 1.2 s of a `check:content` run after an edit that names one more entry. What a changed body
 * can change: whether the entries it names (before or after) have another entry pointing at them,
 * whether its own page and theirs lead onward, and which entries are named together, which
 * counts only in bodies naming one of the entries in its first twelve mentions (coMentioned).
 */
export function patchFindings(
  input: EditorReportInput,
  findings: AdviceFindings,
  changes: readonly MentionChange[],
): AdviceFindings {
  const { terms, explicit = false } = input;
  const bodyMentions = effectiveMentions(input);
  const effective = (list: readonly BodyMention[]) =>
    explicit ? list.filter((m) => m.via === 'link') : list;
  const idOf = new Map(terms.map((term, i) => [term.slug, i]));
  // The entries a changed body is or names, and those among its first twelve mentions.
  const targets = new Map<string, number>();
  const counted = new Uint8Array(terms.length);
  for (const change of changes) {
    const own = idOf.get(change.slug);
    if (own !== undefined) targets.set(change.slug, own);
    for (const list of [effective(change.before), effective(change.after)]) {
      for (let k = 0; k < list.length; k++) {
        const slug = (list[k] as BodyMention).slug;
        const j = idOf.get(slug);
        if (j === undefined) continue;
        targets.set(slug, j);
        if (k < 12) counted[j] = 1;
      }
    }
  }
  // Which of the targets another published entry points at (as linkedTo works it out).
  const inbound = new Set<number>();
  let from = 0;
  const mark = (slug: string) => {
    const j = targets.get(slug);
    if (j !== undefined && j !== from) inbound.add(j);
  };
  for (; from < terms.length; from++) {
    const term = terms[from] as Term;
    for (const slug of term.related) mark(slug);
    for (const slug of term.mentions) mark(slug);
    for (const mention of bodyMentions.get(term.slug) ?? []) mark(mention.slug);
  }
  const orphans = new Set(findings.orphans);
  const onward = new Set(findings.onward);
  const leadsOnward = onwardTest(terms, idOf, bodyMentions, explicit);
  for (const j of targets.values()) {
    const term = terms[j] as Term;
    const pointedAt = inbound.has(j);
    if (pointedAt) orphans.delete(term.file);
    else orphans.add(term.file);
    if (leadsOnward(term, pointedAt)) onward.delete(term.file);
    else onward.add(term.file);
  }

  // Named together: the entries whose counts a changed body's first twelve can reach are those
  // twelve and every entry a body names beside one of them.
  const index = coMentionIndex(terms.length, (body, at, ids) =>
    firstIds(bodyMentions.get((terms[body] as Term).slug), idOf, at, ids),
  );
  const affected = counted.slice();
  for (let body = 0; body < terms.length; body++) {
    const start = index.start[body] as number;
    const end = index.start[body + 1] as number;
    let reaches = false;
    for (let at = start; at < end && !reaches; at++) reaches = counted[index.ids[at] as number] === 1;
    if (reaches) for (let at = start; at < end; at++) affected[index.ids[at] as number] = 1;
  }
  const fileIndex = new Map(terms.map((term, i) => [term.file, i]));
  const together: [number, [string, string[]]][] = [];
  for (const entry of findings.together) {
    const a = fileIndex.get(entry[0]);
    if (a !== undefined && affected[a] === 0) together.push([a, entry]);
  }
  const pairs = pairCounter(terms.length);
  for (let a = 0; a < terms.length; a++) {
    if (affected[a] === 0) continue;
    const best = togetherWith(a, terms, index, pairs);
    if (best) together.push([a, [(terms[a] as Term).file, best.map((t) => t.slug)]]);
  }
  together.sort(([a], [b]) => a - b);
  const inOrder = (files: ReadonlySet<string>) => terms.filter((t) => files.has(t.file)).map((t) => t.file);
  return { orphans: inOrder(orphans), onward: inOrder(onward), together: together.map(([, entry]) => entry) };
}

/**
 * The advice's warnings, worded from `findings` (found by `findAdvice` for these entries, this run
 * or an earlier one that they still stand for): shared names, orphans with the bodies closest to
 * theirs, pages without a way onward, and entries to relate. Each names its file's line as the
 * entry reads now.
 */
export function adviceProblems(input: EditorReportInput, findings: AdviceFindings): Problem[] {
  const { terms, positions, explicit = false } = input;
  let byFile: Map<string, Term> | undefined;
  const termOf = (file: string) => (byFile ??= new Map(terms.map((term) => [term.file, term]))).get(file);
  const problems: Problem[] = [];
  const at = (term: Term, field: string) => positions.get(term.file)?.(field) ?? { line: 1, column: 1 };
  const quote = (slugs: readonly string[]) => slugs.map((s) => `'${s}'`).join(', ');

  // Nothing is linked by name under `explicit`, so a shared name hides no link.
  let bySlug: Map<string, Term> | undefined;
  for (const { name, slugs } of explicit ? [] : input.ambiguous) {
    for (const slug of slugs) {
      const term = (bySlug ??= new Map(terms.map((t) => [t.slug, t]))).get(slug);
      if (!term) continue;
      const index = term.aka.findIndex((a) => a.toLowerCase() === name.toLowerCase());
      const field = index === -1 ? 'title' : `aka[${index}]`;
      const others = slugs.filter((s) => s !== slug);
      problems.push({
        file: term.file,
        field,
        message: `'${name}' is also a name of ${quote(others)}, so it is never linked`,
        hint: 'give each entry its own name, or keep the alias on one of them',
        severity: 'warning',
        ...at(term, field === 'title' ? 'title' : 'aka'),
      });
    }
  }

  // Comparing every body's words is made only once an orphan needs it: most glossaries have none.
  let closest: ((term: Term) => Term[]) | undefined;
  for (const file of findings.orphans) {
    const term = termOf(file);
    if (!term) continue;
    closest ??= closestBodies(input.postings?.() ?? scanBodyWords(terms));
    const near = closest(term);
    problems.push({
      file: term.file,
      field: 'file',
      message: 'no other entry mentions or links to it, in its body or front matter',
      hint: orphanHint(
        near.map((t) => t.slug),
        explicit,
      ),
      severity: 'warning',
      ...at(term, 'title'),
    });
  }

  for (const file of findings.onward) {
    const term = termOf(file);
    if (!term) continue;
    problems.push({
      file: term.file,
      field: 'related',
      // Under `explicit` a body's own links lead on, but nothing is listed under it.
      message: explicit
        ? 'the page lists no way onward: no related entries, mentions, tags or categories'
        : 'the page offers no way onward: no links, mentions, tags or categories',
      hint: explicit
        ? 'list related entries or mentions'
        : 'list related entries or name other entries in the body',
      severity: 'warning',
      ...at(term, 'related'),
    });
  }

  for (const [file, candidates] of findings.together) {
    const term = termOf(file);
    if (!term) continue;
    problems.push({
      file: term.file,
      field: 'related',
      message: `other bodies often ${explicit ? 'link to it' : 'name it'} together with ${quote(candidates)}`,
      hint: `consider adding ${candidates.length === 1 ? 'it' : 'them'} to related`,
      severity: 'warning',
      ...at(term, 'related'),
    });
  }
  return problems;
}

/**
 * A body's mentions as entry numbers, -1 for an entry not published. An index loop into an array
 * of the right length: `Int32Array.from` with a mapping function walks the list as an iterator,
 * which took a second at 100,000 entries.
 */
function mentionIds(mentions: readonly BodyMention[], idOf: ReadonlyMap<string, number>): Int32Array {
  const ids = new Int32Array(mentions.length);
  for (let k = 0; k < mentions.length; k++) ids[k] = idOf.get((mentions[k] as BodyMention).slug) ?? -1;
  return ids;
}

/** What to do about an entry nothing points at, given the entries whose bodies come closest. */
function orphanHint(closest: readonly string[], explicit: boolean): string {
  const quoted = closest.map((s) => `'${s}'`).join(', ');
  if (closest.length === 0) {
    return explicit
      ? 'list it in the mentions or related of an entry on the same subject'
      : 'name it in the body of an entry on the same subject';
  }
  return explicit
    ? `link to it, or list it in mentions, in the entries whose bodies come closest: ${quoted}`
    : `name or link it in the entries whose bodies come closest: ${quoted}`;
}

/**
 * Which entries (by number) another published entry lists in related or mentions, or names in
 * its body: `named` holds each body's mentions as numbers, -1 for an entry not published.
 */
function linkedTo(
  terms: readonly Term[],
  idOf: ReadonlyMap<string, number>,
  named: readonly Int32Array[],
): Uint8Array {
  const inbound = new Uint8Array(terms.length);
  // Index loops over each list: spreading both lists into one array an entry was garbage to collect.
  const mark = (i: number, slugs: readonly string[]) => {
    for (let k = 0; k < slugs.length; k++) {
      const j = idOf.get(slugs[k] as string);
      if (j !== undefined && j !== i) inbound[j] = 1;
    }
  };
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as Term;
    mark(i, term.related);
    mark(i, term.mentions);
    const ids = named[i] as Int32Array;
    for (let k = 0; k < ids.length; k++) {
      const j = ids[k] as number;
      if (j >= 0 && j !== i) inbound[j] = 1;
    }
  }
  return inbound;
}

/** Whether an entry shares a tag or category (by its page address) with another entry. */
function taxonomyShared(terms: readonly Term[]): (term: Term) => boolean {
  const carriers = new Map<string, Set<Term>>();
  const keysOf = (term: Term) => [
    ...term.tags.map((tag) => `tag:${taxonomyKey(tag)}`),
    ...term.categories.map((category) => `category:${taxonomyKey(category)}`),
  ];
  for (const term of terms) {
    for (const key of keysOf(term)) {
      const set = carriers.get(key);
      if (set) set.add(term);
      else carriers.set(key, new Set([term]));
    }
  }
  return (term) => keysOf(term).some((key) => (carriers.get(key)?.size ?? 0) > 1);
}

/** For each entry, the entries whose bodies share the most distinctive words with its own. */
function closestBodies(postings: BodyWordPostings): (term: Term) => Term[] {
  return (term) => {
    const scores = new Map<Term, number>();
    for (const word of postings.wordsOf(term)) {
      const list = postings.rareBodies(word);
      if (!list) continue;
      // Rarer words say more: a word two bodies share counts more than one twenty share.
      for (const other of list)
        if (other !== term) scores.set(other, (scores.get(other) ?? 0) + 1 / list.length);
    }
    return [...scores.entries()]
      .sort(([a, x], [b, y]) => y - x || a.slug.localeCompare(b.slug))
      .slice(0, SUGGESTIONS)
      .map(([t]) => t);
  };
}

/** Every published body's words, read to find the entries whose bodies come closest to an orphan's. */
function scanBodyWords(terms: readonly Term[]): BodyWordPostings {
  const wordsOf = new Map<Term, Set<string>>();
  const postings = new Map<string, Term[]>();
  for (const term of terms) {
    const words = adviceWords(term.body);
    wordsOf.set(term, words);
    for (const word of words) {
      const list = postings.get(word);
      if (!list) postings.set(word, [term]);
      else if (list.length <= COMMON_WORD_BODIES) list.push(term);
    }
  }
  return {
    wordsOf: (term) => wordsOf.get(term) ?? [],
    rareBodies: (word) => {
      const list = postings.get(word) ?? [];
      return list.length > COMMON_WORD_BODIES ? undefined : list;
    },
  };
}

/**
 * Each body's first twelve mentions that are published entries, laid end to end (body k's are
 * `ids[start[k]]` to `ids[start[k + 1]]`), and for each entry the bodies naming it, once per time
 * it is named, as the pair counts are (entry n's are `bodiesOf[from[n]]` to `bodiesOf[from[n + 1]]`).
 * Flat typed arrays filled in two passes: at 100,000 entries the pairs are some 13 million steps,
 * arrays of arrays spent most of them waiting on memory, and an array of bodies an entry was
 * 100,000 more objects for the collector (0.5 s of a run).
 */
interface CoMentionIndex {
  start: Int32Array;
  ids: Int32Array;
  from: Int32Array;
  bodiesOf: Int32Array;
}

/**
 * The index of `count` bodies (one an entry). `write(body, at, ids)` puts the body's first
 * twelve mentions that are published entries, as entry numbers, at `ids[at]` on, and says how many
 * it put: no array a body, so 100,000 bodies leave nothing for the collector.
 */
function coMentionIndex(
  count: number,
  write: (body: number, at: number, ids: Int32Array) => number,
): CoMentionIndex {
  const start = new Int32Array(count + 1);
  const room = new Int32Array(count * 12);
  for (let body = 0; body < count; body++)
    start[body + 1] = (start[body] as number) + write(body, start[body] as number, room);
  const ids = room.slice(0, start[count] as number);
  const from = new Int32Array(count + 1);
  for (let at = 0; at < ids.length; at++) {
    const n = ids[at] as number;
    from[n + 1] = (from[n + 1] as number) + 1;
  }
  for (let n = 0; n < count; n++) from[n + 1] = (from[n + 1] as number) + (from[n] as number);
  const bodiesOf = new Int32Array(ids.length);
  const filled = from.slice(0, count);
  for (let body = 0; body < count; body++)
    for (let at = start[body] as number, end = start[body + 1] as number; at < end; at++)
      bodiesOf[(filled[ids[at] as number] as number)++] = body;
  return { start, ids, from, bodiesOf };
}

/** Writes the published entries among the first twelve of `mentions` at `ids[at]` on; how many. */
function firstIds(
  mentions: readonly BodyMention[] | undefined,
  idOf: ReadonlyMap<string, number>,
  at: number,
  ids: Int32Array,
): number {
  if (!mentions) return 0;
  let written = 0;
  for (let k = 0, end = Math.min(12, mentions.length); k < end; k++) {
    const n = idOf.get((mentions[k] as BodyMention).slug);
    if (n !== undefined) ids[at + written++] = n;
  }
  return written;
}

/** `firstIds` for mentions already numbered (`mentionIds`, -1 for an entry not published). */
function firstNumbered(mentions: Int32Array, at: number, ids: Int32Array): number {
  let written = 0;
  for (let k = 0, end = Math.min(12, mentions.length); k < end; k++) {
    const n = mentions[k] as number;
    if (n >= 0) ids[at + written++] = n;
  }
  return written;
}

/** The arrays `togetherWith` counts pairs in, reused for every entry. */
interface PairCounter {
  counts: Int32Array;
  touched: Int32Array;
}

function pairCounter(count: number): PairCounter {
  return { counts: new Int32Array(count), touched: new Int32Array(count) };
}

/**
 * The entries other bodies name together with entry `a` at least `CO_MENTIONS` times, and in at
 * least `CO_MENTION_SHARE` of the bodies naming either, not yet related either way: the best
 * `SUGGESTIONS` of them, or undefined when there are none.
 */
function togetherWith(
  a: number,
  terms: readonly Term[],
  index: CoMentionIndex,
  { counts, touched }: PairCounter,
): Term[] | undefined {
  const { start, ids, from, bodiesOf } = index;
  const namingCount = (n: number) => (from[n + 1] as number) - (from[n] as number);
  const term = terms[a] as Term;
  let width = 0;
  for (let k = from[a] as number, last = from[a + 1] as number; k < last; k++) {
    const body = bodiesOf[k] as number;
    for (let at = start[body] as number, end = start[body + 1] as number; at < end; at++) {
      const b = ids[at] as number;
      if (b === a) continue;
      if (counts[b] === 0) touched[width++] = b;
      counts[b] = (counts[b] as number) + 1;
    }
  }
  if (width === 0) return undefined;
  const candidates: [Term, number][] = [];
  const namingA = namingCount(a);
  for (let k = 0; k < width; k++) {
    const b = touched[k] ?? 0;
    const n = counts[b] ?? 0;
    counts[b] = 0;
    const other = terms[b] as Term;
    if (
      n >= CO_MENTIONS &&
      n >= CO_MENTION_SHARE * Math.max(namingA, namingCount(b)) &&
      !term.related.includes(other.slug) &&
      !other.related.includes(term.slug)
    )
      candidates.push([other, n]);
  }
  if (candidates.length === 0) return undefined;
  return candidates
    .sort(([x, m], [y, n]) => n - m || x.slug.localeCompare(y.slug))
    .slice(0, SUGGESTIONS)
    .map(([t]) => t);
}

/**
 * Entries that other bodies name together at least `CO_MENTIONS` times, and which are not yet
 * related either way. Counted entry by entry over the bodies naming it, in one array reused for
 * every entry: a map of maps with a count for each pair (up to 132 a body) took 9-14 s at
 * 100,000 entries, mostly the maps' own upkeep.
 */
function coMentioned(terms: readonly Term[], named: readonly Int32Array[]): [Term, Term[]][] {
  const index = coMentionIndex(terms.length, (body, at, ids) =>
    firstNumbered(named[body] as Int32Array, at, ids),
  );
  const pairs = pairCounter(terms.length);
  const result: [Term, Term[]][] = [];
  for (let a = 0; a < terms.length; a++) {
    const best = togetherWith(a, terms, index, pairs);
    if (best) result.push([terms[a] as Term, best]);
  }
  return result;
}

/**
 * The editor's report of a validated glossary, as `check:content` prints it: reads every
 * published body for mentions (or takes them from `cache`) and gives the advice.
 */
export function adviseEditors(
  terms: readonly Term[],
  site: SiteConfig,
  positions: ReadonlyMap<string, FieldPositions>,
  cache?: MentionCache,
): Problem[] {
  const published = terms.filter((t) => !t.draft);
  return adviceFromMentions(published, site, positions, findBodyMentions(published, site.locale, cache));
}

/**
 * The editor's report of the published entries `published`, from their body mentions and shared
 * names however they were found: read from every body (`adviseEditors`) or kept from an earlier
 * run (mentions-recheck.ts).
 */
export function adviceFromMentions(
  published: readonly Term[],
  site: SiteConfig,
  positions: ReadonlyMap<string, FieldPositions>,
  found: { mentions: ReadonlyMap<string, readonly BodyMention[]>; ambiguous: readonly AmbiguousName[] },
  postings?: () => BodyWordPostings,
): Problem[] {
  return keptAdvice(published, site, positions, found, { postings }).problems;
}

/**
 * The editor's report as `adviceFromMentions` gives it, with its findings (`AdviceFindings`) for
 * the next run to keep, worded from `findings` when they are given: the findings of an earlier run
 * that still stand for these entries (recheck-advice.ts tells when).
 */
export function keptAdvice(
  published: readonly Term[],
  site: SiteConfig,
  positions: ReadonlyMap<string, FieldPositions>,
  found: { mentions: ReadonlyMap<string, readonly BodyMention[]>; ambiguous: readonly AmbiguousName[] },
  options: {
    postings?: (() => BodyWordPostings) | undefined;
    findings?: AdviceFindings | undefined;
    /** The bodies whose mentions changed since `findings` were found (see `patchFindings`). */
    mentionChanges?: readonly MentionChange[] | undefined;
  },
): { problems: Problem[]; findings: AdviceFindings } {
  const input: EditorReportInput = {
    terms: published,
    bodyMentions: found.mentions,
    ambiguous: found.ambiguous,
    positions,
    explicit: bodyNamesOf(site) === 'explicit',
    postings: options.postings,
  };
  const { findings: kept, mentionChanges = [] } = options;
  const findings = !kept
    ? findAdvice(input)
    : mentionChanges.length > 0
      ? patchFindings(input, kept, mentionChanges)
      : kept;
  return { problems: sortProblems(adviceProblems(input, findings)), findings };
}

/** The report as a section of `check:content`'s text output; empty when there is no advice. */
export function formatEditorReport(advice: readonly Problem[]): string {
  if (advice.length === 0) return '';
  return ['Advice (names, mentions and ways onward):', ...advice.map(formatProblem), '', ''].join('\n');
}

/** `check:content`'s advice section for a validated glossary (see `adviseEditors`). */
export function editorAdvice(validation: GlossaryValidation, site: SiteConfig, cache?: MentionCache): string {
  return formatEditorReport(adviseEditors(validation.terms, site, validation.positions, cache));
}
