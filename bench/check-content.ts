/**
 * `npm run bench:check-content [-- --entries 10000] [--runs 3]`: generates a synthetic glossary
 * under bench/.work/ and times `check:content` on it end to end (a child process, as an editor
 * runs it): once cold, with nothing kept from an earlier run, then warm, with what the runs before
 * kept (node_modules/.astro/). A benchmark, not a test: it prints figures and asserts nothing.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateGlossary } from './generate.ts';
import { runMeasured } from './measure.ts';
import { checkCacheFiles } from './support/content-check.ts';

const { values } = parseArgs({
  options: { entries: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } },
});
const count = Number(values.entries);
const root = resolve(import.meta.dirname, '..');
const site = join(root, 'bench/.work', `check-${count}`);

rmSync(site, { recursive: true, force: true });
// The benchmark's own synthetic glossary, so check:content is timed on what the build is timed on.
generateGlossary(site, count);
// A glossary generated again is the same text, so what an earlier benchmark kept would still count.
const cacheRoot = join(root, 'node_modules/.astro');
for (const file of checkCacheFiles(cacheRoot, site)) rmSync(file, { force: true });

const lines: string[] = [];
let summary = '';
for (let run = 0; run < Number(values.runs); run++) {
  const result = await runMeasured(
    process.execPath,
    [join(root, 'scripts/check-content.ts'), '--site', site],
    {
      cwd: root,
      env: process.env,
    },
  );
  if (result.status !== 0) throw new Error(`check:content failed:\n${result.output.slice(-3000)}`);
  lines.push(
    `  ${run === 0 ? 'cold' : 'warm'}: ${result.seconds.toFixed(2)} s wall, ${result.cpuSeconds.toFixed(2)} s CPU, peak ${result.peakRssMiB.toFixed(0)} MiB`,
  );
  summary = result.output.trim().split('\n').at(-1) ?? '';
}
process.stdout.write(`check:content on ${count} entries:\n${lines.join('\n')}\n${summary}\n`);
