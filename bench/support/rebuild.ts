/**
 * The rebuild after one edit: run right after the benchmark's cold Glossa build, while its cache
 * (content store and incremental pages) is warm. One entry gets a new sentence, as an editor's
 * save would give it, and the same build runs again; the entry is put back afterwards, so the
 * generated glossary stays what the seed makes.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMeasured, type RunResult } from '../measure.ts';

/** What {@link measureRebuild} needs of the benchmark's cold build. */
export interface RebuildSetup {
  /** The generated glossary. */
  siteDir: string;
  /** The cold build's output folder; the rebuild writes there too (its cache is keyed on it). */
  outDir: string;
  /** The repository, where `astro build` runs. */
  root: string;
  /** Astro's command-line script. */
  astro: string;
  env: NodeJS.ProcessEnv;
  /** Log markers of the build phases, as the cold build used them. */
  markers: readonly (readonly [string, RegExp])[];
  /** The cold build to compare with. */
  cold: RunResult;
  /** Moves the cold build's output aside without deleting it (as the cold builds do). */
  setAside: (path: string) => void;
}

/** The rebuild's figures, saved with the benchmark's results. */
export interface RebuildFigures {
  /** The entry edited, relative to the glossary. */
  edited: string;
  seconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  /** Rebuild time over the cold build's: the target is at most 0.35 at 10,000 entries. */
  ratio: number;
  /** Pages copied from the previous build, and pages rendered again. */
  pagesCopied: number;
  pagesRendered: number;
  phases: { content: number; bundle: number; render: number; after: number };
}

/** Edits one entry, builds again, prints one line and returns the figures. */
export async function measureRebuild(setup: RebuildSetup): Promise<RebuildFigures> {
  const edited = join(
    'content/definition',
    readdirSync(join(setup.siteDir, 'content/definition')).sort()[0] ?? '',
  );
  const file = join(setup.siteDir, edited);
  const original = readFileSync(file, 'utf8');
  console.log(`Rebuilding after an edit of ${edited}…`);
  writeFileSync(file, `${original}\nThis sentence was added to measure a rebuild after one edit.\n`);
  let result: RunResult;
  try {
    // Astro would delete the previous output before writing; the cold builds never pay that.
    setup.setAside(setup.outDir);
    result = await runMeasured(process.execPath, [setup.astro, 'build'], {
      cwd: setup.root,
      env: { ...setup.env, GLOSSA_SITE_DIR: setup.siteDir, GLOSSA_OUT_DIR: setup.outDir },
      markers: setup.markers,
    });
  } finally {
    writeFileSync(file, original);
  }
  if (result.status !== 0) throw new Error(`Glossa rebuild failed:\n${result.output.slice(-3000)}`);
  const marks = result.marks;
  const figures: RebuildFigures = {
    edited,
    seconds: result.seconds,
    cpuSeconds: result.cpuSeconds,
    peakRssMiB: result.peakRssMiB,
    ratio: result.seconds / setup.cold.seconds,
    pagesCopied: result.output.match(/\((restored|cached)\)/g)?.length ?? 0,
    pagesRendered: result.output.match(/\(\+\d+(\.\d+)?m?s\)/g)?.length ?? 0,
    phases: {
      content: marks['content'] ?? NaN,
      bundle: (marks['bundled'] ?? NaN) - (marks['content'] ?? NaN),
      render: (marks['rendered'] ?? NaN) - (marks['bundled'] ?? NaN),
      after: result.seconds - (marks['rendered'] ?? NaN),
    },
  };
  const s = (n: number) => `${n.toFixed(2)} s`;
  console.log(
    `Rebuild after one edit: ${s(figures.seconds)} against ${s(setup.cold.seconds)} cold, ratio ` +
      `${figures.ratio.toFixed(2)} (target ≤ 0.35); ${figures.pagesRendered} pages rendered, ` +
      `${figures.pagesCopied} copied; peak ${figures.peakRssMiB.toFixed(0)} MiB; phases content ` +
      `${s(figures.phases.content)}, bundle ${s(figures.phases.bundle)}, render ` +
      `${s(figures.phases.render)}, after ${s(figures.phases.after)}`,
  );
  return figures;
}
