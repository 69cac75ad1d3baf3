/**
 * `npm run bench -- --terms N`: generates a synthetic glossary of N entries, then measures
 * Glossa's content check and full build against a bare-Astro baseline on the same entries, back to
 * back, and prints a table. Figures are saved under bench/results/ for comparison across changes.
 * `--runs N` alternates N builds of each and reports the run with the median wall time: on this
 * VM, identical builds vary by about 10%, more than many changes worth measuring.
 * `--autolink-cost` also builds them with `autolink: off` (links only) and `mentions: explicit`
 * (no body read for names: the whole feature) and reports both differences;
 * `--rich-cost` builds them without their code blocks and formulas.
 * `--build-only` measures the content check and the cold build alone (time and peak memory per
 * phase), for sizes where the rest would take longer than it says: `--terms 100000 --build-only
 * --no-baseline` is the 100,000-entry run, never run in CI. `--dev-edit-only` times the live
 * preview alone (`--terms 50000 --dev-edit-only` for its 50,000-entry target), `--check-only`
 * the content check alone (`--terms 100000 --check-only` for its 100,000-entry target).
 * Targets live here, as information, never as assertions in tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateGlossary } from './generate.ts';
import { measureSearch, type SearchFigures } from './search-figures.ts';
import {
  PHASES,
  buildFigures,
  buildRows,
  createBuilder,
  medianRun,
  type GlossaRun,
} from './support/builds.ts';
import { contentCheckRows, measureContentCheck } from './support/content-check.ts';
import { devEditRows, measureDevEdit } from './support/dev-edit.ts';
import { measureNameRanking } from './support/name-ranking.ts';
import { measurePageWeights, pageWeightRows } from './support/page-weights.ts';
import { measureRebuild } from './support/rebuild.ts';
import { measureSocialCards } from './support/social-cards.ts';
import { measureAutolinkCost, measureVariant } from './support/variant-build.ts';
import type { RunResult } from './measure.ts';
import { SEARCH_DEBOUNCE_MS } from '../src/browser/search/engine.ts';

const { values } = parseArgs({
  options: {
    terms: { type: 'string', default: '10000' },
    'no-baseline': { type: 'boolean', default: false },
    'no-save': { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    // Also builds the same entries with automatic links off, and without body mentions at all.
    'autolink-cost': { type: 'boolean', default: false },
    // Also builds the same entries without their code blocks and formulas (#18: highlighting ≤ 5%).
    'rich-cost': { type: 'boolean', default: false },
    // Live-preview latency (bench/support/dev-edit.ts): on by default at sizes CI benches.
    'dev-edit': { type: 'boolean', default: false },
    'no-dev-edit': { type: 'boolean', default: false },
    // The content check and the cold build only: no rebuild, search, social cards or live preview.
    'build-only': { type: 'boolean', default: false },
    // The live preview alone, for sizes where a build beside it would take longer than it says.
    'dev-edit-only': { type: 'boolean', default: false },
    // check:content alone: cold, again, and after edits (its 100,000-entry target, in minutes).
    'check-only': { type: 'boolean', default: false },
  },
});
const terms = Number(values.terms);
if (!Number.isInteger(terms) || terms < 10) throw new Error('--terms must be an integer of at least 10');
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
const buildOnly = values['build-only'];

const root = resolve(import.meta.dirname, '..');
const work = join(root, 'bench/.work');
const siteDir = join(work, `site-${terms}`);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
const builder = createBuilder({ root, work, env, terms });
/** The table, row by row, each phase adding its own rows as it is measured. */
const rows: [string, string, string][] = [];

console.log(`Generating ${terms} entries…`);
generateGlossary(siteDir, terms);

if (values['dev-edit-only']) {
  console.log('Timing edits in the live preview…');
  // The server renders every body before its first page: about 2.5 ms an entry on a quiet machine.
  const devEdit = await measureDevEdit({
    siteDir,
    log: console.log,
    startTimeoutMs: Math.max(180_000, terms * 20),
  });
  printAndSave(
    { date: new Date().toISOString(), terms, node: process.version, devEdit },
    devEditRows(devEdit),
  );
  process.exit(0);
}

// Content check: the command as an editor runs it, and its parts (the validator among them).
console.log('Timing check:content…');
const contentCheck = await measureContentCheck({ root, siteDir, env });
rows.push(...contentCheckRows(contentCheck));
if (values['check-only']) {
  printAndSave({ date: new Date().toISOString(), terms, node: process.version, contentCheck }, rows);
  process.exit(0);
}

const glossaRuns: GlossaRun[] = [];
const baselineRuns: RunResult[] = [];
for (let run = 1; run <= runs; run++) {
  const of = runs > 1 ? ` (run ${run} of ${runs})` : '';
  console.log(`Building with Glossa${of}…`);
  glossaRuns.push(await builder.buildGlossa(siteDir, `glossa-out-${terms}`));
  if (values['no-baseline']) continue;
  console.log(`Building the baseline${of}…`);
  baselineRuns.push(await builder.buildBaseline(siteDir, `baseline-out-${terms}`));
}
const glossaFigures = buildFigures(glossaRuns);
const baselineFigures = baselineRuns.length > 0 ? buildFigures(baselineRuns) : undefined;
rows.push(...buildRows(glossaFigures, baselineFigures));
// Every run writes to the same folder, so the output inspected below is the last run's.
const outDir = glossaRuns[0]?.outDir ?? '';
const glossa = medianRun(glossaRuns);

// Right after the cold build, while its caches are warm.
const rebuild = buildOnly
  ? undefined
  : await measureRebuild({
      siteDir,
      outDir,
      root,
      astro: builder.astro,
      env,
      markers: PHASES,
      cold: glossa,
      setAside: builder.setAside,
    });

// After the rebuild: each variant build starts by deleting Astro's caches, the rebuild's included.
const variantContext = { work, terms, runs, builder, full: glossa };
const autolinkCost = values['autolink-cost'] ? await measureAutolinkCost(variantContext, siteDir) : undefined;
// Without the code block of every tenth entry and the formulas of another tenth: what
// highlighting and MathML (with the parsing of those blocks) add to the build.
const plain = values['rich-cost']
  ? await measureVariant(
      {
        name: 'plain',
        generate: { codeAndFormulas: false },
        announce: 'Building without code blocks and formulas',
        label: 'code blocks and formulas: build with them / without',
        note: 'a code block in every tenth entry, formulas in another tenth; target ≤ +5 %',
      },
      variantContext,
    )
  : undefined;
rows.push(...(autolinkCost?.rows ?? []), ...(plain ? [plain.row] : []));

builder.emptyTrash();
const output = measurePageWeights(outDir);
rows.push(...pageWeightRows(output));

const search = buildOnly ? undefined : await measureReaderSearch(outDir);
if (search) rows.push(...searchRows(search.figures, search.ranking));

const devEdit =
  !buildOnly && (values['dev-edit'] || (terms <= 1000 && !values['no-dev-edit']))
    ? (console.log('Timing edits in the live preview…'), await measureDevEdit({ siteDir, log: console.log }))
    : undefined;
if (devEdit) rows.push(...devEditRows(devEdit));

const figures: Record<string, unknown> = {
  date: new Date().toISOString(),
  terms,
  runs,
  node: process.version,
  // The validator alone, as this row measured it before it timed the whole command.
  checkSeconds: contentCheck.validateSeconds,
  contentCheck,
  glossa: glossaFigures,
  baseline: baselineFigures,
  // withoutAutomaticLinks (autolink: off), which earlier results call autolinkOff,
  // withoutBodyMentions (mentions: explicit) and autolinkRenderingCpuSeconds (the plugin alone).
  ...autolinkCost?.figures,
  rebuild,
  withoutCodeAndFormulas: plain?.figures,
  ratios: baselineFigures && {
    time: glossaFigures.seconds / baselineFigures.seconds,
    cpu: glossaFigures.cpuSeconds / baselineFigures.cpuSeconds,
    memory: glossaFigures.peakRssMiB / baselineFigures.peakRssMiB,
  },
  output,
  devEdit,
  search: search && {
    ...search.figures,
    nameRanking: {
      queried: search.ranking.queried,
      first: search.ranking.first,
      twins: search.ranking.twins,
      misses: search.ranking.misses.slice(0, 20),
    },
  },
};
if (!buildOnly) rows.push(...(await measureSocialCards(siteDir, glossa.seconds, figures)));

printAndSave(figures, rows);

/** Search as a reader meets it: words the generator uses, a typo of one, and name ranking. */
async function measureReaderSearch(dir: string) {
  console.log('Measuring search…');
  const figures = await measureSearch(dir, {
    first: 'delta hedge',
    warm: ['volatility', 'margin', 'squeeze', 'funding rate'],
    typo: 'volatilty',
  });
  // Pagefind's own ranking (any client's) of exact title and synonym queries, on 1,000 of them.
  const ranking = await measureNameRanking(dir, 1000);
  return { figures, ranking };
}

/** The table's rows for search. */
function searchRows(
  search: SearchFigures,
  ranking: Awaited<ReturnType<typeof measureNameRanking>>,
): [string, string, string][] {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const share = (first: number, queried: number) => `${((100 * first) / Math.max(1, queried)).toFixed(1)} %`;
  return [
    ['search index on disk (without unused UIs)', kb(search.indexBytes), ''],
    [
      `search: first query download ("${search.firstQuery.query}")`,
      kb(search.firstQuery.bytes),
      `${search.firstQuery.requests} requests (${search.transfer}), ${search.firstQuery.ms.toFixed(0)} ms; target ≤ 200 KB`,
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
      share(ranking.first, ranking.queried),
      `${ranking.first} of ${ranking.queried} sampled; target ≥ 95 %; ${share(ranking.first - ranking.twins.first, ranking.queried - ranking.twins.queried)} without the ${ranking.twins.queried} names another entry's name has the same words as`,
    ],
  ];
}

/** Prints the table and saves the figures under bench/results/ (unless `--no-save`). */
function printAndSave(figures: Record<string, unknown>, table: [string, string, string][]) {
  const width = Math.max(...table.map((r) => r[0].length));
  console.log(`\nGlossa benchmark, ${terms} terms (${process.version})`);
  for (const [name, value, note] of table)
    console.log(`${name.padEnd(width)}  ${value.padStart(18)}  ${note}`);
  if (values['no-save']) return;
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const file = join(
    root,
    'bench/results',
    `${String(figures['date']).slice(0, 19).replace(/[:T]/g, '-')}-${terms}.json`,
  );
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`\nSaved ${file}`);
}
