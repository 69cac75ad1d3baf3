import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import sirv from 'sirv';

// Serving a built site and driving Chromium, shared by the benchmark's search figures and the
// browser tests (tests/e2e/support/browser.ts builds its test hooks on it).

/** Debian's Chromium, installed by `.ci/run`. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** The built example site. */
export const SITE_DIR = resolve(import.meta.dirname, '../../dist');

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
