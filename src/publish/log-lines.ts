import { relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

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

// Astro prints one line per written file; at 10,000 entries that is 10,000 lines nobody reads.
const ROUTE_LINE = /^\s*\S*\s*[├└]─ /;
// With concurrent rendering, Astro sometimes prints a route's timing without its route.
const STRAY_TIMING = /^\s*\(\+\d+(\.\d+)?m?s\)\s*$/;
// Internal notes of Glossa's own integrations, useful when debugging them, not to an editor.
const INTERNAL = [/\[glossa:content-store-from-disk\]/, /glossa-markdown-copies\.json/];
// Under "The glossary has N problems:", Astro adds where the loader threw; the list is the message.
const PROBLEM_LIST = /The glossary has \d+ problems?( \([^)]*\))?:/;
const TRACE_LINE = /^\s*(Location:|Stack trace:|at |\/|file:|[A-Za-z]:\\)/;
// A log line's text without Astro's leading time stamp, for noticing a repeated warning.
const TIME_STAMP = /^\d\d:\d\d:\d\d /;

/**
 * A filter for Astro's build log that keeps what an editor needs: phases, warnings, errors and
 * Glossa's own summary lines. It drops the per-file route lines (unless `verbose`), stray timing
 * fragments, internal notes (and the Markdown-copies bundle, which is not in the output), the
 * stack trace Astro prints under Glossa's problem list, and any warning already printed. Returns
 * `undefined` for a line to drop.
 */
export function quietBuildLog({ verbose = false } = {}): (line: string) => string | undefined {
  let inProblemList = false;
  const warned = new Set<string>();
  return (coloured) => {
    // Astro colours its log on a terminal and in CI; decisions are made on the plain text.
    const line = stripVTControlCharacters(coloured);
    if (PROBLEM_LIST.test(line)) {
      inProblemList = true;
      return coloured;
    }
    if (inProblemList) {
      if (TRACE_LINE.test(line)) return undefined;
      if (line.trim() === '' || !/^\s/.test(line)) inProblemList = false;
    }
    if (STRAY_TIMING.test(line) || INTERNAL.some((pattern) => pattern.test(line))) return undefined;
    if (!verbose && ROUTE_LINE.test(line)) return undefined;
    if (/\[WARN\]|\bwarn(ing)?\b/i.test(line)) {
      const text = line.replace(TIME_STAMP, '');
      if (warned.has(text)) return undefined;
      warned.add(text);
    }
    return coloured;
  };
}

/** The build's last line: "Built 98 pages (60 entries) into dist/ in 4.1 s". */
export function closingLine(pages: number, entries: number, outDir: string, seconds: number): string {
  const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  return `Built ${count(pages, 'page', 'pages')} (${count(entries, 'entry', 'entries')}) into ${outDir.replace(/\/?$/, '/')} in ${seconds.toFixed(1)} s`;
}
