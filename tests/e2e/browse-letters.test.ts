import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateGlossary } from '../../bench/generate.ts';
import { buildSiteFolder } from '../support/build-fixture.ts';
import { axeViolations, openSite, type SiteSession } from './support/browser.ts';

// A generated glossary of 80 entries: an A–Z page several screens long, with letters both used
// and unused.
const siteDir = mkdtempSync(join(tmpdir(), 'glossa-letters-'));
let site: SiteSession;
let page: Page;
beforeAll(async () => {
  generateGlossary(siteDir, 80);
  const build = buildSiteFolder(siteDir, 'e2e-letters');
  if (build.status !== 0) throw new Error(`generated glossary build failed:\n${build.output}`);
  site = await openSite(build.outDir);
}, 180_000);
afterAll(async () => {
  await site?.close();
  rmSync(siteDir, { recursive: true, force: true });
});
beforeEach(async () => {
  page = await site.browser.newPage();
});
afterEach(async () => {
  await page?.close();
});

const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

/** Presses Tab until the focused element's text is `text`, as a keyboard user would get there. */
async function tabTo(text: string, within: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((selector) => {
      const active = document.activeElement;
      return active?.closest(selector) ? active.textContent : null;
    }, within);
    if (focused === text) return;
  }
  throw new Error(`never reached "${text}" in ${within} with Tab`);
}

const barBottom = () => page.locator('nav.letter-bar').evaluate((nav) => nav.getBoundingClientRect().bottom);
const headingTop = (id: string) =>
  page.locator(`#${id}`).evaluate((heading) => heading.getBoundingClientRect().top);

describe('browsing by letter', () => {
  for (const { name, width, height } of WIDTHS) {
    it(`leads from the home page's letters into the A–Z page by keyboard, ${name}`, async () => {
      await page.setViewportSize({ width, height });
      await page.goto(`${site.origin}/`);
      const bar = page.locator('nav[aria-label="Browse A–Z by letter"]');
      const links = await bar.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const unlinked = await bar.locator('span[aria-disabled="true"]').allTextContents();
      expect(links.length).toBeGreaterThan(3);
      expect(unlinked.length).toBeGreaterThan(0);
      expect(links.every((href) => /^\/a-z\/#letter-[a-z0-9-]+$/.test(href ?? ''))).toBe(true);

      const first = (await bar.locator('a').first().textContent()) ?? '';
      await tabTo(first, 'nav.letter-bar');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/a-z/#letter-${first.toLowerCase()}`);
      // The group's heading is in view, below the bar that stays at the top.
      const top = await headingTop(`letter-${first.toLowerCase()}`);
      expect(top).toBeGreaterThanOrEqual(await barBottom());
      expect(top).toBeLessThan(height);
    });

    it(`keeps the A–Z letter bar in reach while scrolling and leads back to the top, ${name}`, async () => {
      await page.setViewportSize({ width, height });
      await page.goto(`${site.origin}/a-z/`);
      const groups = await page.locator('.letter-group').count();
      expect(await page.locator('.letter-group .back-to-top a').count()).toBe(groups);

      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const stuck = await page.locator('nav.letter-bar').evaluate((nav) => nav.getBoundingClientRect().top);
      expect(stuck).toBe(0);

      // The last group's "Back to top", reached with the keyboard from the last letter group.
      await page.locator('.letter-group').last().locator('a').first().focus();
      await tabTo('Back to top', '.letter-group:last-of-type');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(200);
      // The next Tab goes on from the top of the content, not from the last group.
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => document.activeElement?.closest('.letter-group') === null);
      expect(next).toBe(true);
    });

    for (const path of ['/', '/a-z/']) {
      it(`has no axe-core violations in light and dark mode, ${name}: ${path}`, async () => {
        await page.setViewportSize({ width, height });
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await page.goto(`${site.origin}${path}`);
          expect(await axeViolations(page), `${path} (${colorScheme})`).toEqual([]);
        }
      });
    }
  }
});
