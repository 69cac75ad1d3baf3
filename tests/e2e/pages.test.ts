import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations, openSite, type SiteSession } from './support/browser.ts';

let site: SiteSession;
let page: Page;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site.close();
});
beforeEach(async () => {
  page = await site.browser.newPage();
});
afterEach(async () => {
  await page.close();
});

/** One page of each kind a reader meets. */
const PAGES = [
  '/',
  '/definition/negative-gamma/',
  '/term/liquidity-evaporation/',
  '/definition/',
  '/a-z/',
  '/tags/gamma/',
  '/categories/',
  '/404.html',
];

describe('every kind of page', () => {
  for (const path of PAGES) {
    it(`has no axe-core violations, in light and dark mode: ${path}`, async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await page.goto(`${site.origin}${path}`);
        expect(await axeViolations(page), `${path} (${colorScheme})`).toEqual([]);
      }
    });
  }

  it('reads on a phone without sideways scrolling of the page', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of PAGES) {
      await page.goto(`${site.origin}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  it('runs no script on a term page until search is used', async () => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${site.origin}/definition/negative-gamma/`);
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
  });
});
