import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkGlossary, type GlossaryCheck } from '../lib/checks/check-glossary.ts';
import type { CheckSnapshot, SnapshotEntry } from '../lib/checks/check-snapshot.ts';
import { UnreadSource, fileStamp, type FileStamp } from '../lib/checks/file-stamps.ts';
import { NeedsFullCheck } from '../lib/checks/kept-term.ts';
import { recheckGlossary, type Recheck } from '../lib/checks/recheck-glossary.ts';
import { readGitDates } from '../lib/entries/git-dates.ts';
import { SCHEMA_FILE, loadSchemaExtension } from '../lib/entries/schema-extension.ts';
import { GlossaryError, failingProblems, formatProblem, type Problem } from '../lib/checks/problems.ts';
import { readPublicFiles, readPublicSvgs, readSourceFiles } from '../lib/entries/read-glossary.ts';
import { SITE_CONFIG_FILE, loadSiteConfig } from '../lib/site/site-config.ts';
import type { SourceFile } from '../lib/checks/validate-glossary.ts';
import { environmentKey, type ValidationCache } from '../lib/checks/validation-cache.ts';

/** Everything `check:content` found in a site folder. */
export interface SiteCheck {
  /** Errors first, then warnings, each group by file and line. */
  problems: Problem[];
  /** How many entry files were read. */
  files: number;
  /** The validated glossary, when the site configuration could be read. */
  validation: GlossaryCheck | undefined;
  sources: SourceFile[];
  /** Whether the site's configuration says warnings fail (`strict: true`). */
  strict: boolean;
  /**
   * Whether the report depends on the site folder's files alone, so it may be printed again while
   * none of them changes (stored-report.ts): not when an entry took its date from git, whose
   * history moves without a file changing, nor with a site schema (glossa.schema.ts), which may
   * import any module.
   */
  replayable: boolean;
  /** What each file's outcome depends on besides its text (validation-cache.ts), once the configuration is read. */
  environment?: string;
}

/**
 * Checks a whole site folder exactly as the build does (same validator, same public files),
 * then adds the editorial warnings. A broken `glossa.config.yaml` is reported as problems too.
 * With a `cache`, files whose outcome it kept are not checked again (see validation-cache.ts).
 */
export async function checkSite(
  siteDir: string,
  options: { cache?: ValidationCache | undefined } = {},
): Promise<SiteCheck> {
  const [sources, publicFiles] = await Promise.all([
    readSourceFiles(siteDir, { readdirSync, readFileSync, unchanged: options.cache?.unchanged }),
    readPublicFiles(siteDir),
  ]);
  // A site schema may import any module, so a report made with one is never printed again.
  const replayable = !existsSync(join(siteDir, SCHEMA_FILE));
  let site;
  let extend;
  try {
    site = loadSiteConfig(siteDir);
    extend = await loadSchemaExtension(siteDir).catch((cause: unknown) => {
      throw new GlossaryError([
        {
          file: SCHEMA_FILE,
          field: '(file)',
          message: cause instanceof Error ? cause.message : String(cause),
          severity: 'error',
        },
      ]);
    });
  } catch (error) {
    const problems: Problem[] =
      error instanceof GlossaryError
        ? [...error.problems]
        : [
            {
              file: SITE_CONFIG_FILE,
              field: '(file)',
              message: error instanceof Error ? error.message : String(error),
              severity: 'error',
            },
          ];
    return {
      problems,
      files: countEntryFiles(sources),
      validation: undefined,
      sources,
      strict: false,
      replayable,
    };
  }
  let usedGit = false;
  const validation = checkGlossary(sources, site, {
    publicFiles,
    publicSvgs: readPublicSvgs(siteDir, publicFiles),
    gitDates: () => {
      usedGit = true;
      return readGitDates(siteDir);
    },
    extend,
    cache: options.cache,
  });
  return {
    problems: validation.problems,
    files: countEntryFiles(sources),
    validation,
    sources,
    strict: site.strict,
    replayable: replayable && !usedGit,
    environment: environmentKey({ site, publicFiles }),
  };
}

/**
 * Checks a site folder from the snapshot of an earlier check (check-snapshot.ts): the entry files
 * whose stamp (`stamps`, taken as the run began, see site-stamps.ts) is the snapshot's are not
 * read, and only what the others change is worked out again (recheck-glossary.ts). None when the
 * snapshot cannot stand for the glossary: the site configuration or public files changed, the
 * configuration cannot be read, the site has its own schema, or a rule needs more than the
 * snapshot holds (`NeedsFullCheck`); `checkSite` then checks it in full, to the same report.
 */
export async function recheckSite(
  siteDir: string,
  snapshot: CheckSnapshot,
  options: {
    stamps: ReadonlyMap<string, FileStamp>;
    now?: () => number;
    /** Told why the snapshot could not stand for the glossary, when it could not. */
    onFullCheck?: (reason: string) => void;
  },
): Promise<{ check: SiteCheck; recheck: Recheck } | undefined> {
  const { now = Date.now, onFullCheck = () => {} } = options;
  if (existsSync(join(siteDir, SCHEMA_FILE))) {
    onFullCheck('the site has its own schema');
    return undefined;
  }
  const previous = new Map<string, SnapshotEntry>(snapshot.entries.map((entry) => [entry.path, entry]));
  // The stamps of the files read this run, each taken before the file was read.
  const stamps = new Map<string, FileStamp>();
  const unchanged = (path: string, shown: string): SourceFile | undefined => {
    let stamp = options.stamps.get(shown);
    if (stamp === undefined) {
      const time = now();
      const stats = statSync(path, { throwIfNoEntry: false });
      stamp = stats && fileStamp(stats, time);
      if (!stamp) return undefined;
    }
    const entry = previous.get(shown);
    if (entry?.stamp === stamp) return new UnreadSource(path, shown, stamp, entry.digest, entry);
    stamps.set(shown, stamp);
    return undefined;
  };
  const [sources, publicFiles] = await Promise.all([
    readSourceFiles(siteDir, { readdirSync, readFileSync, unchanged }),
    readPublicFiles(siteDir),
  ]);
  let site;
  try {
    site = loadSiteConfig(siteDir);
  } catch {
    onFullCheck('the site configuration cannot be read');
    return undefined;
  }
  if (environmentKey({ site, publicFiles }) !== snapshot.environment) {
    onFullCheck('the site configuration or public files changed');
    return undefined;
  }
  let recheck: Recheck;
  try {
    recheck = recheckGlossary(sources, snapshot, site, {
      publicFiles,
      publicSvgs: readPublicSvgs(siteDir, publicFiles),
      stampOf: (path) => stamps.get(path),
    });
  } catch (error) {
    if (!(error instanceof NeedsFullCheck)) throw error;
    onFullCheck(error.message);
    return undefined;
  }
  const check: SiteCheck = {
    problems: recheck.problems,
    files: countEntryFiles(sources),
    validation: {
      terms: [...recheck.terms],
      problems: recheck.problems,
      positions: recheck.positions,
      taxonomy: recheck.taxonomy,
    },
    sources,
    strict: site.strict,
    replayable: true,
    environment: snapshot.environment,
  };
  return { check, recheck };
}

/**
 * Whether a check fails: on any error, and on any warning when the site sets `strict: true` or
 * the command was given `--strict`. The build fails on exactly the same problems.
 */
export function checkFails(check: Pick<SiteCheck, 'problems' | 'strict'>, strictFlag = false): boolean {
  return failingProblems(check.problems, check.strict || strictFlag).length > 0;
}

/**
 * Entry files for the report's count: every file read, and every path that should have been an
 * entry but could not be read (so 61 files with one unreadable never reads "60 entry files").
 * Files skipped with a warning (`.markdown`, hidden files) are not entries.
 */
function countEntryFiles(sources: readonly SourceFile[]): number {
  return sources.filter(
    (s) => s.path !== 'content/' && !(s.unreadable && s.notes?.every((n) => n.severity === 'warning')),
  ).length;
}

/**
 * The human report: errors, then warnings, each line `path:line:column  field  message  (hint)` so
 * editors' tools can jump to it, then a count.
 */
export function formatTextReport(check: Pick<SiteCheck, 'problems' | 'files'>, strict = false): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const errors = check.problems.filter((p) => p.severity === 'error');
  const warnings = check.problems.filter((p) => p.severity === 'warning');
  const out: string[] = [];
  for (const [group, label] of [
    [errors, 'Errors'],
    [warnings, 'Warnings'],
  ] as const) {
    if (group.length === 0) continue;
    out.push(`${label}:`, ...group.map(formatProblem), '');
  }
  out.push(
    check.problems.length === 0
      ? `No problems in ${plural(check.files, 'entry file')}.`
      : `${plural(errors.length, 'error')} and ${plural(warnings.length, 'warning')} in ${plural(check.files, 'entry file')}.`,
  );
  if (strict && warnings.length > 0) out.push('Strict: warnings fail this check, as errors do.');
  return `${out.join('\n')}\n`;
}

/** The machine report for editors' tools: stable keys, every field present. */
export function formatJsonReport(check: Pick<SiteCheck, 'problems' | 'files'>): string {
  const problems = check.problems.map((p) => ({
    severity: p.severity,
    file: p.file,
    line: p.line ?? null,
    column: p.line === undefined ? null : (p.column ?? 1),
    field: p.field,
    message: p.message,
    hint: p.hint ?? null,
  }));
  const errors = problems.filter((p) => p.severity === 'error').length;
  return `${JSON.stringify({ files: check.files, errors, warnings: problems.length - errors, problems }, null, 2)}\n`;
}
