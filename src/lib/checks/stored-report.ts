import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * What a run of `check:content` printed and how it exited. An editor runs the command again and
 * again with nothing changed (a pre-commit hook, an editor's save hook, CI on a branch whose
 * content did not move); at 100,000 entries even a run that reuses every file's outcome spends
 * about 10 s on the checks across entries and the advice, to print what it printed last time.
 */
export interface StoredReport {
  /** Everything the run wrote to standard output: advice, problems and the count. */
  output: string;
  exitCode: number;
}

/** The options of a run that change what it prints or how it exits. */
export interface ReportOptions {
  format: 'text' | 'json';
  strict: boolean;
}

/** What the report file holds: the reports of one state, one for each set of options run in it. */
interface ReportFile {
  state: string;
  reports: Record<string, StoredReport>;
}

/**
 * The state a report is made in, as one string: the digest of the code that made it and that of
 * the site folder's stamps (site-stamps.ts). A report is printed again only in the same state.
 */
export function reportState(code: string, site: string): string {
  return createHash('sha256').update(code).update('\0').update(site).digest('base64');
}

/** The key of a run's options within a state: `--format json` never replays a text report. */
function optionsKey(options: ReportOptions): string {
  return `${options.format}${options.strict ? ' strict' : ''}`;
}

/**
 * The report a run with `options` printed in `state`, from the report file's `text` (none when
 * there is no file); none when the file is damaged, of another state, or holds no such run.
 */
export function findReport(
  text: string | undefined,
  state: string,
  options: ReportOptions,
): StoredReport | undefined {
  const file = parseReportFile(text);
  if (file?.state !== state) return undefined;
  const report = file.reports[optionsKey(options)];
  return report && typeof report.output === 'string' && Number.isInteger(report.exitCode)
    ? { output: report.output, exitCode: report.exitCode }
    : undefined;
}

/**
 * The report file's text once `report` of a run with `options` in `state` is added to its `text`:
 * reports of other options stay while the state is the same, and go when it has moved on, since
 * they could never be printed again.
 */
export function addReport(
  text: string | undefined,
  state: string,
  options: ReportOptions,
  report: StoredReport,
): string {
  const file = parseReportFile(text);
  const reports = file?.state === state ? file.reports : {};
  const next: ReportFile = {
    state,
    reports: { ...reports, [optionsKey(options)]: { output: report.output, exitCode: report.exitCode } },
  };
  return `${JSON.stringify(next)}\n`;
}

function parseReportFile(text: string | undefined): ReportFile | undefined {
  if (text === undefined) return undefined;
  try {
    const file = JSON.parse(text) as Partial<ReportFile> | null;
    if (typeof file?.state !== 'string' || typeof file.reports !== 'object' || file.reports === null)
      return undefined;
    return { state: file.state, reports: file.reports };
  } catch {
    return undefined;
  }
}

/**
 * The report file of the glossary at `siteDir` inside the cache folder `cacheRoot`, beside the
 * validation and mention caches' (validation-cache.ts, mention-cache.ts).
 */
export function storedReportFile(cacheRoot: string, siteDir: string): string {
  const key = createHash('sha256').update(siteDir).digest('hex').slice(0, 12);
  return join(cacheRoot, `check-content-${key}-report.json`);
}

/** The report kept at `path` of a run with `options` in `state` (see `findReport`). */
export function loadStoredReport(
  path: string,
  state: string,
  options: ReportOptions,
): StoredReport | undefined {
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return findReport(text, state, options);
}

/**
 * Keeps `report` at `path` for the next run (see `addReport`), through a temporary file and a
 * rename, so a killed run leaves the old file, never half a report to print.
 */
export function saveStoredReport(
  path: string,
  state: string,
  options: ReportOptions,
  report: StoredReport,
): void {
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = undefined;
  }
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, addReport(text, state, options, report));
  renameSync(temporary, path);
}
