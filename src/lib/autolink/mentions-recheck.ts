import type { EntryChange } from '../checks/recheck-glossary.ts';
import type { SnapshotEntry } from '../checks/check-snapshot.ts';
import type { Term } from '../entries/term.ts';
import { termPath } from '../site/urls.ts';
import { buildAutolinkSite, type AutolinkSite } from './autolink-site.ts';
import { mentionsOfBody } from './body-mentions.ts';
import { bodyWordKeys } from './body-words.ts';
import { buildNameIndex, words, type AmbiguousName } from './name-index.ts';
import type { BodyMention } from './plan.ts';
import { createWordSpans, scanWords } from './word-scan.ts';

/** The body mentions of the published entries and the names they share, as `findBodyMentions` finds them. */
export interface MentionsRecheck {
  /** Each published entry's mentions, by slug (the last entry of a slug wins, as there). */
  mentions: Map<string, BodyMention[]>;
  ambiguous: AmbiguousName[];
  /** Each published entry's mentions, by file, for the next snapshot. */
  byFile: Map<string, BodyMention[]>;
  /** How many bodies were read for names again. */
  found: number;
  /** The files of the bodies read for names again. */
  reread: string[];
}

/** What an entry is found by in bodies: its names and its address, while it is published. */
function linkedNames(entry: SnapshotEntry | undefined): string {
  const facts = entry?.facts;
  if (!facts || facts.draft || entry?.slug === undefined) return '';
  return JSON.stringify([entry.slug, facts.section, facts.title, facts.aka]);
}

/** Character references, which a body's source does not spell as its text reads (names-digest.ts). */
const REFERENCE = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/iu;

/**
 * The body mentions after `changes`, from those the snapshot kept (`keptOf`): only the bodies an
 * edit can have changed are read again. Those are the edited ones, and, when an entry was added,
 * deleted, renamed or published, the bodies holding one of its names, old or new, or its slug
 * (an editor's link): the name index finds a name only where the text has its words in a row
 * (name-index.ts), so a body without them finds the same names before and after. Each name's words
 * are looked for in the body's source as a reader writes them, the last one without an ending it
 * may take ("volatilit" for "volatilities"); a name with other than ASCII letters, or a body with
 * character references, is not looked for and the bodies are read again.
 *
 * The bodies read again are matched against the names that begin with one of their words only:
 * a match starts at a word that begins a name (name-index.ts), so the others cannot be found in
 * them, and indexing 100,000 entries' names for one edited body was most of a run.
 */
export function recheckMentions(
  published: readonly Term[],
  keptOf: (term: Term) => BodyMention[] | undefined,
  changes: readonly EntryChange[],
  options: { locale: string; ambiguous: AmbiguousName[] | undefined },
): MentionsRecheck {
  const names = new Set<string>();
  const slugs = new Set<string>();
  for (const { before, after } of changes) {
    if (linkedNames(before) === linkedNames(after)) continue;
    for (const entry of [before, after]) {
      const facts = entry?.facts;
      if (!facts || entry?.slug === undefined) continue;
      for (const name of [facts.title, ...facts.aka]) names.add(name);
      slugs.add(entry.slug);
    }
  }
  const needles = [...names].map((name) => needleOf(name));
  const everyBody = needles.some((found) => found === undefined);
  const mayName = (body: string) =>
    everyBody ||
    REFERENCE.test(body) ||
    [...slugs].some((slug) => body.includes(slug)) ||
    needles.some((needle) => needle?.test(body));

  const stale: Term[] = [];
  const known = new Map<Term, BodyMention[]>();
  for (const term of published) {
    const kept = keptOf(term);
    if (kept && (names.size === 0 || !mayName(term.body))) known.set(term, kept);
    else stale.push(term);
  }
  if (stale.length > 0) {
    const site = siteFor(stale, published, options.locale);
    for (const term of stale) known.set(term, mentionsOfBody(term, site));
  }
  const mentions = new Map<string, BodyMention[]>();
  const byFile = new Map<string, BodyMention[]>();
  for (const term of published) {
    const found = known.get(term) ?? [];
    mentions.set(term.slug, found);
    byFile.set(term.file, found);
  }
  const ambiguous =
    names.size === 0 && options.ambiguous
      ? options.ambiguous
      : buildNameIndex(published, { locale: options.locale }).ambiguous;
  return { mentions, ambiguous, byFile, found: stale.length, reread: stale.map((term) => term.file) };
}

/**
 * What a body's source must hold to name `name`: its words in a row, case aside, with anything
 * but letters between them (the spaces and hyphens a name's words are found across, and whatever
 * Markdown writes around text), the last word as the start of a word, since an inflection only
 * adds to it (word-forms.ts; "volatilit" for "volatilities"). Undefined for a name with other than
 * ASCII letters and digits, whose cases and forms this does not follow.
 */
function needleOf(name: string): RegExp | undefined {
  const parts = words(name).map((w) => w.word.toLowerCase());
  if (parts.some((part) => !/^[a-z0-9']+$/.test(part))) return undefined;
  if (parts.length === 0) return /(?!)/u;
  const last = parts.length - 1;
  const written = parts.map((part, k) => (k === last && part.endsWith('y') ? part.slice(0, -1) : part));
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${written.join('[^\\p{L}\\p{N}\\p{M}]+')}`, 'iu');
}

const nameSpans = createWordSpans();

/**
 * Whether `name` may be found in a text whose words make `pairs`: each word of the text,
 * lower-cased, then each word followed by each key of the next (`bodyWordKeys`: the next word
 * lower-cased and its base forms), as `word\0key`. A name is found only as its words in a row,
 * the last maybe inflected (name-index.ts), so one whose pairs are not all there cannot be.
 */
function mayBeFound(name: string, pairs: ReadonlySet<string>): boolean {
  const { count, starts, ends } = scanWords(name, nameSpans);
  if (count === 0) return false;
  let previous = name.slice(starts[0], ends[0]).toLowerCase();
  if (count === 1) return pairs.has(previous);
  for (let k = 1; k < count; k++) {
    const word = name.slice(starts[k], ends[k]).toLowerCase();
    if (!pairs.has(`${previous}\0${word}`)) return false;
    previous = word;
  }
  return true;
}

/** The pairs of `mayBeFound` for a body. */
function wordPairs(body: string, locale: string, into: Set<string>): void {
  const { count, starts, ends } = scanWords(body, nameSpans);
  let previous: string | undefined;
  for (let k = 0; k < count; k++) {
    const written = body.slice(starts[k], ends[k]);
    const keys = bodyWordKeys(written, locale);
    for (const key of keys) {
      into.add(key);
      if (previous !== undefined) into.add(`${previous}\0${key}`);
    }
    previous = written.toLowerCase();
  }
}

/**
 * The autolink site to read `bodies` with: the names of the published entries that may be found
 * in them (`mayBeFound`) and every published entry's address. A body with character references
 * gets every name, since its text holds words its source does not spell.
 */
function siteFor(bodies: readonly Term[], published: readonly Term[], locale: string): AutolinkSite {
  let entries: readonly Term[] = published;
  if (!bodies.some((term) => REFERENCE.test(term.body))) {
    const pairs = new Set<string>();
    for (const term of bodies) wordPairs(term.body, locale, pairs);
    entries = published.filter(
      (term) => mayBeFound(term.title, pairs) || term.aka.some((name) => mayBeFound(name, pairs)),
    );
  }
  const site = buildAutolinkSite(entries, { root: '/', locale, policy: 'off' });
  if (entries === published) return site;
  // The addresses of every published entry, the last of a slug winning (as buildAutolinkSite has them).
  let bySlug: Map<string, string> | undefined;
  const hrefOf = (slug: string) =>
    (bySlug ??= new Map(published.map((term) => [term.slug, termPath(term)]))).get(slug);
  return {
    ...site,
    hrefOf,
    slugOfHref: (href) => {
      const path = href.replace(/[?#].*$/su, '');
      const page = path.endsWith('/') ? path : `${path}/`;
      const slug = /^\/[^/]+\/([^/]+)\/$/u.exec(page)?.[1];
      return slug !== undefined && hrefOf(slug) === page ? slug : undefined;
    },
  };
}
