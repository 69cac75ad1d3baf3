import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sirv from 'sirv';

/** A result as Pagefind's own search API returns it, with its data loaded. */
export interface PagefindHit {
  url: string;
  score: number;
  meta: Record<string, string>;
  excerpt: string;
}

/** Pagefind's browser API, run in Node against a built site: the ranking every client gets. */
export interface PagefindSession {
  /** The first `limit` results for `query`, in Pagefind's own order, with no client re-ranking. */
  search(query: string, limit?: number): Promise<{ total: number; hits: PagefindHit[] }>;
  close(): Promise<void>;
}

interface PagefindModule {
  options(options: { basePath: string }): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{
    results: {
      score: number;
      data(): Promise<{ url: string; meta: Record<string, string>; excerpt: string }>;
    }[];
  }>;
}

/**
 * Loads `<outDir>/pagefind/pagefind.js` (the bundle a browser would load) with Pagefind's default
 * options, and serves its index files over a local HTTP server, as Pagefind fetches them.
 */
export async function openPagefind(outDir: string): Promise<PagefindSession> {
  const serve = sirv(outDir, { dev: false });
  const server: Server = createServer((req, res) => serve(req, res));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  // A query string gives every session its own module instance, so two sites never share state.
  const bundle = `${pathToFileURL(join(outDir, 'pagefind/pagefind.js')).href}?port=${port}`;
  const pagefind = (await import(bundle)) as PagefindModule;
  await pagefind.options({ basePath: `http://127.0.0.1:${port}/pagefind/` });
  await pagefind.init();
  return {
    async search(query, limit = 10) {
      const { results } = await pagefind.search(query);
      const hits = await Promise.all(
        results.slice(0, limit).map(async (r) => ({ ...(await r.data()), score: r.score })),
      );
      return { total: results.length, hits };
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}
