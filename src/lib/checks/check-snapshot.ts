import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NO_CONTEXT } from '../autolink/mention-cache.ts';
import type { AdviceWordsState } from '../autolink/advice-words.ts';
import type { AdviceFindings } from '../autolink/editor-report.ts';
import type { AmbiguousName } from '../autolink/name-index.ts';
import type { BodyMention } from '../autolink/plan.ts';
import type { BodyUrl } from '../markdown/body-urls.ts';
import type { UnclosedComment } from '../markdown/html-comments.ts';
import type { Problem } from './problems.ts';
import type { EntryValidation } from './validate-entry.ts';

/**
 * What `check:content` found in a glossary, kept between runs so the next run after an edit
 * redoes only what the edit can change (recheck-glossary.ts). Why: at 100,000 entries a run that
 * reused every file's outcome from the validation cache still spent about 24 CPU seconds reviving
 * 100,000 outcomes, building the name index and the graph of references again, and collecting the
 * garbage of it all, to report what one edited file changed.
 *
 * It holds, for each entry file, its stamp and digest (file-stamps.ts), its own problems and the
 * facts about it that the rules across entries read (names, references, tags, the body's links and
 * mentions), but never its text: a body is read again only when a rule needs it.
 */
export interface CheckSnapshot {
  /** The digest of the code the report comes from: a snapshot of other code is never used. */
  code: string;
  /** The site configuration and public files the outcomes were found with (validation-cache.ts). */
  environment: string;
  /** Every entry file that was checked, in path order. */
  entries: SnapshotEntry[];
  /** The warnings about tags and categories (taxonomy.ts), as the last run found them. */
  taxonomy: Problem[];
  /** Names more than one published entry goes by (name-index.ts), as the last run found them. */
  ambiguous: AmbiguousName[] | undefined;
  /** What the bodies' words held when every body was last read for them (advice-words.ts). */
  adviceWords: AdviceWordsState | undefined;
  /**
   * What the last advice found (editor-report.ts), or undefined when the last run gave none and
   * the one before's do not stand (kept-findings.ts).
   */
  advice?: AdviceFindings | undefined;
  /**
   * The reference problems and the warnings across entries (recheck-glossary.ts) of the last run
   * that worked them out apart; undefined after a full check, which does not.
   */
  references?: Problem[] | undefined;
  crossWarnings?: Problem[] | undefined;
}

/** One entry file as the last run found it. */
export interface SnapshotEntry {
  path: string;
  /** The file's stamp (file-stamps.ts); empty when it had none to trust, so it is checked again. */
  stamp: string;
  /** The digest of its text, which a body read later must match. */
  digest: string;
  /** The problems of the file on its own (validate-entry.ts). */
  problems: Problem[];
  /** The slug of a well-placed file, valid or not. */
  slug: string | undefined;
  /** What the rules across entries read of it, when it is a valid entry. */
  facts: EntryFacts | undefined;
}

/** What the rules across entries read of one valid entry. */
export interface EntryFacts {
  section: string;
  title: string;
  aka: string[];
  draft: boolean;
  related: string[];
  mentions: string[];
  tags: string[];
  categories: string[];
  redirectFrom: string[];
  /** Where the body starts in the file's text. */
  bodyStart: number;
  /** The entry's own editorial warnings and name fingerprints (entry-warnings.ts). */
  own: Problem[];
  fingerprints: string[];
  /** What the body links to, and the comments it leaves open (check-links.ts). */
  urls: BodyUrl[];
  unclosed: UnclosedComment[];
  overLimits: boolean;
  /**
   * The entries a published body mentions (body-mentions.ts), without their words, which the
   * advice never shows; undefined when not found yet.
   */
  bodyMentions: BodyMention[] | undefined;
  /** The body's words that are not common (advice-words.ts); undefined when not read for them. */
  adviceWords: string[] | undefined;
}

/**
 * The snapshot file of the glossary at `siteDir` inside the cache folder `cacheRoot`, beside the
 * validation, mention and report files (validation-cache.ts).
 */
export function checkSnapshotFile(cacheRoot: string, siteDir: string): string {
  const key = createHash('sha256').update(siteDir).digest('hex').slice(0, 12);
  return join(cacheRoot, `check-content-${key}-snapshot.bin`);
}

const MAGIC = 'glossa-check-snapshot 1\n';
const EMPTY: never[] = [];
Object.freeze(EMPTY);

/** A decoded snapshot's strings and numbers, which the next one is written from (see `encodeCheckSnapshot`). */
interface Decoded {
  symbols: readonly string[];
  ints: Int32Array;
}

/** Where each decoded entry's numbers are, and the mentions it was decoded with. */
const decodedRanges = new WeakMap<
  SnapshotEntry,
  {
    from: Decoded;
    start: number;
    end: number;
    mentions: BodyMention[] | undefined;
    words: string[] | undefined;
  }
>();
const decodedSnapshots = new WeakMap<CheckSnapshot, Decoded>();

/**
 * The snapshot as bytes: a header line, the lengths of two JSON parts (the header's own fields,
 * then every distinct string once), then the entries as 32-bit numbers naming those strings. Why
 * not JSON of the entries: at 100,000 entries parsing them took about a second, and every slug
 * read back as a string of its own, so each lookup hashed it again; here each distinct string is
 * one object, shared by every entry that names it.
 *
 * With `basis`, the snapshot this one was made from (decoded by `decodeCheckSnapshot`), the
 * entries it holds unchanged are copied as numbers, and only new strings are added to its own:
 * writing 100,000 entries afresh after an edit of one was most of a second. Strings no entry
 * names any longer stay until they are a fifth of the whole, when it is written afresh.
 */
export function encodeCheckSnapshot(snapshot: CheckSnapshot, basis?: CheckSnapshot): Buffer {
  const from = basis && decodedSnapshots.get(basis);
  const fresh = encodeEntries(snapshot.entries, from);
  const { symbols, ints } =
    from && fresh.symbols.length - from.symbols.length > fresh.symbols.length / 5
      ? encodeEntries(snapshot.entries, undefined)
      : fresh;
  const header = Buffer.from(
    JSON.stringify({
      code: snapshot.code,
      environment: snapshot.environment,
      taxonomy: snapshot.taxonomy,
      ambiguous: snapshot.ambiguous ?? null,
      adviceWords: snapshot.adviceWords ?? null,
      advice: snapshot.advice ?? null,
      references: snapshot.references ?? null,
      crossWarnings: snapshot.crossWarnings ?? null,
      entries: snapshot.entries.length,
    }),
  );
  const strings = Buffer.from(JSON.stringify(symbols));
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32LE(header.length, 0);
  lengths.writeUInt32LE(strings.length, 4);
  const body = Buffer.from(ints.buffer, ints.byteOffset, ints.byteLength);
  return Buffer.concat([Buffer.from(MAGIC), lengths, header, strings, body]);
}

function encodeEntries(
  entries: readonly SnapshotEntry[],
  from: Decoded | undefined,
): { symbols: string[]; ints: Int32Array } {
  const symbols: string[] = from ? [...from.symbols] : [];
  const numbers = new Map<string, number>();
  let ints = new Int32Array(1 << 16);
  let used = 0;
  const room = (more: number) => {
    if (used + more <= ints.length) return;
    const grown = new Int32Array(Math.max(ints.length * 2, used + more));
    grown.set(ints.subarray(0, used));
    ints = grown;
  };
  const int = (value: number) => {
    room(1);
    ints[used++] = value;
  };
  const str = (value: string) => {
    let n = numbers.get(value);
    if (n === undefined) {
      n = symbols.length;
      numbers.set(value, n);
      symbols.push(value);
    }
    int(n);
  };
  const list = (values: readonly string[]) => {
    int(values.length);
    for (const value of values) str(value);
  };
  const json = (value: readonly unknown[]) => str(value.length === 0 ? '' : JSON.stringify(value));
  for (const entry of entries) {
    const range = decodedRanges.get(entry);
    if (
      from &&
      range?.from === from &&
      range.mentions === entry.facts?.bodyMentions &&
      range.words === entry.facts?.adviceWords
    ) {
      room(range.end - range.start);
      ints.set(from.ints.subarray(range.start, range.end), used);
      used += range.end - range.start;
      continue;
    }
    str(entry.path);
    str(entry.stamp);
    str(entry.digest);
    json(entry.problems);
    if (entry.slug === undefined) int(-1);
    else str(entry.slug);
    const facts = entry.facts;
    if (!facts) {
      int(0);
      continue;
    }
    int(1);
    str(facts.section);
    str(facts.title);
    list(facts.aka);
    int(facts.draft ? 1 : 0);
    list(facts.related);
    list(facts.mentions);
    list(facts.tags);
    list(facts.categories);
    list(facts.redirectFrom);
    int(facts.bodyStart);
    json(facts.own);
    list(facts.fingerprints);
    json(facts.urls);
    json(facts.unclosed);
    int(facts.overLimits ? 1 : 0);
    if (!facts.adviceWords) int(-1);
    else list(facts.adviceWords);
    if (!facts.bodyMentions) int(-1);
    else {
      int(facts.bodyMentions.length);
      // The way in the lowest bit: half the numbers of a slug and a way each.
      for (const mention of facts.bodyMentions) {
        str(mention.slug);
        ints[used - 1] = (ints[used - 1] as number) * 2 + (mention.via === 'link' ? 1 : 0);
      }
    }
  }
  return { symbols, ints: ints.subarray(0, used) };
}

/**
 * The snapshot in `bytes` when it is one of the code `code`; none when it is of other code or
 * damaged in any way, since a snapshot only ever saves time.
 */
export function decodeCheckSnapshot(bytes: Buffer, code: string): CheckSnapshot | undefined {
  try {
    if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
    let at = MAGIC.length;
    const headerLength = bytes.readUInt32LE(at);
    const stringsLength = bytes.readUInt32LE(at + 4);
    at += 8;
    const header = JSON.parse(bytes.toString('utf8', at, at + headerLength)) as {
      code: string;
      environment: string;
      taxonomy: Problem[];
      ambiguous: AmbiguousName[] | null;
      adviceWords: AdviceWordsState | null;
      advice: AdviceFindings | null;
      references: Problem[] | null;
      crossWarnings: Problem[] | null;
      entries: number;
    };
    if (header.code !== code) return undefined;
    at += headerLength;
    const symbols = JSON.parse(bytes.toString('utf8', at, at + stringsLength)) as string[];
    at += stringsLength;
    const view = new Int32Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + bytes.length));
    let k = 0;
    const int = () => {
      if (k >= view.length) throw new RangeError('snapshot ends early');
      return view[k++] as number;
    };
    const str = () => {
      const value = symbols[int()];
      if (value === undefined) throw new RangeError('snapshot names no such string');
      return value;
    };
    const list = () => {
      const length = int();
      if (length === 0) return EMPTY;
      const values: string[] = [];
      for (let n = 0; n < length; n++) values.push(str());
      return values;
    };
    const json = <T>(): T[] => {
      const text = str();
      return text === '' ? EMPTY : (JSON.parse(text) as T[]);
    };
    // One object a slug and way: 1.2 million mentions at 100,000 entries name far fewer pairs.
    const mentions = new Map<number, BodyMention>();
    const mention = (key: number) => {
      let found = mentions.get(key);
      if (!found) {
        const slug = symbols[key >> 1];
        const via = key & 1;
        if (slug === undefined) throw new RangeError('snapshot names no such string');
        mentions.set(
          key,
          (found = Object.freeze({ slug, via: via === 1 ? 'link' : 'name', context: NO_CONTEXT })),
        );
      }
      return found;
    };
    const decoded: Decoded = { symbols, ints: view };
    const entries: SnapshotEntry[] = [];
    for (let n = 0; n < header.entries; n++) {
      const start = k;
      const path = str();
      const stamp = str();
      const digest = str();
      const problems = json<Problem>();
      const slugNumber = int();
      const slug = slugNumber === -1 ? undefined : symbols[slugNumber];
      if (int() === 0) {
        const entry: SnapshotEntry = { path, stamp, digest, problems, slug, facts: undefined };
        decodedRanges.set(entry, { from: decoded, start, end: k, mentions: undefined, words: undefined });
        entries.push(entry);
        continue;
      }
      const section = str();
      const title = str();
      const aka = list();
      const draft = int() === 1;
      const related = list();
      const mentions = list();
      const tags = list();
      const categories = list();
      const redirectFrom = list();
      const bodyStart = int();
      const own = json<Problem>();
      const fingerprints = list();
      const urls = json<BodyUrl>();
      const unclosed = json<UnclosedComment>();
      const overLimits = int() === 1;
      let adviceWords: string[] | undefined;
      const words = int();
      if (words >= 0) {
        adviceWords = words === 0 ? EMPTY : [];
        for (let w = 0; w < words; w++) adviceWords.push(str());
      }
      const count = int();
      let bodyMentions: BodyMention[] | undefined;
      if (count >= 0) {
        bodyMentions = [];
        for (let m = 0; m < count; m++) bodyMentions.push(mention(int()));
      }
      const entry: SnapshotEntry = {
        path,
        stamp,
        digest,
        problems,
        slug,
        facts: {
          section,
          title,
          aka,
          draft,
          related,
          mentions,
          tags,
          categories,
          redirectFrom,
          bodyStart,
          own,
          fingerprints,
          urls,
          unclosed,
          overLimits,
          bodyMentions,
          adviceWords,
        },
      };
      decodedRanges.set(entry, { from: decoded, start, end: k, mentions: bodyMentions, words: adviceWords });
      entries.push(entry);
    }
    if (k !== view.length) return undefined;
    const snapshot: CheckSnapshot = {
      code: header.code,
      environment: header.environment,
      entries,
      taxonomy: header.taxonomy,
      ambiguous: header.ambiguous ?? undefined,
      adviceWords: header.adviceWords ?? undefined,
      advice: header.advice ?? undefined,
      references: header.references ?? undefined,
      crossWarnings: header.crossWarnings ?? undefined,
    };
    decodedSnapshots.set(snapshot, decoded);
    return snapshot;
  } catch {
    return undefined;
  }
}

/** The snapshot kept at `path` for the code `code`, if there is one (see `decodeCheckSnapshot`). */
export function loadCheckSnapshot(path: string, code: string): CheckSnapshot | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  return decodeCheckSnapshot(bytes, code);
}

/**
 * Keeps `snapshot` at `path` (written from `basis`, the snapshot it was made from, see
 * `encodeCheckSnapshot`), through a temporary file and a rename, so a killed run leaves the old one.
 */
export function saveCheckSnapshot(path: string, snapshot: CheckSnapshot, basis?: CheckSnapshot): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, encodeCheckSnapshot(snapshot, basis));
  renameSync(temporary, path);
}

/**
 * The snapshot entry of a file with the outcome its checks found. `stamp` is the stamp to keep,
 * empty when there is none to trust; a file whose outcome cannot be kept on disk (`storable`
 * false: CRLF, a byte order mark) keeps none, so it is checked again on every run.
 */
export function snapshotEntryOf(
  source: { path: string; text: string },
  outcome: EntryValidation,
  kept: { stamp: string; digest: string; storable: boolean; bodyMentions: BodyMention[] | undefined },
): SnapshotEntry {
  const { problems, slug, term, findings } = outcome;
  const stamp = kept.storable ? kept.stamp : '';
  const { path } = source;
  if (!term || !findings) return { path, stamp, digest: kept.digest, problems, slug, facts: undefined };
  return {
    path,
    stamp,
    digest: kept.digest,
    problems,
    slug,
    facts: {
      section: term.section,
      title: term.title,
      aka: term.aka,
      draft: term.draft,
      related: term.related,
      mentions: term.mentions,
      tags: term.tags,
      categories: term.categories,
      redirectFrom: term.redirectFrom,
      // Asked of a term read from disk, whose body is cut from a file not read yet.
      bodyStart: outcome.bodyStart ?? (stamp === '' ? 0 : source.text.length - term.body.length),
      own: findings.warnings.own,
      fingerprints: findings.warnings.fingerprints,
      urls: findings.links.urls,
      unclosed: findings.links.unclosed,
      overLimits: outcome.overLimits === true,
      bodyMentions: kept.bodyMentions,
      adviceWords: undefined,
    },
  };
}
