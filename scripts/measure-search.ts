/**
 * Measures search on a built site: index size on disk, bytes a reader downloads for the first
 * query (from a fresh page, everything fetched after focusing the box), and time from the last
 * keystroke to painted results. Usage: `npx node scripts/measure-search.ts [distDir] [query]`.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openSite } from '../tests/e2e/support/browser.ts';

const distDir = resolve(process.argv[2] ?? 'dist');
const query = process.argv[3] ?? 'negative gamma';

const sizeOf = (path: string): number =>
  statSync(path).isDirectory()
    ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0)
    : statSync(path).size;
const pagefindDir = join(distDir, 'pagefind');
// Pagefind also writes its optional ready-made UIs; Glossa never loads them, so they are reported apart.
const uiFiles = readdirSync(pagefindDir).filter((name) => /ui\.(js|css)$|highlight/.test(name));
const uiBytes = uiFiles.reduce((sum, name) => sum + sizeOf(join(pagefindDir, name)), 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const { origin, browser, close } = await openSite(distDir);
const page = await browser.newPage();
await page.goto(`${origin}/`);
await page.waitForLoadState('networkidle');
const pending: Promise<{ url: string; bytes: number }>[] = [];
page.on('requestfinished', (request) => {
  pending.push(
    request.sizes().then((sizes) => ({
      url: new URL(request.url()).pathname,
      bytes: sizes.responseBodySize + sizes.responseHeadersSize,
    })),
  );
});

/** Types a query and returns ms from its last keystroke to the result count being announced. */
async function timeQuery(text: string): Promise<number> {
  await page.locator('#site-search-input').fill('');
  await page.locator('#site-search-input').focus();
  await page.keyboard.type(text.slice(0, -1));
  await page.evaluate(() => {
    const status = document.querySelector('#site-search-panel [role="status"]');
    const w = window as unknown as { glossaDone: Promise<number>; glossaStart: number };
    w.glossaDone = new Promise((done) => {
      new MutationObserver(() => {
        if (status?.textContent?.includes('match')) done(performance.now() - w.glossaStart);
      }).observe(status as Node, { childList: true, characterData: true, subtree: true });
    });
    addEventListener('keydown', () => (w.glossaStart = performance.now()), { once: true, capture: true });
  });
  await page.keyboard.type(text.slice(-1));
  return page.evaluate(() => (window as unknown as { glossaDone: Promise<number> }).glossaDone);
}

const firstMs = await timeQuery(query);
// Let in-flight fetches of the first query land before counting them.
await page.waitForTimeout(1000);
const fetched = await Promise.all(pending);
const firstBytes = fetched.reduce((sum, f) => sum + f.bytes, 0);
const firstFiles = fetched.length;
const warm = [];
for (const q of ['delta', 'volatility', 'liquidation']) warm.push(await timeQuery(q));
const top = await page.locator('#site-search-panel .search-hit-title').first().textContent();

console.log(`site: ${distDir}`);
console.log(
  `index on disk: ${kb(sizeOf(pagefindDir) - uiBytes)} (plus ${kb(uiBytes)} of unused Pagefind UI files)`,
);
console.log(
  `first query "${query}": ${kb(firstBytes)} in ${firstFiles} requests, ${firstMs.toFixed(0)} ms keystroke to results`,
);
for (const f of fetched.slice(0, firstFiles)) console.log(`  ${f.url}  ${f.bytes} B`);
console.log(
  `later queries: ${warm.map((ms) => `${ms.toFixed(0)} ms`).join(', ')} (includes the 120 ms debounce); last top hit: ${top}`,
);
await close();
