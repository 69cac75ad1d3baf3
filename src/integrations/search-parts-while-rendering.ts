import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import type { AstroPrerenderer, PathWithRoute, PrerenderResult } from 'astro';
import picomatch from 'picomatch';
import { indexedText, partCount, partOf } from '../lib/search/index-parts.ts';

/**
 * Indexes the parts of the search index while Astro is still rendering pages, on the core the
 * render leaves free, instead of after the last page (where Pagefind took 12–16 s of a 10,000
 * entry build with nothing else to do).
 *
 * It wraps Astro's prerenderer (`setPrerenderer` in `astro:build:start`): the term pages are
 * rendered part by part (src/lib/search/index-parts.ts), what Pagefind reads of each page is
 * noted as Astro renders it, and once every page of a part is rendered and written, the part is
 * indexed from the written pages, one part at a time while pages render (from those files: at
 * 10,000 entries copies of the pages made this 230 MB more to write, a good part of what the
 * overlap saved, on a disk where writing costs more CPU than rendering). The part is kept in the store
 * under the digest of its pages, so the index written at `astro:build:done` finds it there as
 * it finds a part kept by the last build, and indexes only what is missing: a page Astro copied
 * from its cache rather than rendered leaves its part to that step. The digest there is worked
 * out from the pages Astro wrote, so a part indexed from anything else is simply not used.
 */
export interface SearchPartsWhileRendering {
  /** Astro's prerenderer, wrapped: what `setPrerenderer` is given. */
  wrap(base: AstroPrerenderer): AstroPrerenderer;
  /**
   * Indexes the parts still waiting, `atOnce` at a time, and lets the ones being indexed finish.
   * Resolves to the digests of the parts it indexed.
   */
  settle(atOnce: number): Promise<Set<string>>;
}

/** What the parts are made of and where they are kept. */
export interface SearchPartsOptions {
  /** The store of kept parts (what `astro:build:done` looks in). */
  store: string;
  /** The glossary's folder in Astro's output, where the pages are written. */
  outDir: string;
  /** The term pages, relative to the glossary's output folder (`termPagesGlob`). */
  glob: string;
  /** The glossary's place in the output: `/` unless it is part of a larger site. */
  subdir: string;
  /** Astro's `base`, which the URLs of rendered pages start with. */
  base: string;
  /** Term pages per part. */
  partSize?: number | undefined;
  /** The store's name for a part (`partDigest`). */
  digestOf(parts: number, pages: Iterable<readonly [string, string]>): string;
  /** How long a part waits for Astro to write its last pages (10 s unless told). */
  writeWaitMs?: number;
  /** Indexes the pages at `paths` (relative to `outDir`) into `target` (`indexPart`). */
  indexPages(outDir: string, paths: readonly string[], target: string): Promise<void>;
}

interface Part {
  /** The pages the part is expecting, relative to the glossary's folder. */
  expected: number;
  /** Each rendered page's path and the text Pagefind reads of it. */
  texts: Map<string, string>;
  /** Each rendered page's path and its size in bytes, to know when Astro has written it. */
  sizes: Map<string, number>;
  /** A page of the part was not rendered as a page (a redirect, an error): left to the end. */
  broken: boolean;
}

/** How long a part waits for Astro to write its last pages before it is left to the end. */
const WRITE_WAIT_MS = 10_000;

/** Starts the bookkeeping for one build. */
export function searchPartsWhileRendering(options: SearchPartsOptions): SearchPartsWhileRendering {
  // Astro empties its output folder after this, so a page file written since is this build's.
  const startedAt = Date.now();
  const matches = picomatch(options.glob);
  const folder = options.subdir.replace(/^\/+/, '');
  const base = `/${options.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  let parts = 0;
  /** Each term page's part and path, by its URL path without the base. */
  const pages = new Map<string, { part: Part; path: string }>();
  const waiting: { part: Part; digest: string }[] = [];
  const running = new Set<Promise<void>>();
  let atOnce = 1;
  const indexed = new Set<string>();
  let failure: unknown;

  const startWaiting = () => {
    while (running.size < atOnce && waiting.length > 0 && failure === undefined) {
      const job = waiting.shift();
      if (!job) break;
      const run = indexPart(job.part, job.digest)
        .then((done) => void (done && indexed.add(job.digest)))
        .catch((error: unknown) => void (failure ??= error))
        .finally(() => {
          running.delete(run);
          startWaiting();
        });
      running.add(run);
    }
  };

  /**
   * Whether Astro has written every page of `sizes` (paths relative to `outDir`, and their sizes
   * in bytes), waiting a little for the last few: Astro writes a page just after rendering it.
   */
  const written = async (sizes: ReadonlyMap<string, number>) => {
    const deadline = Date.now() + (options.writeWaitMs ?? WRITE_WAIT_MS);
    let missing = [...sizes];
    for (;;) {
      missing = missing.filter(([path, size]) => {
        const stats = statSync(join(options.outDir, path), { throwIfNoEntry: false });
        // A page is written in one go at this size: all of it is there once its size is.
        return !(stats && stats.size === size && stats.mtimeMs >= startedAt - 10);
      });
      if (missing.length === 0) return true;
      if (Date.now() > deadline) return false;
      await setTimeout(20);
    }
  };

  /** Indexes the part from the pages Astro wrote: the very files the end of the build reads. */
  const indexPart = async (part: Part, digest: string) => {
    const target = join(options.store, digest);
    if (existsSync(target) || !(await written(part.sizes))) return false;
    const paths = [...part.sizes.keys()].sort();
    await options.indexPages(options.outDir, paths, target);
    return true;
  };

  const completed = (part: Part) => {
    const texts = [...part.texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    part.texts = new Map();
    waiting.push({ part, digest: options.digestOf(parts, texts) });
    startWaiting();
  };

  const capture = async (page: { part: Part; path: string }, result: Response | PrerenderResult) => {
    const { part, path } = page;
    const response = result instanceof Response ? result : result.response;
    if (part.broken || response.status !== 200 || response.body === null || part.texts.has(path)) {
      part.broken = true;
      return result;
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    const copy = new Response(bytes, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    part.sizes.set(path, bytes.length);
    part.texts.set(path, indexedText(bytes.toString('utf8')));
    if (part.texts.size === part.expected) completed(part);
    return result instanceof Response ? copy : { ...result, response: copy };
  };

  return {
    wrap(prerenderer) {
      const { setup, teardown, collectStaticImages } = prerenderer;
      return {
        name: `${prerenderer.name}+glossa-search-parts`,
        ...(setup ? { setup: () => setup.call(prerenderer) } : {}),
        ...(teardown ? { teardown: () => teardown.call(prerenderer) } : {}),
        ...(collectStaticImages ? { collectStaticImages: () => collectStaticImages.call(prerenderer) } : {}),
        async getStaticPaths() {
          // Astro 7.4 may give `{ paths, metadata }` (the images the paths resolved) instead of the
          // list itself, which 7.3's types do not know yet: the same shape goes back.
          const given = (await prerenderer.getStaticPaths()) as PathWithRoute[] | { paths: PathWithRoute[] };
          const all = Array.isArray(given) ? given : given.paths;
          const terms: { entry: PathWithRoute; index: number; urlPath: string; path: string }[] = [];
          all.forEach((entry, index) => {
            if (entry.route.type !== 'page') return;
            const urlPath = urlPathOf(entry.pathname);
            const inOutput = urlPath.slice(1) + 'index.html';
            if (!inOutput.startsWith(folder)) return;
            const path = inOutput.slice(folder.length);
            if (matches(path)) terms.push({ entry, index, urlPath, path });
          });
          parts = partCount(terms.length, options.partSize);
          const byPart = Array.from({ length: parts }, (): Part => ({
            expected: 0,
            texts: new Map(),
            sizes: new Map(),
            broken: false,
          }));
          const order = terms.map((term) => ({ ...term, part: partOf(term.path, parts) }));
          for (const term of order) {
            const part = byPart[term.part];
            if (!part) continue;
            part.expected++;
            pages.set(term.urlPath, { part, path: term.path });
          }
          // The term pages first, a part's pages together, so each part is complete as early as
          // it can be; then every other page, in Astro's order.
          order.sort((a, b) => a.part - b.part || a.index - b.index);
          const first = new Set(order.map((term) => term.index));
          const ordered = [
            ...order.map((term) => term.entry),
            ...all.filter((_, index) => !first.has(index)),
          ];
          return Array.isArray(given)
            ? ordered
            : ({ ...given, paths: ordered } as unknown as PathWithRoute[]);
        },
        async render(request, renderOptions) {
          const result = await prerenderer.render(request, renderOptions);
          const page = pages.get(pagePathOf(request.url, base));
          return page ? capture(page, result) : result;
        },
      };
    },
    async settle(count) {
      atOnce = count;
      startWaiting();
      while (running.size > 0) await Promise.all(running);
      if (failure !== undefined) throw failure;
      return indexed;
    },
  };
}

/**
 * The path of the page `url` asks for, without `base`, as `urlPathOf` writes it, or an empty
 * string, which no page has, where its escapes do not decode.
 */
function pagePathOf(url: string, base: string): string {
  let path: string;
  try {
    path = decodeURI(new URL(url).pathname);
  } catch {
    return '';
  }
  return urlPathOf(path.startsWith(base) ? path.slice(base.length) : path);
}

/** A URL path as `/a/b/`: one slash first and last, whatever the route gave. */
function urlPathOf(pathname: string): string {
  const trimmed = pathname.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}
