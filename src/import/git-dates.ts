/**
 * Dates from git history for source files that have none in their front matter: the first commit
 * that touched a file is its publication, the last its update. One `git log` for the whole
 * folder, so a glossary of thousands of files costs one process.
 */
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

/** First and last commit day (`YYYY-MM-DD`) of a file. */
export interface FileDates {
  published: string;
  updated: string;
}

/**
 * The commit days of every file under `dir` that git knows, by absolute path. Empty when `dir`
 * is not in a git repository or git is not installed: the caller then asks for `--date`.
 */
export function readGitDates(dir: string): Map<string, FileDates> {
  const dates = new Map<string, FileDates>();
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
  if (top.status !== 0) return dates;
  const root = realpathSync(top.stdout.trim());
  // Newest first; a line "@day" starts each commit, then the files it touched.
  const log = spawnSync('git', ['log', '--format=@%as', '--name-only', '--no-renames', '--', '.'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (log.status !== 0) return dates;
  let day = '';
  for (const line of log.stdout.split('\n')) {
    if (line.startsWith('@')) day = line.slice(1);
    else if (line.trim() && day) {
      const path = resolve(root, line);
      const known = dates.get(path);
      if (known) known.published = day;
      else dates.set(path, { published: day, updated: day });
    }
  }
  return dates;
}
