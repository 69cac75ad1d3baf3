import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/**
 * Texts a build keeps for the next one, each under a name with the key of what it was made from:
 * a rebuild after one edit reuses the other 9,999 Markdown copies instead of writing them again
 * (about 2.4 s of a 10,000-entry rebuild), and llms.txt when no title or summary changed.
 */
export interface KeptTexts {
  /** The text kept under `name` for `key`, or undefined when there is none or its key differs. */
  get(name: string, key: string): string | undefined;
  /** Keeps `text` under `name` for `key`, for this build's `save()`. */
  set(name: string, key: string, text: string): void;
  /**
   * Writes what this build asked for or made, and only that: names it did not ask for (deleted
   * entries) are dropped. Nothing is written when every text was found as it was.
   */
  save(): void;
}

interface KeptFile {
  version: string;
  texts: Map<string, { key: string; text: string }>;
}

/**
 * The texts kept in `file` by a build whose code had the same `version` (a digest of the code and
 * the site configuration that made them): a file of another version, cut short or unreadable
 * counts as empty, and is replaced on `save()`.
 */
export function openKeptTexts(file: string, version: string): KeptTexts {
  const before = readKeptFile(file, version);
  const after = new Map<string, { key: string; text: string }>();
  let changed = false;
  return {
    get(name, key) {
      const kept = before.get(name);
      if (kept?.key !== key) return undefined;
      after.set(name, kept);
      return kept.text;
    },
    set(name, key, text) {
      after.set(name, { key, text });
      changed = true;
    },
    save() {
      if (!changed && after.size === before.size) return;
      mkdirSync(dirname(file), { recursive: true });
      // Written beside and renamed, so a build stopped halfway leaves the old file whole.
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, serialize({ version, texts: after } satisfies KeptFile));
      renameSync(partial, file);
    },
  };
}

function readKeptFile(file: string, version: string): Map<string, { key: string; text: string }> {
  try {
    const kept = deserialize(readFileSync(file)) as Partial<KeptFile> | null;
    return kept?.version === version && kept.texts instanceof Map ? kept.texts : new Map();
  } catch {
    return new Map();
  }
}

/** A short digest of `text`, for keys of what an output was made from. */
export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
