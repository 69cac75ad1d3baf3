import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { openSite, type SiteSession } from '../../../bench/support/browser.ts';

export { CHROMIUM_PATH, SITE_DIR, openSite, type SiteSession } from '../../../bench/support/browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A violation as axe-core reports it, reduced to what a failing test should print. */
export interface AxeViolation {
  id: string;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page (WCAG 2.x A and AA rules plus best practices). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the pages' Content-Security-Policy does not
  // govern: a <script> tag added to the page would be blocked by it, as it should be.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const { violations } = await axe.run();
    return violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.flatMap((n) => n.target) }));
  });
}

/** The titles of the results listed under `list`, in order. */
export function resultTitles(page: Page, list: string): Promise<string[]> {
  return page.locator(`${list} .search-hit-title`).allTextContents();
}

/** The site and the browser page of the test that is running. */
export interface SiteTab {
  readonly site: SiteSession;
  readonly page: Page;
}

/**
 * Registers the hooks every browser test file needs: the site served and Chromium launched once
 * per file, a fresh page for each test. Read `site` and `page` inside tests, not at load time.
 */
export function useSiteTab(): SiteTab {
  let site: SiteSession | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    site = await openSite();
  });
  afterAll(async () => {
    await site?.close();
  });
  beforeEach(async () => {
    page = await site?.browser.newPage();
  });
  afterEach(async () => {
    await page?.close();
  });
  return {
    get site() {
      if (!site) throw new Error('the site is not open yet');
      return site;
    },
    get page() {
      if (!page) throw new Error('no page outside a test');
      return page;
    },
  };
}
