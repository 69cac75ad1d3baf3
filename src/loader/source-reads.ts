import { lstatSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { SourceFile } from '../lib/checks/validate-glossary.ts';
import {
  readPublicFiles,
  readSourceFile,
  readSourceFiles,
  type SourceFileSystem,
} from '../lib/entries/read-glossary.ts';

/** What a live-preview sync reads: the entries' files and the public files. */
export interface SourcesRead {
  files: SourceFile[];
  publicFiles: ReadonlySet<string>;
  /** True when they are what the last sync that succeeded read, and nothing else changed since. */
  unchanged: boolean;
}

/** The live preview's reads of the glossary's files, kept between syncs (see createSourceReads). */
export interface SourceReads {
  /** What `readSourceFiles` reads through: files the watcher reported no change to come from memory. */
  fs: SourceFileSystem;
  /**
   * Told of each file event under the glossary (absolute `path`; a file, or a folder and all it
   * holds): what was read of it is forgotten.
   */
  changed(path: string): void;
  /** Reads the glossary for a sync, from disk only what changed since the last one. */
  read(): Promise<SourcesRead>;
  /** Records what a sync that succeeded read, or (with nothing) that it failed. */
  settle(read?: SourcesRead): void;
  /** How many files the last sync read from disk, and how many it took from memory. */
  readonly stats: { read: number; reused: number };
}

/**
 * Why: a live-preview save changes one file, but the sync read all of them again, 0.3-0.4 s at
 * 10,000 entries on a loaded machine (and twice, since an editor's save is often two file events).
 * The loader tells these reads of every file event under the glossary, so a file is read from disk
 * again only when the watcher saw it change. The folders are still listed on every sync, so
 * what is in `content/` (and every note `readSourceFiles` makes about it) stays exactly what a
 * full read gives. A file reached through a symbolic link is always read from disk: the watcher
 * names the link's target when it changes, not the path read.
 *
 * Listing the folders and decoding 10,000 kept files still took 0.2-0.4 s, so a sync after
 * nothing but entries saved, added or deleted (plain `.md` files, not hidden, reached through no
 * symbolic link) reads just those and keeps the other files as the last good sync had them;
 * anything else (a public file, the config, another file under `content/`, a symbolic link
 * anywhere) reads the whole glossary as above.
 */
export function createSourceReads(
  siteDir: string,
  disk: SourceFileSystem = { readdirSync, readFileSync },
): SourceReads {
  const kept = new Map<string, Buffer>();
  // Folders entered through a symbolic link; found while listing, so never stale for long.
  const linked = new Set<string>();
  const stats = { read: 0, reused: 0 };
  const throughLink = (path: string) => {
    for (const link of linked) if (path === link || path.startsWith(`${link}${sep}`)) return true;
    return false;
  };
  const content = resolve(siteDir, 'content');
  let good: SourcesRead | undefined;
  let pending = { changed: new Set<string>(), whole: false, others: false };
  const fs: SourceFileSystem = {
    readdirSync(path, options) {
      const entries = disk.readdirSync(path, options);
      for (const entry of entries) if (entry.isSymbolicLink()) linked.add(`${path}${sep}${entry.name}`);
      return entries;
    },
    readFileSync(path) {
      const seen = kept.get(path);
      if (seen) {
        stats.reused++;
        return seen;
      }
      stats.read++;
      // A read that fails is not kept: the next sync tries again.
      const bytes = disk.readFileSync(path);
      if (!throughLink(path)) kept.set(path, bytes);
      return bytes;
    },
  };
  const sitePath = (path: string) => relative(siteDir, path).split(sep).join('/');
  let realContent: string | undefined;
  // Whether a new file's folder is where its path says, not reached through a symbolic link.
  const inPlace = (path: string) => {
    try {
      realContent ??= realpathSync(content);
      return realpathSync(dirname(path)) === resolve(realContent, relative(content, dirname(path)));
    } catch {
      return false;
    }
  };
  /**
   * The last good read with the entries at `paths` read again, added or dropped, in the order a
   * full read gives; undefined when only a full read can tell (a link, a file that cannot be
   * read, anything but a plain file). Adding or deleting an entry listed every folder and decoded
   * every kept file again before: 1-4 s at 50,000 entries.
   */
  const patched = (files: readonly SourceFile[], paths: ReadonlySet<string>): SourceFile[] | undefined => {
    const index = new Map(files.map((file, i) => [file.path, i]));
    const out = [...files];
    const added: SourceFile[] = [];
    const dropped = new Set<number>();
    for (const path of paths) {
      const shown = sitePath(path);
      const at = index.get(shown);
      let isFile: boolean;
      try {
        const stats = lstatSync(path);
        isFile = stats.isFile();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
        if (at !== undefined) dropped.add(at);
        continue;
      }
      if (!isFile || (at === undefined && !inPlace(path))) return undefined;
      const file = readSourceFile(siteDir, path, fs);
      // Gone or unreadable since: a full read says which, in its own words.
      if (file.unreadable) return undefined;
      if (at === undefined) added.push(file);
      else out[at] = file;
    }
    const kept = dropped.size > 0 ? out.filter((_, i) => !dropped.has(i)) : out;
    for (const file of added) kept.splice(sortedIndex(kept, file.path), 0, file);
    return kept;
  };
  return {
    stats,
    fs,
    // Whether an entry was added, changed or deleted is asked of the disk when it is read: events
    // come in bursts, and only the last state counts, so the event's kind is not needed.
    changed(path) {
      kept.delete(path);
      const inside = `${path}${sep}`;
      for (const file of kept.keys()) if (file.startsWith(inside)) kept.delete(file);
      if (!path.startsWith(`${content}${sep}`)) pending.others = true;
      // Hidden files and folders get a note of their own from a full read.
      else if (!path.endsWith('.md') || /(?:^|[\\/])\./.test(relative(content, path))) pending.whole = true;
      else pending.changed.add(path);
    },
    async read() {
      const { changed, whole, others } = pending;
      pending = { changed: new Set(), whole: false, others: false };
      stats.read = 0;
      stats.reused = 0;
      const last = good;
      const saved = last && !whole && !others && linked.size === 0 ? patched(last.files, changed) : undefined;
      if (last && saved) {
        return { files: saved, publicFiles: last.publicFiles, unchanged: sameSources(saved, last.files) };
      }
      const [files, publicFiles] = await Promise.all([
        readSourceFiles(siteDir, fs),
        readPublicFiles(siteDir),
      ]);
      const unchanged =
        last !== undefined &&
        !others &&
        sameSources(files, last.files) &&
        [...publicFiles].join('\n') === [...last.publicFiles].join('\n');
      return { files, publicFiles, unchanged };
    },
    settle(read) {
      good = read;
    },
  };
}

/** Where `path` goes among files sorted by path, as `readSourceFiles` sorts them. */
function sortedIndex(files: readonly SourceFile[], path: string): number {
  let low = 0;
  let high = files.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((files[middle] as SourceFile).path < path) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether two reads of the glossary found the same files with the same texts and notes. */
export function sameSources(a: readonly SourceFile[], b: readonly SourceFile[]): boolean {
  return (
    a.length === b.length &&
    a.every((file, i) => {
      const other = b[i] as SourceFile;
      return (
        file.path === other.path &&
        file.text === other.text &&
        file.unreadable === other.unreadable &&
        JSON.stringify(file.notes) === JSON.stringify(other.notes)
      );
    })
  );
}
