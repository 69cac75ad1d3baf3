/**
 * Search figures of a built site, as a reader meets them in Chromium: the bytes the first query
 * downloads (everything fetched after focusing the box on a fresh page), the time from the last
 * keystroke to announced results once warm, and a typo query that also fetches the names list.
 * Sizes are bytes on the wire from a server that compresses as static hosts do (see `serveSite`).
 * Reported by the benchmark and by `scripts/measure-search.ts`; never asserted in tests.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openSite, type ServedFile } from './support/browser.ts';

/** What `measureSearch` reports. */
export interface SearchFigures {
  /** The Pagefind index on disk, without the ready-made UIs Glossa never loads. */
  indexBytes: number;
  unusedUiBytes: number;
  firstQuery: {
    query: string;
    bytes: number;
    requests: number;
    ms: number;
    /** Every response, in the order the server finished them. */
    files: ServedFile[];
  };
  /** How sizes were measured, for the report. */
  transfer: string;
  /** Keystroke to results for later queries, each typed afresh; includes the box's debounce (SEARCH_DEBOUNCE_MS). */
  warm: { query: string; ms: number; top: string }[];
  warmMedianMs: number;
  /** A query that matches nothing real: suggestion lookup, names list download and a second search. */
  typo: { query: string; ms: number; bytes: number; status: string };
}

const sizeOf = (path: string): number =>
  statSync(path).isDirectory()
    ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0)
    : statSync(path).size;

/** Measures search on the site built into `distDir`. */
export async function measureSearch(
  distDir: string,
  { first = 'negative gamma', warm = ['delta', 'volatility', 'margin'], typo = 'volatilty' } = {},
): Promise<SearchFigures> {
  const pagefindDir = join(distDir, 'pagefind');
  const uiFiles = readdirSync(pagefindDir).filter((name) => /ui\.(js|css)$|highlight/.test(name));
  const unusedUiBytes = uiFiles.reduce((sum, name) => sum + sizeOf(join(pagefindDir, name)), 0);

  const { origin, browser, served, close } = await openSite(distDir, { compress: true });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForLoadState('networkidle');
    const beforeFirst = served.length;
    const firstMs = await timeQuery(page, first);
    // Let in-flight fetches of the first query land before counting them.
    await page.waitForTimeout(1000);
    const files = served.slice(beforeFirst);
    const warmRuns = [];
    for (const query of warm) {
      const ms = await timeQuery(page, query);
      const top = (await page.locator('#site-search-panel .search-hit-title').first().textContent()) ?? '';
      warmRuns.push({ query, ms, top });
    }
    const beforeTypo = served.length;
    const typoMs = await timeQuery(page, typo);
    await page.waitForTimeout(500);
    const typoFiles = served.slice(beforeTypo);
    const sorted = warmRuns.map((w) => w.ms).sort((a, b) => a - b);
    return {
      indexBytes: sizeOf(pagefindDir) - unusedUiBytes,
      unusedUiBytes,
      firstQuery: {
        query: first,
        bytes: files.reduce((sum, f) => sum + f.bytes, 0),
        requests: files.length,
        ms: firstMs,
        files,
      },
      transfer: 'bytes on the wire, gzip as static hosts serve JS, JSON and HTML',
      warm: warmRuns,
      warmMedianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
      typo: {
        query: typo,
        ms: typoMs,
        bytes: typoFiles.reduce((sum, f) => sum + f.bytes, 0),
        status: (await page.locator('#site-search-panel [role="status"]').textContent()) ?? '',
      },
    };
  } finally {
    await close();
  }
}

/** Types a query and returns ms from its last keystroke to the live region announcing the outcome. */
async function timeQuery(page: Page, text: string): Promise<number> {
  await page.locator('#site-search-input').fill('');
  await page.locator('#site-search-input').focus();
  await page.keyboard.type(text.slice(0, -1));
  await page.evaluate((query) => {
    const status = document.querySelector('#site-search-panel [role="status"]');
    const w = window as unknown as { glossaDone: Promise<number>; glossaStart: number };
    w.glossaDone = new Promise((done) => {
      new MutationObserver(() => {
        if (status?.textContent?.includes(`“${query}”`)) done(performance.now() - w.glossaStart);
      }).observe(status as Node, { childList: true, characterData: true, subtree: true });
    });
    addEventListener('keydown', () => (w.glossaStart = performance.now()), { once: true, capture: true });
  }, text);
  await page.keyboard.type(text.slice(-1));
  return page.evaluate(() => (window as unknown as { glossaDone: Promise<number> }).glossaDone);
}
