import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../../bench/support/browser.ts';
import { startDevServer, stopDevServer, waitFor, type DevServer } from '../../bench/support/dev-edit.ts';

// The live preview of a glossary in a folder of its own (outside the project, as an editor's is),
// so breaking an entry never touches the fixture.
const siteDir = mkdtempSync(join(tmpdir(), 'glossa-dev-errors-'));
const entry = join(siteDir, 'content/definition/alpha.md');
const STARTUP_MS = 240_000;

let server: DevServer | undefined;
let browser: Browser | undefined;
let page: Page;
let original: string;

beforeAll(async () => {
  cpSync(resolve(import.meta.dirname, '../fixtures/basic'), siteDir, { recursive: true });
  original = readFileSync(entry, 'utf8');
  const dev = await startDevServer(siteDir);
  server = dev;
  await waitFor(
    STARTUP_MS,
    dev,
    async () => (await fetch(`${dev.origin}/definition/alpha/`).catch(() => null))?.ok === true,
  );
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  page = await browser.newPage();
  await page.goto(`${dev.origin}/definition/alpha/`);
}, STARTUP_MS + 30_000);

afterAll(async () => {
  await browser?.close();
  if (server) await stopDevServer(server);
  rmSync(siteDir, { recursive: true, force: true });
}, 90_000);

const overlay = () => page.locator('vite-error-overlay');
/** The overlay's title, or null while there is no overlay. */
const overlayTitle = () =>
  overlay()
    .locator('#title')
    .textContent()
    .catch(() => null);
const WAIT = { timeout: 60_000 };

describe('the live preview of a broken save', () => {
  it('shows the problem with file, line and field over the last good page, and clears it once fixed', async () => {
    await expect.poll(() => page.locator('article.term h1').textContent(), WAIT).toBe('Alpha');

    writeFileSync(entry, original.replace('related: [beta, gamma-area]', 'related: [bta, gamma-area]'));
    await expect.poll(overlayTitle, WAIT).toBe('The glossary has 1 problem');
    expect(await overlay().locator('#message-content').textContent()).toBe(
      "content/definition/alpha.md:11:1  related[0]  'bta' is not an entry in this glossary  (did you mean 'beta'?)",
    );
    expect(await overlay().locator('#code h2').textContent()).toBe('definition/alpha.md:11:1');
    // Under the overlay the page is the last good one.
    expect(await page.locator('article.term h1').textContent()).toBe('Alpha');

    // A page opened while the glossary is broken is told too.
    await page.reload();
    await expect.poll(overlayTitle, WAIT).toBe('The glossary has 1 problem');

    writeFileSync(entry, original);
    await expect.poll(() => overlay().count(), WAIT).toBe(0);
    await expect
      .poll(
        () =>
          page
            .locator('h1')
            .textContent()
            .catch(() => null),
        WAIT,
      )
      .toBe('Alpha');
  }, 180_000);
});

/** The open page's entry title; `null` while the page reloads. */
const entryTitle = () =>
  page
    .locator('article.term h1')
    .textContent()
    .catch(() => null);

describe('the live preview of a good save', () => {
  it('shows an edit on the open page, serves an added entry and answers 404 for a deleted one', async () => {
    const origin = server?.origin ?? '';
    await page.goto(`${origin}/definition/alpha/`);
    writeFileSync(entry, original.replace(/^title: Alpha$/m, 'title: Alpha Edited'));
    await expect.poll(entryTitle, WAIT).toBe('Alpha Edited');

    const added = join(siteDir, 'content/definition/omega-added.md');
    writeFileSync(
      added,
      [
        '---',
        'title: Omega Added',
        'published: 2026-01-01',
        '---',
        '',
        'Added while the preview runs.',
        '',
      ].join('\n'),
    );
    const status = async (path: string) => (await fetch(`${origin}${path}`).catch(() => undefined))?.status;
    await expect.poll(() => status('/definition/omega-added/'), WAIT).toBe(200);

    rmSync(added);
    await expect.poll(() => status('/definition/omega-added/'), WAIT).toBe(404);
    writeFileSync(entry, original);
    await expect.poll(entryTitle, WAIT).toBe('Alpha');
  }, 180_000);
});

describe('the live preview of a page loading during a save', () => {
  it('reloads a page that got its HTML before the save and missed the reload', async () => {
    const origin = server?.origin ?? '';
    const path = '/definition/alpha/';
    const serverTitle = async () =>
      /<h1[^>]*>([^<]*)<\/h1>/.exec(await (await fetch(`${origin}${path}`)).text())?.[1];
    expect(await serverTitle()).toBe('Alpha');
    if (!browser) throw new Error('the browser did not start');
    // A context of its own, so that nothing the other pages loaded comes from the cache.
    const context = await browser.newContext();
    const fresh = await context.newPage();
    // The page has its HTML, but the dev server's client script, which hears reloads, is held
    // back until the server shows the saved title and has sent its reload: this page was too
    // early for it, as a page still loading on a slow machine is.
    let held = false;
    await fresh.route(`${origin}/@vite/client`, async (route) => {
      if (held) return route.continue();
      held = true;
      writeFileSync(entry, original.replace(/^title: Alpha$/m, 'title: Alpha Late'));
      await expect.poll(serverTitle, WAIT).toBe('Alpha Late');
      await route.continue();
    });
    await fresh.goto(`${origin}${path}`, { waitUntil: 'commit' });
    await expect
      .poll(
        () =>
          fresh
            .locator('article.term h1')
            .textContent()
            .catch(() => null),
        WAIT,
      )
      .toBe('Alpha Late');
    expect(held).toBe(true);
    await context.close();
    writeFileSync(entry, original);
    await expect.poll(serverTitle, WAIT).toBe('Alpha');
  }, 180_000);
});
