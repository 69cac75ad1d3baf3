/**
 * `npm run bench:check-content [-- --entries 10000]`: generates a synthetic glossary under
 * bench/.work/ and times `check:content` on it end to end (a child process, as an editor runs
 * it). A benchmark, not a test: it prints figures and asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { entries: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } },
});
const count = Number(values.entries);
const root = resolve(import.meta.dirname, '..');
const site = join(root, 'bench/.work', `check-${count}`);

rmSync(site, { recursive: true, force: true });
mkdirSync(join(site, 'public'), { recursive: true });
copyFileSync(join(root, 'tests/fixtures/basic/glossa.config.yaml'), join(site, 'glossa.config.yaml'));
const sections = ['definition', 'area', 'term'];
const slug = (i: number) => `entry-${i}`;
for (const section of sections) mkdirSync(join(site, 'content', section), { recursive: true });
for (let i = 0; i < count; i++) {
  // Deterministic "random" links so every run checks the same glossary.
  const related = [1, 7, 31].map((step) => slug((i + step) % count));
  const text = [
    '---',
    `title: Entry ${i}`,
    `summary: Entry ${i} is a synthetic glossary term that exists to measure how fast checking is.`,
    `published: 2026-0${(i % 9) + 1}-1${i % 10}`,
    `tags: [tag-${i % 50}, group-${i % 7}]`,
    `aka: [Synonym ${i}]`,
    `related: [${related.join(', ')}]`,
    `mentions: [${slug((i + 3) % count)}]`,
    '---',
    '',
    `Entry ${i} has a body of a few paragraphs, like a real entry.`.repeat(8),
    '',
    '- a list item\n- another item',
    '',
  ].join('\n');
  writeFileSync(join(site, 'content', sections[i % 3] ?? 'term', `${slug(i)}.md`), text);
}

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
