import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEntryFile, type PositionLookup } from '../entries/entry-file.ts';
import type { Term } from '../entries/term.ts';
import { TermFrontMatterSchema } from '../entries/term-schema.ts';
import type { Problem } from './problems.ts';
import type { BodyUrl } from '../markdown/body-urls.ts';
import type { UnclosedComment } from '../markdown/html-comments.ts';
import {
  validateEntryFile,
  type EntryEnvironment,
  type EntryFindings,
  type EntryValidation,
} from './validate-entry.ts';

/** Checks one file of the glossary a pass was started on. */
export type EntryValidator = (file: { path: string; text: string }) => EntryValidation;

/**
 * Why a cache: the live preview re-checks the glossary on every save, and checking one file
 * (YAML, zod, the body's formulas and limits) costs about 0.2 ms, 2 s at 10,000 entries, for an
 * edit that changed one of them. A file's outcome depends on its text and on the site around it
 * (config, schema, public files); git dates are read again on every check, so files that took a
 * date from git are never kept.
 *
 * `check:content` keeps the outcomes on disk between runs too (`file`): at 100,000 entries the
 * per-file checks are 9-13 s of a run that follows an edit of one or two files.
 */
export interface ValidationCache {
  /** Starts a check of the whole glossary: the outcomes kept from the last one are reused. */
  begin(env: EntryEnvironment): EntryValidator;
  /**
   * The digest of the text the last pass found at `path` (and of the code that read it), when it
   * kept that file's outcome: it
   * names the body as well as any digest of the body would (mention-cache.ts), and at 100,000
   * entries hashing every body once more cost half a second. Worked out on first use.
   */
  digestOf(path: string): string | undefined;
  /** How many files the last pass checked again, and how many it took from the cache. */
  readonly stats: { checked: number; reused: number };
  /**
   * Writes the last pass's outcomes to the cache's file, when it has one and they differ from
   * what the file held (through a temporary file and a rename, so a killed run leaves the old one).
   */
  save(): void;
}

/** Where a cache keeps its outcomes between processes, and the digest of the code they came from. */
export interface ValidationCacheFile {
  path: string;
  /** See `validationCodeDigest`: outcomes of other code are never reused. */
  code: string;
}

interface Kept {
  text: string;
  /** The text's digest, once worked out (see `digestOf`). */
  digest?: string;
  outcome: EntryValidation;
  /** True when the outcome was read from the cache's file, which therefore holds it already. */
  fromDisk?: boolean;
}

/** An outcome as the file stores it: plain data, the body left out (it is the file's tail). */
interface StoredOutcome {
  digest: string;
  problems: Problem[];
  slug?: string;
  term?: Omit<Term, 'body'>;
  /** Where the body starts in the file's text. */
  bodyStart?: number;
  overLimits?: boolean;
  findings?: StoredFindings;
}

/**
 * An outcome's findings for the checks across entries (validate-entry.ts), its empty lists left
 * out: most entries have no warning of their own, no link into the site and no open comment.
 */
interface StoredFindings {
  own?: Problem[];
  names: string[];
  urls?: BodyUrl[];
  unclosed?: UnclosedComment[];
}

/** What the cache file holds. */
interface StoredFile {
  code: string;
  /** The environment's key (site configuration and public files) the outcomes were found in. */
  environment: string;
  files: Record<string, StoredOutcome>;
}

/** A cache for the validator's per-file step, to keep across checks of one glossary (see above). */
export function createValidationCache(options: { file?: ValidationCacheFile } = {}): ValidationCache {
  // Only the last pass's files are kept, so a deleted or renamed file's outcome goes with it.
  let kept = new Map<string, Kept>();
  let environment: { schema: EntryEnvironment['schema']; key: string } | undefined;
  const stored = options.file ? readStored(options.file) : undefined;
  const stats = { checked: 0, reused: 0 };
  return {
    stats,
    digestOf(path) {
      const entry = kept.get(path);
      if (!entry) return undefined;
      // With the code's digest: how the body is cut from the text is code too.
      return `${options.file?.code ?? ''}:${(entry.digest ??= digestOf(entry.text))}`;
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
          ? stored.files
          : undefined;
      environment = { schema: env.schema, key };
      kept = new Map();
      stats.checked = 0;
      stats.reused = 0;
      return (file) => {
        const seen = previous.get(file.path);
        if (seen && seen.text === file.text) {
          stats.reused++;
          kept.set(file.path, seen);
          return seen.outcome;
        }
        const disk = saved && Object.hasOwn(saved, file.path) ? saved[file.path] : undefined;
        const digest = disk ? digestOf(file.text) : undefined;
        if (disk && disk.digest === digest) {
          stats.reused++;
          const outcome = revive(file, disk);
          kept.set(file.path, { text: file.text, digest, outcome, fromDisk: true });
          return outcome;
        }
        stats.checked++;
        const outcome = validateEntryFile(file, env);
        if (!outcome.usedGit)
          kept.set(file.path, { text: file.text, ...(digest ? { digest } : {}), outcome });
        return outcome;
      };
    },
    save() {
      const file = options.file;
      if (!file || !environment || environment.schema !== TermFrontMatterSchema) return;
      // Nothing to write when the file holds these outcomes already: entries dated from git are
      // checked on every run, and rewriting 80 MB for them would cost a second at 100,000 entries.
      // Told by counting, before any outcome is looked at again: making 100,000 of them plain data
      // to compare cost 1-2 s, and asking each whether it can be (its body against its text) 1 s.
      let fromDisk = 0;
      const others: [string, Kept][] = [];
      for (const item of kept)
        if (item[1].fromDisk) fromDisk++;
        else others.push(item);
      const same =
        stored?.environment === environment.key &&
        fromDisk === Object.keys(stored.files).length &&
        !others.some(([, entry]) => isStorable(entry));
      if (same) return;
      const keep = [...kept].filter(([, entry]) => entry.fromDisk || isStorable(entry));
      const files: Record<string, StoredOutcome> = {};
      // Worked out for the mentions' keys too (see `digestOf` above).
      for (const [path, entry] of keep) {
        entry.digest ??= digestOf(entry.text);
        files[path] = storable(entry);
      }
      mkdirSync(dirname(file.path), { recursive: true });
      const temporary = `${file.path}.${process.pid}.tmp`;
      const content: StoredFile = { code: file.code, environment: environment.key, files };
      writeFileSync(temporary, JSON.stringify(content));
      renameSync(temporary, file.path);
    },
  };
}

/** Everything but the schema (compared by identity) that a file's outcome depends on. */
function environmentKey(env: EntryEnvironment): string {
  return `${JSON.stringify(env.site)}\n${[...(env.publicFiles ?? [])].join('\n')}`;
}

function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/**
 * The cache file's outcomes for `file`'s code; none when it is missing, damaged or of other
 * code, since the cache only ever saves time and never changes an answer.
 */
function readStored(file: ValidationCacheFile): StoredFile | undefined {
  try {
    const stored = JSON.parse(readFileSync(file.path, 'utf8')) as StoredFile;
    if (stored.code !== file.code || typeof stored.files !== 'object' || stored.files === null)
      return undefined;
    return stored;
  } catch {
    return undefined;
  }
}

/**
 * Whether an outcome can be plain data: not a term with site fields (their values may not survive
 * JSON), nor a file whose text is not its body's own tail (a byte order mark or CRLF line endings,
 * which the body has normalized away).
 */
function isStorable({ text, outcome: { term } }: Kept): boolean {
  return !term || (term.fields === undefined && text.endsWith(term.body) && !/^\uFEFF|\r/.test(text));
}

/** An outcome as plain data (one `isStorable` accepts). */
function storable({ text, digest = digestOf(text), outcome }: Kept): StoredOutcome {
  const { problems, slug, term, overLimits, findings } = outcome;
  if (!term) return { digest, problems, ...(slug === undefined ? {} : { slug }) };
  const { body, ...rest } = term;
  return {
    digest,
    problems,
    ...(slug === undefined ? {} : { slug }),
    term: rest,
    bodyStart: text.length - body.length,
    ...(overLimits ? { overLimits } : {}),
    ...(findings ? { findings: storedFindings(findings) } : {}),
  };
}

function storedFindings({ warnings, links }: EntryFindings): StoredFindings {
  return {
    ...(warnings.own.length > 0 ? { own: warnings.own } : {}),
    names: warnings.fingerprints,
    ...(links.urls.length > 0 ? { urls: links.urls } : {}),
    ...(links.unclosed.length > 0 ? { unclosed: links.unclosed } : {}),
  };
}

function revivedFindings(stored: StoredFindings): EntryFindings {
  return {
    warnings: { own: stored.own ?? [], fingerprints: stored.names },
    links: { urls: stored.urls ?? [], unclosed: stored.unclosed ?? [] },
  };
}

/** An outcome read from disk, made whole again from the file's text. */
function revive(file: { path: string; text: string }, stored: StoredOutcome): EntryValidation {
  const outcome: EntryValidation = { problems: stored.problems, usedGit: false };
  if (stored.slug !== undefined) outcome.slug = stored.slug;
  if (stored.overLimits) outcome.overLimits = true;
  if (stored.findings) outcome.findings = revivedFindings(stored.findings);
  if (stored.term) {
    outcome.term = { ...stored.term, body: file.text.slice(stored.bodyStart) } as Term;
    // Positions are wanted only for a problem, so the front matter is read again only then.
    let lookup: PositionLookup | undefined;
    outcome.positionOf = (field) =>
      (lookup ??= parseEntryFile(file.path, file.text).entry?.positionOf ?? (() => undefined))(field);
  }
  return outcome;
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
  for (const name of PARSING_PACKAGES) hash.update(name).update('\0').update(packageVersion(name));
  return hash.digest('hex');
}

/** The packages whose version can change a file's outcome. */
const PARSING_PACKAGES = ['js-yaml', 'yaml', 'zod', 'temml', 'satteri', 'github-slugger'];

/**
 * The installed version of a package, from the nearest package.json above its entry point that
 * names it (not every package exports its package.json).
 */
function packageVersion(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.resolve(name)));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === name) return manifest.version ?? '';
    } catch {
      // No package.json here: look one folder up.
    }
    const parent = dirname(dir);
    if (parent === dir) return '';
    dir = parent;
  }
}

/**
 * The cache file of the glossary at `siteDir` inside the cache folder `cacheRoot`, one a
 * glossary folder, beside the mention cache's (see mention-cache.ts).
 */
export function validationCacheFile(cacheRoot: string, siteDir: string): string {
  const key = createHash('sha256').update(siteDir).digest('hex').slice(0, 12);
  return join(cacheRoot, `check-content-${key}-entries.json`);
}
