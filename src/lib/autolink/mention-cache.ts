import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { BodyMention } from './plan.ts';

/**
 * The body mentions `check:content` found on an earlier run, by a key that changes whenever
 * anything they depend on changes (see `findBodyMentions`). Reading every body with Sätteri and
 * matching it against every name was a third of the command's time at 10,000 entries; an editor
 * runs it after changing one or two files.
 */
export interface MentionCache {
  get(key: string): BodyMention[] | undefined;
  set(key: string, mentions: BodyMention[]): void;
  /**
   * The digest of an entry file's text when one was worked out already (the validation cache's,
   * `ValidationCache.digestOf`): a body's key then digests it rather than the whole body again.
   */
  digestOf?: ((file: string) => string | undefined) | undefined;
}

/**
 * What a body's mentions leave for the advice, which counts them and never shows their words:
 * one context for them all, so 1.2 million mentions at 100,000 entries are not 1.2 million more
 * objects to make and collect.
 */
export const NO_CONTEXT: BodyMention['context'] = Object.freeze({ before: '', text: '', after: '' });

/**
 * A body's mentions as the cache file stores them: one string, each mention its way (`l` for a
 * link, `n` for a name) and slug, separated by spaces (a slug holds none). At 100,000 entries a
 * list of three-item arrays each was a 55 MB file and 3.6 million strings to parse.
 */
type StoredMentions = string;

/** What the cache file holds. */
interface CacheFile {
  /** The code that found the mentions: another version of it may find others. */
  code: string;
  bodies: Record<string, StoredMentions>;
}

/** A cache kept in one JSON file, holding after `save()` only the bodies this run asked about. */
export interface MentionCacheFile extends MentionCache {
  /**
   * Writes the file (through a temporary file and a rename, so a killed run leaves the old one),
   * unless it would hold what it holds already.
   */
  save(): void;
}

/**
 * The cache file of the glossary at `siteDir` inside the cache folder `cacheRoot`: one file per
 * glossary folder, so two glossaries never share one.
 */
export function mentionCacheFile(cacheRoot: string, siteDir: string): string {
  const key = createHash('sha256').update(siteDir).digest('hex').slice(0, 12);
  return join(cacheRoot, `check-content-${key}.json`);
}

/**
 * The digest of the code that finds mentions: every module of src/lib/autolink/, the two it
 * imports from elsewhere (the Markdown features bodies are parsed with, the pages' addresses)
 * and the version of Sätteri, which parses the bodies. A change to any starts the cache afresh.
 */
export function mentionCodeDigest(): string {
  const hash = createHash('sha256');
  const here = import.meta.dirname;
  const modules = readdirSync(here)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => join(here, name));
  for (const path of [...modules, join(here, '../markdown/formulas.ts'), join(here, '../site/urls.ts')])
    hash.update(relative(here, path)).update('\0').update(readFileSync(path));
  // Its exports do not list package.json: it sits one folder above the entry point (dist/index.js).
  hash.update(readFileSync(new URL('../package.json', import.meta.resolve('satteri'))));
  return hash.digest('hex');
}

/**
 * Opens the cache file at `path` for the code of digest `code`. A missing, unreadable or
 * other-version file is an empty cache: it only ever saves time, never changes an answer.
 */
export function openMentionCache(path: string, code: string): MentionCacheFile {
  let stored: Record<string, StoredMentions> = {};
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
    if (file.code === code && typeof file.bodies === 'object' && file.bodies !== null) stored = file.bodies;
  } catch {
    // Absent or damaged: found again this run.
  }
  const used: Record<string, StoredMentions> = {};
  // Whether the file would hold anything else: a body found afresh, or a stored one not asked for.
  let found = false;
  return {
    get(key) {
      const list = stored[key];
      if (typeof list !== 'string') return undefined;
      used[key] = list;
      if (list === '') return [];
      return list.split(' ').map((item) => ({
        slug: item.slice(1),
        via: item[0] === 'l' ? 'link' : 'name',
        context: NO_CONTEXT,
      }));
    },
    set(key, mentions) {
      found = true;
      used[key] = mentions.map((m) => `${m.via === 'link' ? 'l' : 'n'}${m.slug}`).join(' ');
    },
    save() {
      // Writing 55 MB again at 100,000 entries took half a second of a run that changed nothing.
      if (!found && Object.keys(used).length === Object.keys(stored).length) return;
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ code, bodies: used } satisfies CacheFile));
      renameSync(temporary, path);
    },
  };
}
