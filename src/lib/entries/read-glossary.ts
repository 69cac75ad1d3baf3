import { isUtf8 } from 'node:buffer';
import { existsSync, readFileSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { glob } from 'tinyglobby';
import type { PublicSvg } from '../checks/public-files.ts';
import { SLUG_PATTERN } from './term-schema.ts';
import type { SourceFile, SourceNote } from '../checks/validate-glossary.ts';

/** Housekeeping files that tools drop into folders; skipping them needs no warning. */
const HOUSEKEEPING = new Set(['.DS_Store', '.gitkeep', '.keep', 'Thumbs.db', 'desktop.ini']);

/**
 * The two reads that can fail on a real disk (permissions, races). Tests pass their own to make a
 * file unreadable even when they run as root, where permissions never refuse anything.
 */
export interface SourceFileSystem {
  readdirSync: (path: string, options: { withFileTypes: true }) => Dirent[];
  readFileSync: (path: string) => Buffer;
  /** Asked first for each entry file: one a cache knows to be unchanged, left unread (validation-cache.ts). */
  unchanged?: ((path: string, shown: string) => SourceFile | undefined) | undefined;
}

const NODE_FS: SourceFileSystem = { readdirSync, readFileSync };

/**
 * Reads every Markdown file under `<siteDir>/content/`, at any depth (misplaced files are
 * reported by the validator rather than silently skipped). Sorted so output order never depends
 * on the file system.
 *
 * Nothing is dropped without a word: a file or folder that cannot be read, a symbolic link that
 * leads out of the site folder, a missing `content/` folder, invalid UTF-8, and files that are
 * not entries (`.MD`, `.markdown`, hidden files) each come back as a source with a note, which
 * the validator reports as an error or a warning naming the path.
 */
export async function readSourceFiles(
  siteDir: string,
  fs: SourceFileSystem = NODE_FS,
): Promise<SourceFile[]> {
  const content = join(siteDir, 'content');
  if (!existsSync(content)) {
    return [unread('content/', 'is missing', 'create content/<section>/<slug>.md files (see README)')];
  }
  const siteRoot = realpathSync(siteDir);
  const out: SourceFile[] = [];
  const seen = new Set<string>();
  // Synchronous on purpose: for 10,000 small files one readFileSync each is several times faster
  // than 10,000 concurrent promises queued on libuv's four-thread pool (measured: ~0.1 s vs ~0.8 s).
  // Paths by concatenation, a folder's names having no separator: joining and making relative
  // each of 100,000 paths took a third of a second.
  const walk = (dir: string, shownDir: string) => {
    let entries: Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      out.push(unread(`${shownDir}/`, `cannot be read (${reason(error)})`, PERMISSION_HINT));
      return;
    }
    for (const entry of entries) {
      const path = `${dir}${sep}${entry.name}`;
      const shown = `${shownDir}/${entry.name}`;
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(path);
          isDirectory = statSync(target).isDirectory();
        } catch (error) {
          out.push(unread(shown, `is a symbolic link that cannot be followed (${reason(error)})`, LINK_HINT));
          continue;
        }
        if (target !== siteRoot && !target.startsWith(`${siteRoot}${sep}`)) {
          out.push(unread(shown, `is a symbolic link to ${target}, outside the site folder`, LINK_HINT));
          continue;
        }
        // A link inside the site is followed once; a loop of links would otherwise never end.
        if (seen.has(target)) continue;
        seen.add(target);
      }
      if (entry.name.startsWith('.')) {
        if (!HOUSEKEEPING.has(entry.name)) {
          out.push(skipped(isDirectory ? `${shown}/` : shown, 'is hidden, so it is not read'));
        }
        continue;
      }
      if (isDirectory) {
        walk(path, shown);
      } else if (entry.name.endsWith('.md')) {
        out.push(readEntry(fs, path, shown));
      } else if (/\.(md|markdown|mdown|mkd)$/i.test(entry.name)) {
        out.push(skipped(shown, 'is not read: only files ending in .md (lowercase) are entries'));
      } else if (!HOUSEKEEPING.has(entry.name)) {
        out.push(
          skipped(shown, 'is not an entry, so it is not read', 'put images and downloads under public/'),
        );
      }
    }
  };
  walk(content, sitePath(siteDir, content));
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Reads one entry file (absolute `path`) as `readSourceFiles` reads each: for a caller that knows
 * which files changed since it read them all (the live preview's loader).
 */
export function readSourceFile(siteDir: string, path: string, fs: SourceFileSystem = NODE_FS): SourceFile {
  return readEntry(fs, path, sitePath(siteDir, path));
}

const PERMISSION_HINT = 'make it readable (chmod u+r), or move it out of content/';
const LINK_HINT = 'copy the file into the site folder instead of linking to it';

function readEntry(fs: SourceFileSystem, path: string, shown: string): SourceFile {
  const known = fs.unchanged?.(path, shown);
  if (known) return known;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path);
  } catch (error) {
    return unread(shown, `cannot be read (${reason(error)})`, PERMISSION_HINT);
  }
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return { path: shown, text };
  return { path: shown, text, notes: [invalidUtf8Note(bytes)] };
}

/** Points at the first line holding bytes that are not UTF-8 (they would show as �). */
function invalidUtf8Note(bytes: Buffer): SourceNote {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (!isUtf8(bytes.subarray(start, i))) break;
      line++;
      start = i + 1;
    }
  }
  return {
    field: 'file',
    message: 'is not valid UTF-8: the page would show � in place of some characters',
    hint: 'save the file as UTF-8 in your editor',
    severity: 'error',
    line,
  };
}

function sitePath(siteDir: string, path: string): string {
  return relative(siteDir, path).split(sep).join('/');
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it leads nowhere';
  if (code === 'ELOOP') return 'the links form a loop';
  return code ?? (error instanceof Error ? error.message : String(error));
}

function unread(path: string, message: string, hint: string): SourceFile {
  return {
    path,
    text: '',
    unreadable: true,
    notes: [{ field: 'file', message, hint, severity: 'error', line: 1 }],
  };
}

function skipped(path: string, message: string, hint = 'rename it to <slug>.md to publish it'): SourceFile {
  return {
    path,
    text: '',
    unreadable: true,
    notes: [{ field: 'file', message, hint, severity: 'warning', line: 1 }],
  };
}

/**
 * Lists every file under `<siteDir>/public/` as the site path it is served at (`/images/a.svg`),
 * so the pure validator can check `image.src` without touching the file system.
 */
export async function readPublicFiles(siteDir: string): Promise<Set<string>> {
  const paths = await glob('**/*', { cwd: `${siteDir}/public`, onlyFiles: true, dot: true });
  return new Set(paths.map((path) => `/${path}`));
}

/** Every SVG under `<siteDir>/public/` with its text, for the script checks of public-files.ts. */
export function readPublicSvgs(siteDir: string, publicFiles: ReadonlySet<string>): PublicSvg[] {
  return [...publicFiles]
    .filter((path) => path.toLowerCase().endsWith('.svg'))
    .map((path) => ({ path, text: readFileSync(join(siteDir, 'public', path), 'utf8') }));
}

/**
 * The section folders under `<siteDir>/content/` whose names can be sections (lowercase
 * kebab-case), sorted. Others are reported by validation; they never hold a published page.
 */
export function sectionFolders(siteDir: string): string[] {
  const content = join(siteDir, 'content');
  if (!existsSync(content)) return [];
  return readdirSync(content, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && SLUG_PATTERN.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}
