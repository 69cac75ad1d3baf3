import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-fixture.ts';
import { copyFixture } from '../support/run-script.ts';
import { CHROMIUM_PATH } from './support/browser.ts';

// A glossary published at https://…/docs/glossary, served here at /docs/glossary/ and nowhere
// else: styles, links and search must all work from there.
const ROOT = '/docs/glossary/';
let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  const siteDir = copyFixture('basic');
  const config = join(siteDir, 'glossa.config.yaml');
  writeFileSync(
    config,
    readFileSync(config, 'utf8').replace(/^url: .*$/m, 'url: https://fixture.example.org/docs/glossary'),
  );
  const build = buildSite(siteDir, 'e2e-sub-path');
  if (build.status !== 0) throw new Error(`sub-path build failed:\n${build.output}`);
  const serve = sirv(build.outDir, { dev: true });
  server = createServer((request, response) => {
    const notFound = () => {
      response.statusCode = 404;
      response.end();
    };
    if (!request.url?.startsWith(ROOT)) return notFound();
    request.url = request.url.slice(ROOT.length - 1);
    serve(request, response, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
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
