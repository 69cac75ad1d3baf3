/**
 * `npm run bench:check-content [-- --entries 10000]`: generates a synthetic glossary under
 * bench/.work/ and times `check:content` on it end to end (a child process, as an editor runs
 * it). A benchmark, not a test: it prints figures and asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateGlossary } from './generate.ts';

const { values } = parseArgs({
  options: { entries: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } },
});
const count = Number(values.entries);
const root = resolve(import.meta.dirname, '..');
const site = join(root, 'bench/.work', `check-${count}`);

rmSync(site, { recursive: true, force: true });
// The benchmark's own synthetic glossary, so check:content is timed on what the build is timed on.
generateGlossary(site, count);

const times: number[] = [];
let summary = '';
for (let run = 0; run < Number(values.runs); run++) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(root, 'scripts/check-content.ts'), '--site', site], {
    encoding: 'utf8',
  });
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  summary = result.stdout.trim().split('\n').at(-1) ?? '';
}
const best = Math.min(...times);
process.stdout.write(
  `check:content on ${count} entries: ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')} (best ${(best / 1000).toFixed(2)} s)\n${summary}\n`,
);
