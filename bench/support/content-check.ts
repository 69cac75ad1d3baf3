import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findContentWarnings } from '../../src/lib/checks/content-warnings.ts';
import { editorAdvice } from '../../src/lib/autolink/editor-report.ts';
import { mentionCacheFile } from '../../src/lib/autolink/mention-cache.ts';
import { checkSnapshotFile } from '../../src/lib/checks/check-snapshot.ts';
import { storedReportFile } from '../../src/lib/checks/stored-report.ts';
import { validationCacheFile } from '../../src/lib/checks/validation-cache.ts';
import { readSourceFiles } from '../../src/lib/entries/read-glossary.ts';
import { loadSiteConfig } from '../../src/lib/site/site-config.ts';
import { validateGlossary } from '../../src/lib/checks/validate-glossary.ts';
import { runMeasured } from '../measure.ts';

/** What `check:content` costs on the benchmark glossary, whole and by part. */
export interface ContentCheckFigures {
  /** The command as an editor runs it (`node scripts/check-content.ts --site …`), a child process, the first time. */
  seconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  /** The same again, with each file's outcome and the body mentions the first run kept (an editor's next check). */
  warm: { seconds: number; cpuSeconds: number; peakRssMiB: number };
  /**
   * After one entry's body was edited, from the snapshot the runs before kept (the entry edited,
   * relative to the glossary): the median of three prose edits, each run's wall time beside it.
   */
  afterEdit: EditFigures;
  /**
   * The same after three edits that each name another entry in the body, a different one each
   * time: the body's mentions change, so the advice is found again from every body's mentions.
   */
  afterMentionEdit?: EditFigures;
  /** The validator alone, wall time, as the table's row measured it before (`checkSeconds`). */
  validateSeconds: number;
  /** Its parts, timed in this process (CPU seconds): reading and validating every file… */
  validateCpuSeconds: number;
  /** …the editorial warnings added to the validator's problems… */
  warningsCpuSeconds: number;
  /** …and the editor's advice (body mentions, the graph, the report), with nothing kept. */
  adviceCpuSeconds: number;
}

/** `check:content` after edits of one entry: the median run, and every run's wall time. */
export interface EditFigures {
  edited: string;
  seconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  runs: number[];
}

/**
 * The files `check:content` keeps for the glossary in `siteDir` between runs (each file's outcome,
 * the body mentions, the snapshot, the last report): what a cold run starts without.
 */
export function checkCacheFiles(cacheRoot: string, siteDir: string): string[] {
  return [
    mentionCacheFile(cacheRoot, siteDir),
    validationCacheFile(cacheRoot, siteDir),
    checkSnapshotFile(cacheRoot, siteDir),
    storedReportFile(cacheRoot, siteDir),
  ];
}

/** CPU seconds (user + system) this process has used so far. */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Times the parts of `check:content` here with the product's own functions (the validator, the
 * editorial warnings, the editor's advice), then runs the command
 * itself as its own process, as an editor does (wall, CPU and peak memory): once with nothing
 * kept from an earlier run, once more with what that run kept, and once after one entry's body
 * was edited. Throws when the benchmark's
 * glossary is invalid or the command fails.
 */
export async function measureContentCheck(options: {
  root: string;
  siteDir: string;
  env: NodeJS.ProcessEnv;
}): Promise<ContentCheckFigures> {
  const { root, siteDir, env } = options;
  const site = loadSiteConfig(siteDir);
  // The validator first, so a broken generator is reported by its first problem.
  const wallStart = performance.now();
  let start = cpuNow();
  const validation = validateGlossary(await readSourceFiles(siteDir), site);
  const validateCpuSeconds = cpuNow() - start;
  const validateSeconds = (performance.now() - wallStart) / 1000;
  const errors = validation.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    throw new Error(`generated glossary is invalid: ${errors.length} errors, first: ${errors[0]?.message}`);
  // The validation is reused rather than run again through checkSite: at 100,000 entries each run
  // of the validator costs tens of seconds.
  start = cpuNow();
  findContentWarnings(validation.terms, validation.positions, { locale: site.locale });
  const warningsCpuSeconds = cpuNow() - start;
  start = cpuNow();
  editorAdvice(validation, site);
  const adviceCpuSeconds = cpuNow() - start;

  const runCommand = async () => {
    const run = await runMeasured(
      process.execPath,
      [join(root, 'scripts/check-content.ts'), '--site', siteDir],
      { cwd: root, env },
    );
    if (run.status !== 0) throw new Error(`check:content failed:\n${run.output.slice(-3000)}`);
    return run;
  };
  const cacheRoot = join(root, 'node_modules/.astro');
  for (const file of checkCacheFiles(cacheRoot, siteDir)) rmSync(file, { force: true });
  const command = await runCommand();
  const warm = await runCommand();
  // An editor's next checks after saving one entry; the entry is put back after, so the builds
  // measured next read the glossary as generated (and the rebuild edits the same one).
  const definitions = readdirSync(join(siteDir, 'content/definition')).sort();
  const edited = join('content/definition', definitions[0] ?? '');
  const file = join(siteDir, edited);
  const original = readFileSync(file, 'utf8');
  const editRuns = async (sentences: readonly string[]): Promise<EditFigures> => {
    const results = [];
    try {
      for (const sentence of sentences) {
        writeFileSync(file, `${original}\n${sentence}\n`);
        results.push(await runCommand());
      }
    } finally {
      writeFileSync(file, original);
    }
    const median = [...results].sort((a, b) => a.seconds - b.seconds)[Math.floor(results.length / 2)];
    if (!median) throw new Error('no edit was measured');
    return {
      edited,
      seconds: median.seconds,
      cpuSeconds: median.cpuSeconds,
      peakRssMiB: median.peakRssMiB,
      runs: results.map((run) => run.seconds),
    };
  };
  const afterEdit = await editRuns(
    [1, 2, 3].map((n) => `This sentence was added to measure a check after one edit (${n}).`),
  );
  // Each names an entry the last did not, by its title as the generator wrote it.
  const others = definitions
    .slice(1, 4)
    .map((name) => titleOf(readFileSync(join(siteDir, 'content/definition', name), 'utf8')));
  const afterMentionEdit =
    others.length === 3 && others.every((title) => title !== undefined)
      ? await editRuns(others.map((title) => `Compare it with ${title}, which it is often confused with.`))
      : undefined;
  return {
    seconds: command.seconds,
    cpuSeconds: command.cpuSeconds,
    peakRssMiB: command.peakRssMiB,
    warm: { seconds: warm.seconds, cpuSeconds: warm.cpuSeconds, peakRssMiB: warm.peakRssMiB },
    afterEdit,
    ...(afterMentionEdit ? { afterMentionEdit } : {}),
    validateSeconds,
    validateCpuSeconds,
    warningsCpuSeconds,
    adviceCpuSeconds,
  };
}

/** The benchmark table's rows for the content check. */
export function contentCheckRows(figures: ContentCheckFigures): [string, string, string][] {
  const s = (n: number) => `${n.toFixed(2)} s`;
  return [
    [
      'content check: `check:content`, wall / CPU',
      `${s(figures.seconds)} / ${s(figures.cpuSeconds)}`,
      `peak ${figures.peakRssMiB.toFixed(0)} MiB`,
    ],
    [
      '  again, nothing changed (the last report), wall / CPU',
      `${s(figures.warm.seconds)} / ${s(figures.warm.cpuSeconds)}`,
      `peak ${figures.warm.peakRssMiB.toFixed(0)} MiB; target ≤ 5 s at 100,000`,
    ],
    [
      '  after one body edit (from the snapshot), wall / CPU',
      `${s(figures.afterEdit.seconds)} / ${s(figures.afterEdit.cpuSeconds)}`,
      `runs ${figures.afterEdit.runs.map(s).join(', ')}; peak ${figures.afterEdit.peakRssMiB.toFixed(0)} MiB; target ≤ 5 s at 100,000`,
    ],
    ...(figures.afterMentionEdit
      ? [
          [
            '  after an edit naming another entry, wall / CPU',
            `${s(figures.afterMentionEdit.seconds)} / ${s(figures.afterMentionEdit.cpuSeconds)}`,
            `runs ${figures.afterMentionEdit.runs.map(s).join(', ')}; target ≤ 5 s at 100,000`,
          ] satisfies [string, string, string],
        ]
      : []),
    [
      '  CPU: validate / warnings / advice',
      `${s(figures.validateCpuSeconds)} / ${s(figures.warningsCpuSeconds)} / ${s(figures.adviceCpuSeconds)}`,
      'validator target ≤ 2 s at 10,000',
    ],
  ];
}

/** An entry's title as its front matter gives it (the generator writes `title: …` on one line). */
function titleOf(text: string): string | undefined {
  return /^title: (.+)$/m.exec(text)?.[1]?.trim();
}
