/**
 * The benchmark's measured builds: a cold Glossa build of a generated glossary, the bare-Astro
 * baseline on the same entries, the figures saved for each and their rows in the table.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { heapLimitFor } from '../../src/publish/heap-limit.ts';
import { runMeasured, type RunResult } from '../measure.ts';

/** Log lines that end each build phase, in the order Astro prints them. */
export const PHASES = [
  ['content', /Synced content/],
  ['bundled', /generating static routes/],
  ['rendered', /✓ Completed in/],
] as const;

/** ext4 avoids reusing inodes freed within the last minute; a few seconds more for safety. */
const INODE_REUSE_DELAY_MS = 65_000;

/** Where and how the benchmark builds. */
export interface BuildSetup {
  /** The repository, where `astro build` runs for Glossa. */
  root: string;
  /** The benchmark's scratch folder (bench/.work). */
  work: string;
  env: NodeJS.ProcessEnv;
  /** The glossary's size: builds get the heap `npm run build` would give them (heap-limit.ts). */
  terms: number;
}

/** A measured Glossa build and the folder it wrote. */
export type GlossaRun = RunResult & { outDir: string };

/** The builds of one benchmark run, sharing one trash folder (see `setAside`). */
export interface Builder {
  astro: string;
  /** A cold Glossa build of `siteDir` into `bench/.work/<outName>`. */
  buildGlossa(siteDir: string, outName: string): Promise<GlossaRun>;
  /** A cold bare-Astro build (bench/baseline/) of the same entries. */
  buildBaseline(siteDir: string, outName: string): Promise<RunResult>;
  /** Moves a previous output out of the way instead of deleting it (see the comment inside). */
  setAside(path: string): void;
  /** Empties the trash once every build has been measured, noting when. */
  emptyTrash(): void;
}

/** The builder of one benchmark run. */
export function createBuilder({ root, work, env, terms }: BuildSetup): Builder {
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  const heapLimit = heapLimitFor({
    entries: terms,
    totalMemoryMiB: totalmem() / 2 ** 20,
    defaultLimitMiB: getHeapStatistics().heap_size_limit / 2 ** 20,
    nodeOptions: env['NODE_OPTIONS'],
  });
  const nodeArgs = heapLimit ? [`--max-old-space-size=${heapLimit}`] : [];
  const trash = join(work, 'trash');
  /** When this benchmark last emptied its trash (ms since the epoch), read by the next run. */
  const trashEmptiedAt = join(work, 'trash-emptied-at');

  /**
   * Waits until the trash a previous run emptied is more than a minute old. Without this, a run
   * started right after another (a 50,000-term run after a 10,000-term one) builds while ext4 is
   * still skipping the inodes just freed, and measures the disk instead of the build.
   */
  const waitForDeletionsToAge = () => {
    const emptied = existsSync(trashEmptiedAt) ? Number(readFileSync(trashEmptiedAt, 'utf8')) : 0;
    const wait = emptied + INODE_REUSE_DELAY_MS - Date.now();
    if (wait <= 0) return;
    console.log(`Waiting ${Math.ceil(wait / 1000)} s for the files deleted by the previous run to age…`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
  };
  /**
   * Flushes pending disk writes (the generated entries, the previous build's output and its
   * deletion) before a measured build, so neither build pays for the other's writeback.
   */
  const settleDisk = () => {
    waitForDeletionsToAge();
    spawnSync('sync');
  };
  /**
   * The tens of thousands of inodes a deletion frees would slow the file creation of the build
   * measured next (ext4 skips inodes freed in the last minute; perf showed that search taking a
   * third of the CPU time), so outputs go to the trash, emptied after the last build.
   */
  const setAside = (path: string) => {
    if (!existsSync(path)) return;
    mkdirSync(trash, { recursive: true });
    renameSync(path, join(trash, `${basename(path)}-${Date.now()}`));
  };
  const build = async (cwd: string, buildEnv: NodeJS.ProcessEnv, what: string) => {
    // A cold build: the content cache of the previous run would otherwise skip Markdown rendering.
    rmSync(join(cwd, 'node_modules/.astro'), { recursive: true, force: true });
    settleDisk();
    const result = await runMeasured(process.execPath, [...nodeArgs, astro, 'build'], {
      cwd,
      env: { ...env, ...buildEnv },
      markers: PHASES,
    });
    if (result.status !== 0) throw new Error(`${what} failed:\n${result.output.slice(-3000)}`);
    return result;
  };
  return {
    astro,
    setAside,
    emptyTrash() {
      if (!existsSync(trash)) return;
      rmSync(trash, { recursive: true, force: true });
      writeFileSync(trashEmptiedAt, String(Date.now()));
    },
    async buildGlossa(siteDir, outName) {
      const outDir = join(work, outName);
      setAside(outDir);
      const result = await build(root, { GLOSSA_SITE_DIR: siteDir, GLOSSA_OUT_DIR: outDir }, 'Glossa build');
      return { ...result, outDir };
    },
    async buildBaseline(siteDir, outName) {
      const outDir = join(work, outName);
      setAside(outDir);
      return build(
        join(root, 'bench/baseline'),
        { BENCH_CONTENT: join(siteDir, 'content'), BENCH_OUT_DIR: outDir },
        'baseline build',
      );
    },
  };
}

/** The run whose wall time is the median (the lower middle one for an even count). */
export function medianRun<T extends RunResult>(list: readonly T[]): T {
  const sorted = [...list].sort((a, b) => a.seconds - b.seconds);
  const run = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!run) throw new Error('no build was measured');
  return run;
}

/** Wall time, CPU time and peak memory of every run, for the spread behind the median. */
export function spread(list: readonly RunResult[]) {
  return list.map((r) => ({ seconds: r.seconds, cpuSeconds: r.cpuSeconds, peakRssMiB: r.peakRssMiB }));
}

/** Seconds of each build phase, from the markers of `PHASES`. */
export function phaseSeconds(r: RunResult) {
  return {
    content: r.marks['content'] ?? NaN,
    bundle: (r.marks['bundled'] ?? NaN) - (r.marks['content'] ?? NaN),
    render: (r.marks['rendered'] ?? NaN) - (r.marks['bundled'] ?? NaN),
    after: r.seconds - (r.marks['rendered'] ?? NaN),
  };
}

/** Peak memory per phase, named like `phaseSeconds`' figures. */
export function phasePeaks(r: RunResult) {
  const [content, bundle, render, after] = r.phasePeakRssMiB;
  return { content, bundle, render, after };
}

/** The figures saved for a measured build (the median of `runs`). */
export function buildFigures(runs: readonly RunResult[]) {
  const run = medianRun(runs);
  return {
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
    peakRssMiB: run.peakRssMiB,
    phasePeakRssMiB: phasePeaks(run),
    phases: phaseSeconds(run),
    runs: spread(runs),
  };
}

/** The figures of a build, as `buildFigures` gives them. */
export type BuildFigures = ReturnType<typeof buildFigures>;

/** The table's rows for the cold build, by phase, against the baseline when there is one. */
export function buildRows(
  glossa: BuildFigures,
  baseline: BuildFigures | undefined,
): [string, string, string][] {
  const s = (n: number) => `${n.toFixed(2)} s`;
  const mib = (n: number | undefined) => `${(n ?? NaN).toFixed(0)} MiB`;
  const range = (f: BuildFigures) => {
    const times = f.runs.map((r) => r.seconds);
    return `${Math.min(...times).toFixed(2)}–${Math.max(...times).toFixed(2)} s`;
  };
  const against = (text: (b: BuildFigures) => string) => (baseline ? `baseline ${text(baseline)}` : '');
  const ratio = (value: number, base: number, target = '') => `, ratio ${(value / base).toFixed(2)}${target}`;
  const phase = (label: string, key: keyof BuildFigures['phases']): [string, string, string] => [
    `  ${label}`,
    `${s(glossa.phases[key])}, ${mib(glossa.phasePeakRssMiB[key])}`,
    against((b) => `${s(b.phases[key])}, ${mib(b.phasePeakRssMiB[key])}`),
  ];
  return [
    [
      'build: total (pages + index)',
      s(glossa.seconds),
      against((b) => `${s(b.seconds)}${ratio(glossa.seconds, b.seconds, ' (≤ 1.0)')}`),
    ],
    ...(glossa.runs.length > 1
      ? [
          [
            `  range over ${glossa.runs.length} runs (the median run is shown)`,
            range(glossa),
            against(range),
          ] as [string, string, string],
        ]
      : []),
    ['  by phase: time, peak memory', '', ''],
    phase('content load + validate + render Markdown', 'content'),
    phase('bundle', 'bundle'),
    phase('render pages', 'render'),
    phase('after pages (search index, Markdown copies, sitemap)', 'after'),
    [
      'CPU time, user + system (steadier than wall time)',
      s(glossa.cpuSeconds),
      against((b) => `${s(b.cpuSeconds)}${ratio(glossa.cpuSeconds, b.cpuSeconds)}`),
    ],
    [
      'peak memory (process tree)',
      mib(glossa.peakRssMiB),
      against((b) => `${mib(b.peakRssMiB)}${ratio(glossa.peakRssMiB, b.peakRssMiB, ' (≤ 1.0)')}`),
    ],
  ];
}
