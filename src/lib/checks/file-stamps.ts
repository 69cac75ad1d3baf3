import { createHash } from 'node:crypto';
import { readFileSync, type Stats } from 'node:fs';
import type { SourceFile } from './validate-glossary.ts';

/**
 * What `stat` says of an entry file, as a string kept beside its outcome (validation-cache.ts):
 * when the file's stamp is the one kept, it is the file that was checked, and `check:content`
 * need not read it. At 100,000 entries reading and hashing every file was 2 s of a warm run, and
 * their 250 MB of text most of its garbage collection.
 *
 * Size, modification and change times, inode and device, as git's index compares them: a file
 * written again keeps none of them all, and a tool that restores the modification time (`cp -p`,
 * `rsync -t`) still moves the change time, which only the kernel sets.
 */
export type FileStamp = string;

/**
 * How recent a change makes a stamp untrusted, in milliseconds. A file changed within one tick
 * of its file system's clock (up to 2 s on FAT, 1 s on HFS+) can change again in the same tick
 * at the same size, and stat cannot tell the two texts apart (git's "racily clean" entries).
 * Such a file is read and hashed on the next run too, until its last change is older than this;
 * the margin covers a network file system whose clock runs a little ahead as well.
 */
export const RACY_MILLISECONDS = 3000;

/**
 * The stamp of a file from its `stats`, taken at `now` (milliseconds, the clock file times are
 * written with) before its text was read; none when the file changed too recently to be told
 * apart by stat from a later change (see `RACY_MILLISECONDS`).
 */
export function fileStamp(stats: Stats, now: number): FileStamp | undefined {
  if (Math.max(stats.mtimeMs, stats.ctimeMs) > now - RACY_MILLISECONDS) return undefined;
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}:${stats.dev}`;
}

/** The digest the validation cache keeps of an entry file's text. */
export function textDigest(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/**
 * An entry file whose stamp says it is unchanged, as a source whose text is read only when
 * something asks for it (the rare check that reads every body, or an outcome that cannot be
 * reused). The text read then must have the digest kept with the stamp: a file rewritten while
 * the check ran would otherwise be checked as one text and reported as another. It carries what
 * its cache kept of it (`kept`), so the cache need not look the file up a second time.
 */
export class UnreadSource<Kept> implements SourceFile {
  readonly path: string;
  readonly stamp: FileStamp;
  readonly kept: Kept;
  readonly #file: string;
  readonly #digest: string;
  #text: string | undefined;

  /** The file at `file` (absolute), shown as `path`, of the given stamp and text digest. */
  constructor(file: string, path: string, stamp: FileStamp, digest: string, kept: Kept) {
    this.#file = file;
    this.path = path;
    this.stamp = stamp;
    this.#digest = digest;
    this.kept = kept;
  }

  /** The file's text, read on first use. */
  get text(): string {
    if (this.#text === undefined) {
      const read = readFileSync(this.#file, 'utf8');
      if (textDigest(read) !== this.#digest)
        throw new Error(`${this.path} changed while check:content was reading the glossary: run it again`);
      this.#text = read;
    }
    return this.#text;
  }
}
