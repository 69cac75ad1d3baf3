import { spawnSync } from 'node:child_process';

/** When a file was first and last committed, as ISO 8601 date-times with offset. */
export interface FileDates {
  published: string;
  /** Set only when a later commit than the first touched the file. */
  updated?: string;
}

/** What git says about the dates of a glossary's entries. */
export interface GitDates {
  /** Dates by site path (`content/<section>/<slug>.md`) of every committed entry. */
  files: ReadonlyMap<string, FileDates>;
  /** The date an entry that is not committed yet counts as published on (today, UTC). */
  today: string;
  /** A shallow clone holds only recent commits, so its "first commit" dates are wrong. */
  shallow: boolean;
}

/**
 * Reads the history of `<siteDir>/content/` in one `git log` pass: the newest commit naming a
 * file is its last revision, the oldest its publication. One pass, not `git log` per file, since
 * at 10,000 entries 10,000 processes take minutes. Committer dates, so a given commit always
 * gives the same dates. Undefined when the site folder is not in a git work tree (or git is not
 * installed).
 */
export function readGitDates(siteDir: string, now = new Date()): GitDates | undefined {
  const git = (args: readonly string[]) =>
    spawnSync('git', ['-C', siteDir, '-c', 'core.quotePath=false', ...args], {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
    });
  const inside = git(['rev-parse', '--is-inside-work-tree']);
  if (inside.error || inside.status !== 0 || inside.stdout.trim() !== 'true') return undefined;
  const shallow = git(['rev-parse', '--is-shallow-repository']).stdout.trim() === 'true';
  // A repository without commits has no HEAD, and log fails: every entry is then new.
  const log = git(['log', '--format=%x00%cI', '--name-only', '--relative', '--no-renames', '--', 'content']);
  return {
    files: log.status === 0 ? parseGitLog(log.stdout) : new Map(),
    today: now.toISOString().slice(0, 10),
    shallow,
  };
}

/**
 * Turns `git log --format=%x00%cI --name-only` output (newest commit first) into each file's
 * first and last commit date.
 */
export function parseGitLog(output: string): Map<string, FileDates> {
  const files = new Map<string, FileDates>();
  for (const commit of output.split('\0')) {
    const [date, ...names] = commit.split('\n');
    if (!date) continue;
    for (const name of names) {
      if (!name.endsWith('.md')) continue;
      const seen = files.get(name);
      // Newest first: the first sighting is the last revision, each later one an earlier commit.
      if (!seen) files.set(name, { published: date });
      else files.set(name, { published: date, updated: seen.updated ?? seen.published });
    }
  }
  return files;
}
