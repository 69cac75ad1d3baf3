import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSubPathSite, type SubPathSite } from '../support/sub-path-site.ts';
import { partOf } from '../../src/lib/search/index-parts.ts';
import { CHROMIUM_PATH } from './support/browser.ts';

// A glossary published at https://…/docs/glossary, served here at /docs/glossary/ and nowhere
// else: styles, links and search must all work from there. Its search index is written in parts
// (two term pages each), so the parts' merge is driven from a sub-path too.
const ROOT = '/docs/glossary/';
const PARTS = 3;
let site: SubPathSite;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  site = await serveSubPathSite(ROOT, 'e2e-sub-path', 'searchPartSize: 2');
  if (site.build.status !== 0) throw new Error(`sub-path build failed:\n${site.build.output}`);
  origin = site.origin;
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('a glossary served under /docs/glossary/', () => {
  it('loads its stylesheet and finds a term from the header box, linking under the path', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(response.url());
    });
    await page.goto(`${origin}${ROOT}`);
    // The theme's custom property is defined only by the shared stylesheet.
    const accent = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--glossa-accent').trim(),
    );
    expect(accent).not.toBe('');
    await page.locator('#site-search-input').fill('alpha');
    const hit = page.locator('#site-search-panel a[href*="/definition/alpha/"]').first();
    await expect.poll(() => hit.getAttribute('href')).toBe(`${ROOT}definition/alpha/`);
    await hit.click();
    await page.waitForURL(`${origin}${ROOT}definition/alpha/`);
    expect(await page.locator('h1').textContent()).toBe('Alpha');
    expect(failed).toEqual([]);
    await page.close();
  });

  it('searches every part of an index written in parts, each hit linking under the path', async () => {
    const terms = [
      { query: 'alpha', path: 'definition/alpha/' },
      { query: 'beta', path: 'definition/beta/' },
      { query: 'gamma area', path: 'area/gamma-area/' },
      { query: 'long read', path: 'term/long-read/' },
    ];
    // The part a page is in comes from its path alone; these four span more than one.
    const parts = new Set(terms.map(({ path }) => partOf(`${path}index.html`, PARTS)));
    expect(parts.size).toBeGreaterThan(1);
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(response.url());
    });
    await page.goto(`${origin}${ROOT}`);
    const manifest = await page.evaluate(
      async (root) => (await fetch(`${root}pagefind/glossa-parts.json`)).json(),
      ROOT,
    );
    // Of the three parts, one gets none of these five pages: it is left out, not written empty.
    expect(manifest).toEqual({ parts: ['part-2/'] });
    for (const { query, path } of terms) {
      await page.locator('#site-search-input').fill(query);
      const hit = page.locator(`#site-search-panel a[href="${ROOT}${path}"]`).first();
      await expect.poll(() => hit.count(), { message: `a hit for "${query}"` }).toBeGreaterThan(0);
    }
    expect(failed).toEqual([]);
    await page.close();
  });
});
