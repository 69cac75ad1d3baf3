import { readFileSync, readdirSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
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

/** How a file event changed a path: its content, or whether it is there at all. */
export type FileEvent = 'change' | 'add' | 'unlink';

/** The live preview's reads of the glossary's files, kept between syncs (see createSourceReads). */
export interface SourceReads {
  /** What `readSourceFiles` reads through: files the watcher reported no change to come from memory. */
  fs: SourceFileSystem;
  /**
   * Told of each file event under the glossary (absolute `path`; a file, or a folder and all it
   * holds): what was read of it is forgotten.
   */
  changed(path: string, event?: FileEvent): void;
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
 * nothing but changes to entries the last good sync read (an editor's save) reads just those and
 * keeps the other files as that sync had them; anything else (an entry added or deleted, a public
 * file, the config, a symbolic link anywhere) reads the whole glossary as above.
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
  return {
    stats,
    fs,
    changed(path, event = 'change') {
      kept.delete(path);
      const inside = `${path}${sep}`;
      for (const file of kept.keys()) if (file.startsWith(inside)) kept.delete(file);
      if (!path.startsWith(`${content}${sep}`)) pending.others = true;
      else if (event !== 'change' || !path.endsWith('.md')) pending.whole = true;
      else pending.changed.add(path);
    },
    async read() {
      const { changed, whole, others } = pending;
      pending = { changed: new Set(), whole: false, others: false };
      stats.read = 0;
      stats.reused = 0;
      const last = good;
      const known = new Set(last?.files.map((file) => file.path));
      const paths = [...changed].map(sitePath);
      if (last && !whole && !others && linked.size === 0 && paths.every((path) => known.has(path))) {
        const again = new Set(paths);
        const files = last.files.map((file) =>
          again.has(file.path) ? readSourceFile(siteDir, resolve(siteDir, file.path), fs) : file,
        );
        return { files, publicFiles: last.publicFiles, unchanged: sameSources(files, last.files) };
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
