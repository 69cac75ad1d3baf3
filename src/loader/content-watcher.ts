import { readdirSync, statSync, watch, type FSWatcher, type Stats } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

/** What happened to a path under the watched folder. */
export type TreeEvent = 'add' | 'change' | 'unlink';

/** A running watch; `close` stops it and every folder watch under it. */
export interface TreeWatcher {
  close(): void;
  /** The folders being watched, one file-system watch each (for tests and diagnostics). */
  readonly folders: number;
}

/**
 * Watches a folder and every folder under it, one file-system watch a folder, and reports each
 * file added, changed or deleted under it, and each file under a folder added or deleted.
 *
 * Why not the dev server's watcher: Vite's chokidar lists a folder again after any event in it,
 * and stats every entry it finds, so each save in a 50,000-entry glossary kept the event loop busy
 * for 1.2 s with 50,000 `lstat` calls (measured in a profile of `astro dev`), before the page
 * could reload; and it watches every file on its own. Here an event names the one entry that
 * changed, and costs one `stat`. Symbolic links to folders are followed (each real folder once).
 * A folder event with no name, which some file systems send, is reported as a change to the
 * folder itself: the caller reads it all again.
 */
export function watchTree(root: string, onEvent: (path: string, event: TreeEvent) => void): TreeWatcher {
  const folders = new Map<string, FSWatcher>();
  const files = new Set<string>();
  // Each watched folder's device and inode, so a link back up the tree is not followed for ever.
  const real = new Map<string, string>();
  let closed = false;

  const statOf = (path: string): Stats | undefined => {
    try {
      return statSync(path);
    } catch {
      return undefined;
    }
  };

  const forget = (path: string) => {
    const inside = `${path}${sep}`;
    for (const [folder, watcher] of folders) {
      if (folder === path || folder.startsWith(inside)) {
        watcher.close();
        folders.delete(folder);
        real.delete(folder);
      }
    }
    for (const file of files) {
      if (file.startsWith(inside)) {
        files.delete(file);
        onEvent(file, 'unlink');
      }
    }
  };

  const seen = (path: string, reportAdds: boolean) => {
    const stats = statOf(path);
    if (!stats) {
      if (files.delete(path)) onEvent(path, 'unlink');
      else forget(path);
    } else if (stats.isDirectory()) {
      watchFolder(path, reportAdds);
    } else if (files.has(path)) {
      onEvent(path, 'change');
    } else {
      files.add(path);
      if (reportAdds) onEvent(path, 'add');
    }
  };

  const watchFolder = (folder: string, reportAdds: boolean) => {
    if (closed || folders.has(folder)) return;
    const stats = statOf(folder);
    const identity = stats ? `${stats.dev}:${stats.ino}` : undefined;
    if (!identity || [...real.values()].includes(identity)) return;
    let watcher: FSWatcher;
    try {
      // Watched before it is listed: a file created in between is reported by one or the other.
      watcher = watch(folder, { persistent: false }, (_type, name) => {
        if (closed) return;
        if (name === null) onEvent(folder, 'change');
        else seen(join(folder, name.toString()), true);
      });
    } catch {
      return;
    }
    // A folder deleted under its watch: its parent's watch reports the files gone.
    watcher.on('error', () => {
      watcher.close();
      if (folders.get(folder) === watcher) folders.delete(folder);
    });
    folders.set(folder, watcher);
    real.set(folder, identity);
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) seen(join(folder, name), reportAdds);
  };

  // The root's parent is watched for the root alone: a content folder created, deleted or
  // replaced after the watch began is picked up like any other.
  const name = basename(root);
  let parent: FSWatcher | undefined;
  try {
    parent = watch(dirname(root), { persistent: false }, (_type, changed) => {
      if (closed || (changed !== null && changed.toString() !== name)) return;
      if (statOf(root)?.isDirectory()) watchFolder(root, true);
      else forget(root);
    });
    parent.on('error', () => parent?.close());
  } catch {
    // No parent to watch: the root alone is.
  }
  watchFolder(root, false);

  return {
    close() {
      closed = true;
      parent?.close();
      for (const watcher of folders.values()) watcher.close();
      folders.clear();
      files.clear();
    },
    get folders() {
      return folders.size;
    },
  };
}
