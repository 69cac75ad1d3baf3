import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSubPathSite, type SubPathSite } from '../support/sub-path-site.ts';
import { CHROMIUM_PATH } from './support/browser.ts';

// A glossary published at https://…/docs/glossary, served here at /docs/glossary/ and nowhere
// else: styles, links and search must all work from there.
const ROOT = '/docs/glossary/';
let site: SubPathSite;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  site = await serveSubPathSite(ROOT, 'e2e-sub-path');
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
});
