import { relative } from 'node:path';

/**
 * A function that rewrites one line of Astro's log so it names the output folder the site is
 * published to rather than the staging folder it is being built in: the staging folder is an
 * implementation detail that is renamed away (or deleted) before the user could open it.
 * Both spellings Astro and its integrations print are rewritten, absolute and relative to `cwd`.
 */
export function stagingPathRewriter(staging: string, outDir: string, cwd: string): (line: string) => string {
  const pairs: [string, string][] = [
    [staging, outDir],
    [relative(cwd, staging), relative(cwd, outDir) || '.'],
  ];
  return (line) => pairs.reduce((text, [from, to]) => text.replaceAll(from, to), line);
}

/** The first thing a build says, before Astro's quiet start: "Checking 10,000 entries…". */
export function startMessage(entries: number): string {
  return `Checking ${entries.toLocaleString('en')} ${entries === 1 ? 'entry' : 'entries'}…`;
}
