import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TermFrontMatterSchema } from '../entries/term-schema.ts';
import { UnreadSource, fileStamp, textDigest, type FileStamp } from './file-stamps.ts';
import {
  formatRecord,
  isStorable,
  parseRecords,
  revive,
  storable,
  type StoredRecord,
} from './stored-outcomes.ts';
import type { SourceFile } from './validate-glossary.ts';
import { validateEntryFile, type EntryEnvironment, type EntryValidation } from './validate-entry.ts';
import { installedVersion } from '../packages/installed-version.ts';

/** Checks one file of the glossary a pass was started on. */
export type EntryValidator = (file: Pick<SourceFile, 'path' | 'text' | 'notes'>) => EntryValidation;

/**
 * Why a cache: the live preview re-checks the glossary on every save, and checking one file
 * (YAML, zod, the body's formulas and limits) costs about 0.2 ms, 2 s at 10,000 entries, for an
 * edit that changed one of them. A file's outcome depends on its text and on the site around it
 * (config, schema, public files); git dates are read again on every check, so files that took a
 * date from git are never kept.
 *
 * `check:content` keeps the outcomes on disk between runs too (`file`): at 100,000 entries the
 * per-file checks are 9-13 s of a run that follows an edit of one or two files. With each
 * outcome it keeps the file's stamp, so a file that stat says is unchanged is not even read.
 */
export interface ValidationCache {
  /** Starts a check of the whole glossary: the outcomes kept from the last one are reused. */
  begin(env: EntryEnvironment): EntryValidator;
  /**
   * The digest of the text the last pass found at `path` (and of the code that read it), when it
   * kept that file's outcome: it names the body as well as any digest of the body would (mention-cache.ts), and at 100,000
   * entries hashing every body once more cost half a second. Worked out on first use.
   */
  digestOf(path: string): string | undefined;
  /**
   * For the reader of the glossary (`SourceFileSystem.unchanged`, read-glossary.ts), before it
   * reads the entry file at `path` (shown as `shown`): the file unread, when the cache's file
   * holds an outcome for it and its stamp (file-stamps.ts) says it has not changed since. Every
   * file asked about has its stamp kept with its outcome, for the next run.
   */
  unchanged(path: string, shown: string): SourceFile | undefined;
  /**
   * Every file the last pass checked or took from the cache, in its order, with the stamp to keep
   * (empty when there is none to trust) and the digest of its text: what a snapshot of the check
   * is made from (check-snapshot.ts). Files dated from git are not among them.
   */
  outcomes(): KeptOutcome[];
  /** How many files the last pass checked again, and how many it took from the cache. */
  readonly stats: { checked: number; reused: number };
  /**
   * Writes the last pass's outcomes to the cache's file, when it has one and they differ from
   * what the file held (through a temporary file and a rename, so a killed run leaves the old one).
   */
  save(): void;
}

/** One file's outcome as the last pass found it (see `ValidationCache.outcomes`). */
export interface KeptOutcome {
  source: Pick<SourceFile, 'path' | 'text'>;
  outcome: EntryValidation;
  stamp: string;
  digest: string;
  /** Whether the outcome can be kept on disk at all (stored-outcomes.ts `isStorable`). */
  storable: boolean;
}

/** Where a cache keeps its outcomes between processes, and the digest of the code they came from. */
export interface ValidationCacheFile {
  path: string;
  /** See `validationCodeDigest`: outcomes of other code are never reused. */
  code: string;
}

interface Kept {
  source: Pick<SourceFile, 'path' | 'text'>;
  /** The text's digest, once worked out (see `digestOf`). */
  digest?: string;
  outcome: EntryValidation;
  /** The file's line in the cache's file, when its outcome was read from there. */
  record?: StoredRecord;
  /** The file's stamp to keep with its outcome; empty when it has none to trust. */
  stamp: string;
}

/** What the cache file holds: this first line, then a line a file (stored-outcomes.ts). */
interface StoredHeader {
  code: string;
  /** The environment's key (site configuration and public files) the outcomes were found in. */
  environment: string;
}

/** A cache for the validator's per-file step, to keep across checks of one glossary (see above). */
export function createValidationCache(
  options: {
    file?: ValidationCacheFile;
    /** The clock stamps are judged by (file-stamps.ts); tests move it on rather than wait. */
    now?: () => number;
    /**
     * Stamps taken already this run, by site path (site-stamps.ts, by the same clock): a file
     * found here is not stat-ed again. One missing is stat-ed as usual.
     */
    stamps?: ReadonlyMap<string, FileStamp> | undefined;
  } = {},
): ValidationCache {
  const { now = Date.now } = options;
  // Only the last pass's files are kept, so a deleted or renamed file's outcome goes with it.
  let kept = new Map<string, Kept>();
  let environment: { schema: EntryEnvironment['schema']; key: string } | undefined;
  const stored = options.file ? readStored(options.file) : undefined;
  // The stamp of every file the reader asked about and read (the others carry theirs).
  const stamps = new Map<string, FileStamp>();
  const stats = { checked: 0, reused: 0 };
  return {
    stats,
    digestOf(path) {
      const entry = kept.get(path);
      if (!entry) return undefined;
      // With the code's digest: how the body is cut from the text is code too.
      return `${options.file?.code ?? ''}:${(entry.digest ??= textDigest(entry.source.text))}`;
    },
    unchanged(path, shown) {
      // Stamps are only for the cache's file: a cache in memory compares texts it holds anyway.
      if (!options.file) return undefined;
      let stamp = options.stamps?.get(shown);
      if (stamp === undefined) {
        // Read before stat, so a change during the stat is recent enough not to be trusted.
        const time = now();
        const stats = statSync(path, { throwIfNoEntry: false });
        stamp = stats && fileStamp(stats, time);
        if (!stamp) return undefined;
      }
      const record = stored?.records.get(shown);
      if (record?.stamp === stamp) return new UnreadSource(path, shown, stamp, record.digest, record);
      stamps.set(shown, stamp);
      return undefined;
    },
    outcomes() {
      return [...kept.values()].map((entry) => ({
        source: entry.source,
        outcome: entry.outcome,
        stamp: entry.stamp,
        digest: (entry.digest ??= textDigest(entry.source.text)),
        // A line read from the cache's file was storable when it was written.
        storable: entry.record !== undefined || isStorable(entry.source.text, entry.outcome),
      }));
    },
    begin(env) {
      const key = environmentKey(env);
      const previous =
        environment?.schema === env.schema && environment.key === key ? kept : new Map<string, Kept>();
      // The file's outcomes count on the first pass only (later ones have their own), and only
      // with Glossa's schema: a site's own (glossa.schema.ts) may import anything, so no digest
      // covers it, and its outcomes are kept in memory only.
      const saved =
        !environment && stored?.environment === key && env.schema === TermFrontMatterSchema
          ? stored.records
          : undefined;
      environment = { schema: env.schema, key };
      kept = new Map();
      stats.checked = 0;
      stats.reused = 0;
      return (file) => {
        // Asked first: comparing texts would read an unread file.
        if (saved && file instanceof UnreadSource) {
          stats.reused++;
          const record = file.kept as StoredRecord;
          return reuse(file, record, record.digest, file.stamp);
        }
        // A file the reader found with notes (invalid UTF-8) is read again next time, notes and all.
        const stamp = file.notes
          ? ''
          : ((file instanceof UnreadSource ? file.stamp : stamps.get(file.path)) ?? '');
        const record = saved?.get(file.path);
        const seen = previous.get(file.path);
        if (seen && seen.source.text === file.text) {
          stats.reused++;
          kept.set(file.path, { ...seen, stamp });
          return seen.outcome;
        }
        const digest = record ? textDigest(file.text) : undefined;
        if (record && record.digest === digest) {
          stats.reused++;
          return reuse(file, record, digest, stamp);
        }
        stats.checked++;
        const outcome = validateEntryFile(file, env);
        if (!outcome.usedGit)
          kept.set(file.path, { source: file, ...(digest ? { digest } : {}), outcome, stamp });
        return outcome;
      };
    },
    save() {
      const file = options.file;
      if (!file || !environment || environment.schema !== TermFrontMatterSchema) return;
      // Nothing to write when the file holds these outcomes and stamps already: entries dated
      // from git are checked on every run, and rewriting 80 MB for them would cost a second at
      // 100,000 entries. Told by counting, before any outcome is looked at again: making 100,000
      // of them plain data to compare cost 1-2 s, and asking each whether it can be 1 s.
      let same = stored?.environment === environment.key;
      let fromDisk = 0;
      for (const entry of kept.values()) {
        if (!same) break;
        if (entry.record) {
          fromDisk++;
          same = entry.record.stamp === entry.stamp;
        } else same = !isStorable(entry.source.text, entry.outcome);
      }
      if (same && fromDisk === stored?.records.size) return;
      const header: StoredHeader = { code: file.code, environment: environment.key };
      const lines = [JSON.stringify(header)];
      for (const [path, entry] of kept) {
        const { record, stamp } = entry;
        if (record) {
          lines.push(
            record.stamp === stamp ? record.line : formatRecord(path, stamp, record.digest, record.json),
          );
        } else if (isStorable(entry.source.text, entry.outcome)) {
          // Worked out for the mentions' keys too (see `digestOf` above).
          const digest = (entry.digest ??= textDigest(entry.source.text));
          const json = JSON.stringify(storable(entry.source.text, entry.outcome));
          lines.push(formatRecord(path, stamp, digest, json));
        }
      }
      mkdirSync(dirname(file.path), { recursive: true });
      const temporary = `${file.path}.${process.pid}.tmp`;
      writeFileSync(temporary, `${lines.join('\n')}\n`);
      renameSync(temporary, file.path);
    },
  };

  /** A file's outcome taken from its line in the cache's file. */
  function reuse(
    file: Pick<SourceFile, 'path' | 'text'>,
    record: StoredRecord,
    digest: string,
    stamp: string,
  ): EntryValidation {
    const outcome = revive(file, JSON.parse(record.json));
    kept.set(file.path, { source: file, digest, outcome, record, stamp });
    return outcome;
  }
}

/** Everything but the schema (compared by identity) that a file's outcome depends on. */
export function environmentKey(env: Pick<EntryEnvironment, 'site' | 'publicFiles'>): string {
  return `${JSON.stringify(env.site)}\n${[...(env.publicFiles ?? [])].join('\n')}`;
}

/**
 * The cache file's outcomes for `file`'s code; none when it is missing, damaged or of other
 * code, since the cache only ever saves time and never changes an answer.
 */
function readStored(
  file: ValidationCacheFile,
): (StoredHeader & { records: Map<string, StoredRecord> }) | undefined {
  try {
    const lines = readFileSync(file.path, 'utf8').split('\n');
    const header = JSON.parse(lines[0] ?? '') as Partial<StoredHeader>;
    if (header.code !== file.code || typeof header.environment !== 'string') return undefined;
    return { code: header.code, environment: header.environment, records: parseRecords(lines.slice(1)) };
  } catch {
    return undefined;
  }
}

/**
 * The digest of the code a file's outcome comes from: every module under src/lib/ (the checks
 * reach into entries, Markdown and site modules) and the installed versions of the packages they
 * parse with (zod, the YAML parsers, Temml, Sätteri). Any change to either starts the cache afresh.
 */
export function validationCodeDigest(): string {
  const hash = createHash('sha256');
  const lib = join(import.meta.dirname, '..');
  const modules = readdirSync(lib, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .sort();
  for (const name of modules)
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(join(lib, name)));
  for (const name of PARSING_PACKAGES) hash.update(name).update('\0').update(installedVersion(name));
  return hash.digest('hex');
}

/** The packages whose version can change a file's outcome. */
const PARSING_PACKAGES = ['js-yaml', 'yaml', 'zod', 'temml', 'satteri', 'github-slugger'];

/**
 * The cache file of the glossary at `siteDir` inside the cache folder `cacheRoot`, one a
 * glossary folder, beside the mention cache's (see mention-cache.ts).
 */
export function validationCacheFile(cacheRoot: string, siteDir: string): string {
  const key = createHash('sha256').update(siteDir).digest('hex').slice(0, 12);
  return join(cacheRoot, `check-content-${key}-entries.json`);
}
