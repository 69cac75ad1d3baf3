import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import compression from 'compression';
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

/** One response as it went over the wire. */
export interface ServedFile {
  /** The path asked for, without the query string. */
  path: string;
  /** Bytes written to the connection for this response: status line, headers and (encoded) body. */
  bytes: number;
  /** The response's `Content-Encoding`, when the server compressed it. */
  encoding?: string;
}

/** How the site is served. */
export interface ServeOptions {
  /**
   * Compress responses as a static host does (gzip, for the types it compresses: HTML, JS, CSS,
   * JSON, SVG). Pagefind's index, fragment and wasm files are gzipped by Pagefind itself and served as
   * they are, as a host would serve them.
   */
  compress?: boolean;
}

/** A static server for `dist/` on 127.0.0.1 and a Chromium to browse it. */
export interface SiteSession {
  origin: string;
  browser: Browser;
  /** Every response the server finished, in order, with its size on the wire. */
  served: ServedFile[];
  close(): Promise<void>;
}

/**
 * Serves `siteDir` on a free port of 127.0.0.1, logging every response's size on the wire; the
 * server counts, rather than the browser, because Chromium does not report the bodies its
 * workers fetch (Pagefind searches in a Web Worker).
 */
export async function serveSite(
  siteDir: string,
  { compress = false }: ServeOptions = {},
): Promise<{ origin: string; served: ServedFile[]; close(): Promise<void> }> {
  const serve = sirv(siteDir, { dev: false, etag: true });
  // compression() works on Node's own requests; its types name Express's, a superset.
  const compressor = compress
    ? (compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void)
    : undefined;
  const served: ServedFile[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // HTTP/1.1 answers one request at a time per connection, so the connection's byte count
    // from here to the response's end is this response alone.
    const socket = req.socket;
    const before = socket.bytesWritten;
    res.once('finish', () => {
      const encoding = res.getHeader('content-encoding');
      served.push({
        path: new URL(req.url ?? '/', 'http://site.invalid').pathname,
        bytes: socket.bytesWritten - before,
        ...(typeof encoding === 'string' ? { encoding } : {}),
      });
    });
    if (compressor) {
      // gzip only, as every static host offers it; some would send brotli, a little smaller.
      if (/\bgzip\b/.test(String(req.headers['accept-encoding']))) req.headers['accept-encoding'] = 'gzip';
      compressor(req, res, () => serve(req, res));
    } else serve(req, res);
  };
  const server: Server = createServer(handle);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Serves a built site (the example site by default) on a free local port and launches Chromium. */
export async function openSite(siteDir = SITE_DIR, options: ServeOptions = {}): Promise<SiteSession> {
  const site = await serveSite(siteDir, options);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
  return {
    origin: site.origin,
    browser,
    served: site.served,
    async close() {
      await browser.close();
      await site.close();
    },
  };
}
