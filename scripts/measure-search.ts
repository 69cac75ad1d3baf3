/**
 * Measures search on a built site: index size on disk, bytes a reader downloads for the first
 * query (from a fresh page, everything fetched after focusing the box), and time from the last
 * keystroke to announced results. Usage: `npx node scripts/measure-search.ts [distDir] [query]`.
 */
import { resolve } from 'node:path';
import { measureSearch } from '../bench/search-figures.ts';

const distDir = resolve(process.argv[2] ?? 'dist');
const figures = await measureSearch(distDir, process.argv[3] ? { first: process.argv[3] } : {});
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const { firstQuery, warm, typo } = figures;

console.log(`site: ${distDir}`);
console.log(
  `index on disk: ${kb(figures.indexBytes)} (plus ${kb(figures.unusedUiBytes)} of unused Pagefind UI files)`,
);
console.log(
  `first query "${firstQuery.query}": ${kb(firstQuery.bytes)} in ${firstQuery.requests} requests, ${firstQuery.ms.toFixed(0)} ms keystroke to results`,
);
for (const f of firstQuery.files)
  console.log(`  ${f.path}  ${f.bytes} B${f.encoding ? ` (${f.encoding})` : ''}`);
console.log(
  `later queries: ${warm.map((w) => `${w.query} ${w.ms.toFixed(0)} ms (${w.top})`).join(', ')}; includes the 120 ms debounce`,
);
console.log(`typo "${typo.query}": ${typo.ms.toFixed(0)} ms, ${kb(typo.bytes)} fetched; "${typo.status}"`);
