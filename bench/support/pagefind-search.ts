import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mergeIndexParts, type MergeableIndex } from '../../src/browser/search/merge-parts.ts';
import { serveSite, type ServedFile } from './browser.ts';

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
  /** Every index file Pagefind fetched so far, in order. */
  served: ServedFile[];
  close(): Promise<void>;
}

interface PagefindModule extends MergeableIndex {
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
 * options, merges the index's other parts if it has any, and serves its index files over a local
 * HTTP server, as Pagefind fetches them.
 */
export async function openPagefind(outDir: string): Promise<PagefindSession> {
  const site = await serveSite(outDir);
  // A query string gives every session its own module instance, so two sites never share state.
  const bundle = `${pathToFileURL(join(outDir, 'pagefind/pagefind.js')).href}?site=${encodeURIComponent(site.origin)}`;
  const pagefind = (await import(bundle)) as PagefindModule;
  await pagefind.options({ basePath: `${site.origin}/pagefind/` });
  await pagefind.init();
  // An index written in parts is merged as the site's own search code merges it.
  await mergeIndexParts(pagefind, `${site.origin}/pagefind/`);
  return {
    async search(query, limit = 10) {
      const { results } = await pagefind.search(query);
      const hits = await Promise.all(
        results.slice(0, limit).map(async (r) => ({ ...(await r.data()), score: r.score })),
      );
      return { total: results.length, hits };
    },
    served: site.served,
    close: site.close,
  };
}
