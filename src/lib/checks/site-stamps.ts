import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_FILE } from '../entries/schema-extension.ts';
import { SITE_CONFIG_FILE } from '../site/site-files.ts';
import { fileStamp, type FileStamp } from './file-stamps.ts';

/** The files beside `content/` that `check:content` reads, or would read if they were there. */
const SITE_FILES = [SITE_CONFIG_FILE, SCHEMA_FILE];

/**
 * One digest of what stat says of every file `check:content` reads in the site folder: the
 * configuration and schema files, and every name under `content/` and `public/` with the stamp of
 * each file (file-stamps.ts). When it is the digest of the last run, no file was changed, added,
 * removed or renamed since, and that run's report still stands (stored-report.ts); at 100,000
 * entries telling so by stat is a fraction of a second, where checking again is several seconds.
 *
 * None, so the glossary is checked for real, when stat cannot vouch for the folder: a file changed
 * within the last seconds (`RACY_MILLISECONDS`), a symbolic link (its target may change without
 * the link changing), a folder that cannot be listed. `now` is the clock stamps are judged by,
 * read before any stat. Each file's stamp goes into `stamps` as well, by site path, when given:
 * a run that checks for real hands them to the validation cache rather than stat every entry
 * file a second time (0.6 s at 100,000 entries). The folders are walked to the end even when the
 * digest is lost, so a file just saved (the usual run: an editor saves, then checks) leaves out
 * its own stamp alone, not those of every file listed after it.
 */
export function stampSite(siteDir: string, now: number, stamps?: Map<string, FileStamp>): string | undefined {
  const lines: string[] = [];
  let vouched = true;
  for (const name of SITE_FILES) {
    const stats = statSync(join(siteDir, name), { throwIfNoEntry: false });
    if (!stats) {
      lines.push(`-\t${name}`);
      continue;
    }
    const stamp = stats.isFile() ? fileStamp(stats, now) : undefined;
    if (!stamp) vouched = false;
    lines.push(`f\t${name}\t${stamp}`);
  }
  // Hidden folders under content/ are reported by name and never read, so their files do not count.
  if (!stampFolder(siteDir, 'content', now, lines, false, stamps)) vouched = false;
  // public/ only while the digest can still stand: its files' stamps go nowhere else.
  if (!vouched || !stampFolder(siteDir, 'public', now, lines, true)) return undefined;
  return createHash('sha256').update(lines.join('\n')).digest('base64');
}

/**
 * Adds a line for the folder at `path` (relative to `siteDir`) and one for each name under it to
 * `lines`, in name order; false when stat cannot vouch for one of them (see `stampSite`), after
 * stamping all the others.
 *
 * Names, then one lstat a name: at 100,000 entries listing with file types made as many Dirent
 * objects for a second look at each name (the lstat is needed anyway, for its stamp), and
 * `path.join` normalizing every path cost a quarter of a second.
 */
function stampFolder(
  siteDir: string,
  path: string,
  now: number,
  lines: string[],
  hidden: boolean,
  stamps?: Map<string, FileStamp>,
): boolean {
  const folder = `${siteDir}/${path}`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return false;
    lines.push(`-\t${path}/`);
    return true;
  }
  lines.push(`d\t${path}/`);
  // The order a folder lists its names in is the file system's, and may change with no name changing.
  names.sort();
  let vouched = true;
  for (const name of names) {
    const child = `${path}/${name}`;
    const stats = lstatSync(`${folder}/${name}`, { throwIfNoEntry: false });
    if (!stats || stats.isSymbolicLink()) {
      vouched = false;
      continue;
    }
    if (stats.isDirectory()) {
      if (!hidden && name.startsWith('.')) lines.push(`h\t${child}/`);
      else if (!stampFolder(siteDir, child, now, lines, hidden, stamps)) vouched = false;
      continue;
    }
    const stamp = stats.isFile() ? fileStamp(stats, now) : undefined;
    if (!stamp) {
      vouched = false;
      continue;
    }
    lines.push(`f\t${child}\t${stamp}`);
    stamps?.set(child, stamp);
  }
  return vouched;
}
