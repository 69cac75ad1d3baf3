/**
 * `npm run bench -- --terms N`: generates a synthetic glossary of N entries, then measures
 * Glossa's content check and full build against a bare-Astro baseline on the same entries, back to
 * back, and prints a table. Figures are saved under bench/results/ for comparison across changes.
 * `--runs N` alternates N builds of each and reports the run with the median wall time: on this
 * VM, identical builds vary by about 10%, more than many changes worth measuring.
 * `--autolink-cost` also builds the same entries with `autolink: off` and reports the difference;
 * `--rich-cost` builds them without their code blocks and formulas.
 * Targets live here, as information, never as assertions in tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'node-html-parser';
import { generateGlossary } from './generate.ts';
import { gzipBytes, listSized, median, runMeasured, type RunResult } from './measure.ts';
import { measureSearch } from './search-figures.ts';
import { contentCheckRows, measureContentCheck } from './support/content-check.ts';
import { devEditRows, measureDevEdit } from './support/dev-edit.ts';
import { measureNameRanking } from './support/name-ranking.ts';
import { measureRebuild } from './support/rebuild.ts';
import { measureSocialCards } from './support/social-cards.ts';
import { SEARCH_DEBOUNCE_MS } from '../src/browser/search/engine.ts';

const { values } = parseArgs({
  options: {
    terms: { type: 'string', default: '10000' },
    'no-baseline': { type: 'boolean', default: false },
    'no-save': { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    // Also builds the same entries with automatic links off, to show what the feature costs.
    'autolink-cost': { type: 'boolean', default: false },
    // Also builds the same entries without their code blocks and formulas (#18: highlighting ≤ 5%).
    'rich-cost': { type: 'boolean', default: false },
    // Live-preview latency (bench/support/dev-edit.ts): on by default at sizes CI benches.
    'dev-edit': { type: 'boolean', default: false },
    'no-dev-edit': { type: 'boolean', default: false },
  },
});
const terms = Number(values.terms);
if (!Number.isInteger(terms) || terms < 10) throw new Error('--terms must be an integer of at least 10');
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');

const root = resolve(import.meta.dirname, '..');
const work = join(root, 'bench/.work');
const siteDir = join(work, `site-${terms}`);
const astro = join(root, 'node_modules/astro/bin/astro.mjs');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };

/** Log lines that end each build phase, in the order Astro prints them. */
const PHASES = [
  ['content', /Synced content/],
  ['bundled', /generating static routes/],
  ['rendered', /✓ Completed in/],
] as const;

console.log(`Generating ${terms} entries…`);
generateGlossary(siteDir, terms);

// Content check: the command as an editor runs it, and its parts (the validator among them).
console.log('Timing check:content…');
const contentCheck = await measureContentCheck({ root, siteDir, env });

/**
 * Flushes pending disk writes (the generated entries, the previous build's output and its
 * deletion) before a measured build, so neither build pays for the other's writeback.
 */
function settleDisk(): void {
  waitForDeletionsToAge();
  spawnSync('sync');
}

const trash = join(work, 'trash');
/** When this benchmark last emptied its trash (ms since the epoch), read by the next run. */
const trashEmptiedAt = join(work, 'trash-emptied-at');
/** ext4 avoids reusing inodes freed within the last minute; a few seconds more for safety. */
const INODE_REUSE_DELAY_MS = 65_000;

/**
 * Waits until the trash a previous run emptied is more than a minute old. Without this, a run
 * started right after another (a 50,000-term run after a 10,000-term one) builds while ext4 is
 * still skipping the inodes just freed, and measures the disk instead of the build.
 */
function waitForDeletionsToAge(): void {
  const emptied = existsSync(trashEmptiedAt) ? Number(readFileSync(trashEmptiedAt, 'utf8')) : 0;
  const wait = emptied + INODE_REUSE_DELAY_MS - Date.now();
  if (wait <= 0) return;
  console.log(`Waiting ${Math.ceil(wait / 1000)} s for the files deleted by the previous run to age…`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
}

/** Empties the trash, noting when, so the next run can wait for the freed inodes to age. */
function emptyTrash(): void {
  if (!existsSync(trash)) return;
  rmSync(trash, { recursive: true, force: true });
  writeFileSync(trashEmptiedAt, String(Date.now()));
}
/**
 * Moves a previous run's output out of the way instead of deleting it: the tens of thousands of
 * inodes a deletion frees would slow the file creation of the build measured next (ext4 skips
 * inodes freed in the last minute; perf showed that search taking a third of the CPU time).
 * The trash is emptied once every build has been measured.
 */
function setAside(path: string): void {
  if (!existsSync(path)) return;
  mkdirSync(trash, { recursive: true });
  renameSync(path, join(trash, `${basename(path)}-${Date.now()}`));
}

async function buildGlossa(
  site = siteDir,
  outName = `glossa-out-${terms}`,
): Promise<RunResult & { outDir: string }> {
  const outDir = join(work, outName);
  setAside(outDir);
  // A cold build: the content cache of the previous run would otherwise skip Markdown rendering.
  rmSync(join(root, 'node_modules/.astro'), { recursive: true, force: true });
  settleDisk();
  const result = await runMeasured(process.execPath, [astro, 'build'], {
    cwd: root,
    env: { ...env, GLOSSA_SITE_DIR: site, GLOSSA_OUT_DIR: outDir },
    markers: PHASES,
  });
  if (result.status !== 0) throw new Error(`Glossa build failed:\n${result.output.slice(-3000)}`);
  return { ...result, outDir };
}

async function buildBaseline(): Promise<RunResult> {
  const baseDir = join(root, 'bench/baseline');
  const outDir = join(work, `baseline-out-${terms}`);
  setAside(outDir);
  rmSync(join(baseDir, 'node_modules/.astro'), { recursive: true, force: true });
  settleDisk();
  const result = await runMeasured(process.execPath, [astro, 'build'], {
    cwd: baseDir,
    env: { ...env, BENCH_CONTENT: join(siteDir, 'content'), BENCH_OUT_DIR: outDir },
    markers: PHASES,
  });
  if (result.status !== 0) throw new Error(`baseline build failed:\n${result.output.slice(-3000)}`);
  return result;
}

const glossaRuns: (RunResult & { outDir: string })[] = [];
const baselineRuns: RunResult[] = [];
for (let run = 1; run <= runs; run++) {
  const of = runs > 1 ? ` (run ${run} of ${runs})` : '';
  console.log(`Building with Glossa${of}…`);
  glossaRuns.push(await buildGlossa());
  if (values['no-baseline']) continue;
  console.log(`Building the baseline${of}…`);
  baselineRuns.push(await buildBaseline());
}

/** The run whose wall time is the median (the lower middle one for an even count). */
function medianRun<T extends RunResult>(list: T[]): T {
  const sorted = [...list].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor((sorted.length - 1) / 2)] as T;
}
// Every run writes to the same folder, so the output inspected below is the last run's.
const glossa = { ...medianRun(glossaRuns), outDir: glossaRuns[0]?.outDir ?? '' };
const baseline = baselineRuns.length > 0 ? medianRun(baselineRuns) : undefined;
const rebuild = await measureRebuild({
  siteDir,
  outDir: glossa.outDir,
  root,
  astro,
  env,
  markers: PHASES,
  cold: glossa,
  setAside,
});

// The same entries with `autolink: off`: the difference is what automatic links, the body
// mentions they find and the backlink sentences cost (#16: at most 10% of the build). After the
// rebuild: each of these builds starts by deleting Astro's caches, the rebuild's included.
const noAutolinkRuns: RunResult[] = [];
if (values['autolink-cost']) {
  const offSite = join(work, `site-${terms}-autolink-off`);
  generateGlossary(offSite, terms, 42, { autolink: 'off' });
  for (let run = 1; run <= runs; run++) {
    console.log(`Building with automatic links off${runs > 1 ? ` (run ${run} of ${runs})` : ''}…`);
    noAutolinkRuns.push(await buildGlossa(offSite, `glossa-autolink-off-out-${terms}`));
  }
}
const noAutolink = noAutolinkRuns.length > 0 ? medianRun(noAutolinkRuns) : undefined;

// The same entries without the code block of every tenth entry and the formulas of another tenth:
// what highlighting and MathML (with the parsing of those blocks) add to the build.
const plainRuns: RunResult[] = [];
if (values['rich-cost']) {
  const plainSite = join(work, `site-${terms}-plain`);
  generateGlossary(plainSite, terms, 42, { codeAndFormulas: false });
  for (let run = 1; run <= runs; run++) {
    console.log(`Building without code blocks and formulas${runs > 1 ? ` (run ${run} of ${runs})` : ''}…`);
    plainRuns.push(await buildGlossa(plainSite, `glossa-plain-out-${terms}`));
  }
}
const plain = plainRuns.length > 0 ? medianRun(plainRuns) : undefined;
/** Wall time, CPU time and peak memory of every run, for the spread behind the median. */
const spread = (list: RunResult[]) =>
  list.map((r) => ({ seconds: r.seconds, cpuSeconds: r.cpuSeconds, peakRssMiB: r.peakRssMiB }));

// Output figures.
emptyTrash();
const files = listSized(glossa.outDir);
const pages = files.filter((f) => f.path.endsWith('.html'));
const termPages = pages.filter((f) => /^(definition|area|term)\/[^/]+\/index\.html$/.test(f.path));
const htmlOf = (path: string) => readFileSync(join(glossa.outDir, path));
const raw = termPages.map((f) => f.bytes);
const gz = termPages.map((f) => gzipBytes(htmlOf(f.path)));
const medianPage = termPages[raw.indexOf(median(raw))] ?? termPages[0];
const sample = parse(htmlOf(medianPage?.path ?? '').toString());
const assetBytes = (href: string | undefined) =>
  href ? gzipBytes(readFileSync(join(glossa.outDir, href))) : 0;
const cssGzip =
  sample
    .querySelectorAll('link[rel="stylesheet"]')
    .reduce((n, l) => n + assetBytes(l.getAttribute('href')), 0) +
  sample.querySelectorAll('style').reduce((n, s) => n + gzipBytes(s.textContent), 0);
// Scripts inside a <template> are inert until the search box inserts them, so they are not
// loaded before search; the HTML parser lists them like any other element, hence the filter.
const loadedScripts = sample
  .querySelectorAll('script')
  .filter((s) => s.closest('template') === null && s.getAttribute('type') !== 'application/ld+json');
const jsBytes = loadedScripts.reduce((n, s) => {
  const src = s.getAttribute('src');
  return n + (src ? assetBytes(src) : Buffer.byteLength(s.textContent));
}, 0);

// Search as a reader meets it: words the generator uses, and a typo of one of them.
console.log('Measuring search…');
const search = await measureSearch(glossa.outDir, {
  first: 'delta hedge',
  warm: ['volatility', 'margin', 'squeeze', 'funding rate'],
  typo: 'volatilty',
});
// Pagefind's own ranking (any client's) of exact title and synonym queries, on 1,000 of them.
const ranking = await measureNameRanking(glossa.outDir, 1000);

const devEdit =
  values['dev-edit'] || (terms <= 1000 && !values['no-dev-edit'])
    ? (console.log('Timing edits in the live preview…'), await measureDevEdit({ siteDir, log: console.log }))
    : undefined;

const phase = (r: RunResult) => ({
  content: r.marks['content'] ?? NaN,
  bundle: (r.marks['bundled'] ?? NaN) - (r.marks['content'] ?? NaN),
  render: (r.marks['rendered'] ?? NaN) - (r.marks['bundled'] ?? NaN),
  after: r.seconds - (r.marks['rendered'] ?? NaN),
});
/** Peak memory per phase, named like `phase()`'s figures (PHASES' markers end each phase). */
const phasePeaks = (r: RunResult) => {
  const [content, bundle, render, after] = r.phasePeakRssMiB;
  return { content, bundle, render, after };
};

const figures = {
  date: new Date().toISOString(),
  terms,
  runs,
  node: process.version,
  // The validator alone, as this row measured it before it timed the whole command.
  checkSeconds: contentCheck.validateSeconds,
  contentCheck,
  glossa: {
    seconds: glossa.seconds,
    cpuSeconds: glossa.cpuSeconds,
    peakRssMiB: glossa.peakRssMiB,
    phasePeakRssMiB: phasePeaks(glossa),
    phases: phase(glossa),
    runs: spread(glossaRuns),
  },
  baseline: baseline && {
    seconds: baseline.seconds,
    cpuSeconds: baseline.cpuSeconds,
    peakRssMiB: baseline.peakRssMiB,
    phasePeakRssMiB: phasePeaks(baseline),
    phases: phase(baseline),
    runs: spread(baselineRuns),
  },
  autolinkOff: noAutolink && {
    seconds: noAutolink.seconds,
    cpuSeconds: noAutolink.cpuSeconds,
    peakRssMiB: noAutolink.peakRssMiB,
    runs: spread(noAutolinkRuns),
  },
  rebuild,
  withoutCodeAndFormulas: plain && {
    seconds: plain.seconds,
    cpuSeconds: plain.cpuSeconds,
    peakRssMiB: plain.peakRssMiB,
    runs: spread(plainRuns),
  },
  ratios: baseline && {
    time: glossa.seconds / baseline.seconds,
    cpu: glossa.cpuSeconds / baseline.cpuSeconds,
    memory: glossa.peakRssMiB / baseline.peakRssMiB,
  },
  output: {
    pages: pages.length,
    termPages: termPages.length,
    totalMiB: files.reduce((n, f) => n + f.bytes, 0) / 2 ** 20,
    termHtml: {
      medianRaw: median(raw),
      maxRaw: Math.max(...raw),
      medianGzip: median(gz),
      maxGzip: Math.max(...gz),
    },
    cssGzipPerPage: cssGzip,
    jsBytesBeforeSearch: jsBytes,
  },
  devEdit,
  search: {
    ...search,
    nameRanking: {
      queried: ranking.queried,
      first: ranking.first,
      twins: ranking.twins,
      misses: ranking.misses.slice(0, 20),
    },
  },
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const s = (n: number) => `${n.toFixed(2)} s`;
const range = (list: RunResult[]) => {
  const times = list.map((r) => r.seconds);
  return `${Math.min(...times).toFixed(2)}–${Math.max(...times).toFixed(2)} s`;
};
/** How much `value` is above (or below) `base`, in percent with its sign. */
const change = (value: number, base: number) => {
  const percent = (100 * (value - base)) / base;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(1)} %`;
};
const mib = (peaks: (number | undefined)[]) => `${peaks.map((n) => (n ?? NaN).toFixed(0)).join(' / ')} MiB`;
const rows: [string, string, string][] = [
  ...contentCheckRows(contentCheck),
  [
    'build: total (pages + index)',
    s(glossa.seconds),
    baseline ? `baseline ${s(baseline.seconds)}, ratio ${figures.ratios?.time.toFixed(2)} (≤ 1.3)` : '',
  ],
  ...(runs > 1
    ? [
        [
          `  range over ${runs} runs (the median run is shown)`,
          range(glossaRuns),
          baseline ? `baseline ${range(baselineRuns)}` : '',
        ] as [string, string, string],
      ]
    : []),
  [
    '  content load + validate + render Markdown',
    s(figures.glossa.phases.content),
    baseline ? `baseline ${s(figures.baseline?.phases.content ?? NaN)}` : '',
  ],
  [
    '  bundle',
    s(figures.glossa.phases.bundle),
    baseline ? `baseline ${s(figures.baseline?.phases.bundle ?? NaN)}` : '',
  ],
  [
    '  render pages',
    s(figures.glossa.phases.render),
    baseline ? `baseline ${s(figures.baseline?.phases.render ?? NaN)}` : '',
  ],
  [
    '  after pages (integrations: search index, sitemap)',
    s(figures.glossa.phases.after),
    baseline ? `baseline ${s(figures.baseline?.phases.after ?? NaN)}` : '',
  ],
  [
    'CPU time, user + system (steadier than wall time)',
    s(glossa.cpuSeconds),
    baseline ? `baseline ${s(baseline.cpuSeconds)}, ratio ${figures.ratios?.cpu.toFixed(2)}` : '',
  ],
  [
    'peak memory (process tree)',
    `${glossa.peakRssMiB.toFixed(0)} MiB`,
    baseline
      ? `baseline ${baseline.peakRssMiB.toFixed(0)} MiB, ratio ${figures.ratios?.memory.toFixed(2)} (≤ 1.3, ≤ 1.5 GB)`
      : '',
  ],
  [
    '  peak per phase: content / bundle / render / after',
    mib(Object.values(figures.glossa.phasePeakRssMiB)),
    baseline ? `baseline ${mib(Object.values(figures.baseline?.phasePeakRssMiB ?? {}))}` : '',
  ],
  ...(noAutolink
    ? [
        [
          'automatic links: build with them / without',
          `${s(glossa.seconds)} / ${s(noAutolink.seconds)}`,
          `${change(glossa.seconds, noAutolink.seconds)} wall, ${change(glossa.cpuSeconds, noAutolink.cpuSeconds)} CPU; target ≤ +10 %`,
        ] as [string, string, string],
      ]
    : []),
  ...(plain
    ? [
        [
          'code blocks and formulas: build with them / without',
          `${s(glossa.seconds)} / ${s(plain.seconds)}`,
          `${change(glossa.seconds, plain.seconds)} wall, ${change(glossa.cpuSeconds, plain.cpuSeconds)} CPU; a code block in every tenth entry, formulas in another tenth; target ≤ +5 %`,
        ] as [string, string, string],
      ]
    : []),
  ['pages / term pages', `${pages.length} / ${termPages.length}`, ''],
  ['total output', `${figures.output.totalMiB.toFixed(1)} MiB`, ''],
  ['term page HTML median (raw / gzip)', `${kb(median(raw))} / ${kb(median(gz))}`, 'target ≤ 25 KB / ≤ 8 KB'],
  ['term page HTML largest (raw / gzip)', `${kb(Math.max(...raw))} / ${kb(Math.max(...gz))}`, ''],
  ['CSS per page (gzip)', kb(cssGzip), 'target ≤ 8 KB, shared file'],
  ['JS a term page loads before search', `${jsBytes} B`, 'target 0'],
  ['search index on disk (without unused UIs)', kb(search.indexBytes), ''],
  [
    `search: first query download ("${search.firstQuery.query}")`,
    kb(search.firstQuery.bytes),
    `${search.firstQuery.requests} requests, ${search.firstQuery.ms.toFixed(0)} ms; target ≤ 200 KB`,
  ],
  [
    'search: warm keystroke → results (median)',
    `${search.warmMedianMs.toFixed(0)} ms`,
    `${search.warm.map((w) => w.ms.toFixed(0)).join(' / ')} ms incl. ${SEARCH_DEBOUNCE_MS} ms debounce; target ≤ 150 ms`,
  ],
  [
    `search: typo "${search.typo.query}" (names list + 2nd search)`,
    `${search.typo.ms.toFixed(0)} ms`,
    `${kb(search.typo.bytes)} fetched`,
  ],
  [
    'search: exact title/synonym first (Pagefind API)',
    `${((100 * ranking.first) / ranking.queried).toFixed(1)} %`,
    `${ranking.first} of ${ranking.queried} sampled; target ≥ 95 %; ${((100 * (ranking.first - ranking.twins.first)) / Math.max(1, ranking.queried - ranking.twins.queried)).toFixed(1)} % without the ${ranking.twins.queried} names another entry's name has the same words as`,
  ],
  ...(devEdit ? devEditRows(devEdit) : []),
];
rows.push(...(await measureSocialCards(siteDir, glossa.seconds, figures)));
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\nGlossa benchmark, ${terms} terms (${process.version})`);
for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(18)}  ${note}`);

if (!values['no-save']) {
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const file = join(
    root,
    'bench/results',
    `${figures.date.slice(0, 19).replace(/[:T]/g, '-')}-${terms}.json`,
  );
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`\nSaved ${file}`);
}
