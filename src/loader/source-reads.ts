import { readFileSync, readdirSync } from 'node:fs';
import { sep } from 'node:path';
import type { SourceFile } from '../lib/checks/validate-glossary.ts';
import type { SourceFileSystem } from '../lib/entries/read-glossary.ts';

/** The live preview's reads of the glossary's files, kept between syncs (see createSourceReads). */
export interface SourceReads {
  /** What `readSourceFiles` reads through: files the watcher reported no change to come from memory. */
  fs: SourceFileSystem;
  /** Forgets what was read of `path` (absolute; a file, or a folder and all it holds). */
  changed(path: string): void;
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
 */
export function createSourceReads(disk: SourceFileSystem = { readdirSync, readFileSync }): SourceReads {
  const kept = new Map<string, Buffer>();
  // Folders entered through a symbolic link; found while listing, so never stale for long.
  const linked = new Set<string>();
  const stats = { read: 0, reused: 0 };
  const throughLink = (path: string) => {
    for (const link of linked) if (path === link || path.startsWith(`${link}${sep}`)) return true;
    return false;
  };
  return {
    stats,
    fs: {
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
    },
    changed(path) {
      kept.delete(path);
      const inside = `${path}${sep}`;
      for (const file of kept.keys()) if (file.startsWith(inside)) kept.delete(file);
    },
  };
}

/** Resets the read counts at the start of a sync. */
export function resetReadStats(reads: SourceReads): void {
  reads.stats.read = 0;
  reads.stats.reused = 0;
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
