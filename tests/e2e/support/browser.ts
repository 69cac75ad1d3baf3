import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/** Debian's Chromium, installed by `.ci/run`. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** The built example site. */
export const SITE_DIR = resolve(import.meta.dirname, '../../../dist');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A static server for `dist/` on 127.0.0.1 and a Chromium to browse it. */
export interface SiteSession {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves a built site (the example site by default) on a free local port and launches Chromium. */
export async function openSite(siteDir = SITE_DIR): Promise<SiteSession> {
  const serve = sirv(siteDir, { dev: false, etag: true });
  const server: Server = createServer((req, res) => serve(req, res));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
  return {
    origin: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A violation as axe-core reports it, reduced to what a failing test should print. */
export interface AxeViolation {
  id: string;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page (WCAG 2.x A and AA rules plus best practices). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
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
