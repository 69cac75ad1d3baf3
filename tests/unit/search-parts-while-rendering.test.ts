import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import type { AstroPrerenderer, RouteData } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import { partDigest } from '../../src/integrations/pagefind.ts';
import { searchPartsWhileRendering } from '../../src/integrations/search-parts-while-rendering.ts';
import { indexedText, partCount, partOf } from '../../src/lib/search/index-parts.ts';

const stores: string[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) rmSync(store, { recursive: true, force: true });
});

const route = (type: RouteData['type']) => ({ type }) as RouteData;
const html = (path: string) =>
  `<html lang="en"><body><nav>around ${path}</nav><article data-pagefind-body><h1>${path}</h1></article></body></html>`;

/**
 * A glossary of `terms` term pages under /definition/ and a few other pages, rendered by a stand-in
 * for Astro's prerenderer through the wrapper, with every part "indexed" by copying what Pagefind
 * would read: the pages it is given, read from the output folder.
 */
function setUp(terms: number, { base = '/', subdir = '/', redirect = '', unwritten = '' } = {}) {
  const store = mkdtempSync(join(tmpdir(), 'glossa-parts-while-rendering-'));
  const outDir = mkdtempSync(join(tmpdir(), 'glossa-parts-output-'));
  stores.push(store, outDir);
  const prefix = subdir.replace(/\/$/, '');
  const paths = [
    { pathname: `${prefix}/`, route: route('page') },
    ...Array.from({ length: terms }, (_, i) => ({
      pathname: `${prefix}/definition/term-${i}`,
      // A page route that answers with a redirect, as a renamed entry's old address does.
      route: route('page'),
    })),
    { pathname: `${prefix}/tags/risk/`, route: route('page') },
    { pathname: `${prefix}/glossary.json`, route: route('endpoint') },
  ];
  const indexed: { target: string; files: Map<string, string> }[] = [];
  const parts = searchPartsWhileRendering({
    store,
    outDir: join(outDir, subdir),
    glob: 'definition/*/index.html',
    subdir,
    base,
    partSize: 4,
    writeWaitMs: 300,
    digestOf: partDigest,
    async indexPages(folder, paths, target) {
      indexed.push({
        target,
        files: new Map(paths.map((path) => [path, readFileSync(join(folder, path), 'utf8')])),
      });
      mkdirSync(target, { recursive: true });
    },
  });
  const base_: AstroPrerenderer = {
    name: 'stand-in',
    getStaticPaths: async () => paths,
    async render(request) {
      const path = new URL(request.url).pathname.slice(base.length - 1);
      if (redirect !== '' && path.replace(/\/$/, '') === redirect)
        return new Response(null, { status: 301, headers: { location: '/elsewhere/' } });
      return { response: new Response(html(path), { headers: { 'content-type': 'text/html' } }) };
    },
  };
  const wrapped = parts.wrap(base_);
  /** Renders `order` as Astro does, writing each page just after rendering it (every other one a little later). */
  const renderAll = async (order: readonly { pathname: string }[]) => {
    const bodies = new Map<string, string>();
    const writes: Promise<void>[] = [];
    for (const [i, { pathname }] of order.entries()) {
      const url = `https://example.org${base.replace(/\/$/, '')}${pathname.replace(/\/?$/, '/')}`;
      const result = await wrapped.render(new Request(url), { routeData: route('page') });
      const response = result instanceof Response ? result : result.response;
      const body = response.status === 200 ? await response.text() : `status ${response.status}`;
      bodies.set(pathname, body);
      if (response.status !== 200 || pathname === unwritten || pathname.endsWith('.json')) continue;
      const file = join(outDir, pathname, 'index.html');
      writes.push(
        (async () => {
          if (i % 2 === 1) await setTimeout(40);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, body);
        })(),
      );
    }
    await Promise.all(writes);
    return bodies;
  };
  return { store, outDir, parts, wrapped, indexed, renderAll, paths };
}

describe('search parts indexed while pages render', () => {
  it('renders the term pages part by part, then the others, and indexes each part from copies of its pages', async () => {
    const { store, parts, wrapped, indexed, renderAll, paths } = setUp(10);
    const order = await wrapped.getStaticPaths();
    expect(order).toHaveLength(paths.length);
    const count = partCount(10, 4);
    const termParts = order
      .slice(0, 10)
      .map(({ pathname }) => partOf(`${pathname.slice(1)}/index.html`, count));
    expect(termParts).toEqual([...termParts].sort());
    expect(order.slice(10).map((p) => p.pathname)).toEqual(['/', '/tags/risk/', '/glossary.json']);

    const bodies = await renderAll(order);
    // What Astro is handed is what it would have had without the wrapper.
    for (const [pathname, body] of bodies) expect(body).toBe(html(pathname.replace(/\/?$/, '/')));

    const done = await parts.settle(2);
    expect(indexed).toHaveLength(count);
    expect(done.size).toBe(count);
    for (const part of indexed) {
      const pages = [...part.files].sort(([a], [b]) => (a < b ? -1 : 1));
      expect(pages.length).toBeGreaterThan(0);
      for (const [path, text] of pages) {
        expect(path).toMatch(/^definition\/term-\d+\/index\.html$/);
        expect(text).toBe(html(`/${path.replace(/index\.html$/, '')}`));
      }
      // Kept under the digest the end of the build works out from the written pages.
      const digest = partDigest(
        count,
        pages.map(([path, text]) => [path, indexedText(text)]),
      );
      expect(part.target).toBe(join(store, digest));
      expect(done.has(digest)).toBe(true);
    }
  });

  it('leaves a part with a page that is not a page (a redirect) to the end of the build', async () => {
    const { parts, wrapped, indexed, renderAll } = setUp(10, { redirect: '/definition/term-3' });
    await renderAll(await wrapped.getStaticPaths());
    const done = await parts.settle(2);
    const count = partCount(10, 4);
    const broken = partOf('definition/term-3/index.html', count);
    expect(indexed).toHaveLength(count - 1);
    for (const part of indexed) {
      for (const path of part.files.keys()) expect(partOf(path, count)).not.toBe(broken);
    }
    expect(done.size).toBe(count - 1);
  });

  it('leaves a part to the end of the build when Astro does not write one of its pages in time', async () => {
    const { parts, wrapped, indexed, renderAll } = setUp(10, { unwritten: '/definition/term-5' });
    await renderAll(await wrapped.getStaticPaths());
    await parts.settle(2);
    const count = partCount(10, 4);
    expect(indexed).toHaveLength(count - 1);
    const missing = partOf('definition/term-5/index.html', count);
    for (const part of indexed)
      for (const path of part.files.keys()) expect(partOf(path, count)).not.toBe(missing);
  });

  it('indexes nothing for a part Astro did not render whole (a rebuild copying pages from its cache)', async () => {
    const { parts, wrapped, indexed, renderAll } = setUp(10);
    const order = await wrapped.getStaticPaths();
    await renderAll(order.filter((_, i) => i !== 0));
    await parts.settle(2);
    expect(indexed).toHaveLength(partCount(10, 4) - 1);
  });

  it('does not index a part again that the store already keeps', async () => {
    const first = setUp(10);
    await first.renderAll(await first.wrapped.getStaticPaths());
    await first.parts.settle(2);
    const kept = first.indexed.map((part) => part.target);
    expect(kept.every((target) => existsSync(target))).toBe(true);
    // A second build into the same store, same pages.
    const again = searchPartsWhileRendering({
      store: first.store,
      outDir: first.outDir,
      glob: 'definition/*/index.html',
      subdir: '/',
      base: '/',
      partSize: 4,
      digestOf: partDigest,
      indexPages: () => Promise.reject(new Error('indexed again')),
    });
    const wrapped = again.wrap({
      name: 'stand-in',
      getStaticPaths: () => first.wrapped.getStaticPaths(),
      render: async (request) => new Response(html(new URL(request.url).pathname)),
    });
    for (const { pathname } of await wrapped.getStaticPaths())
      await wrapped.render(new Request(`https://example.org${pathname.replace(/\/?$/, '/')}`), {
        routeData: route('page'),
      });
    expect((await again.settle(2)).size).toBe(0);
  });

  it('takes the paths as Astro 7.4 may give them, with the images they resolved, and gives them back so', async () => {
    const { wrapped: plain } = setUp(6);
    const expected = await plain.getStaticPaths();
    const metadata = { staticImages: new Map() };
    const store = mkdtempSync(join(tmpdir(), 'glossa-parts-richer-'));
    stores.push(store);
    const richer = searchPartsWhileRendering({
      store,
      outDir: tmpdir(),
      glob: 'definition/*/index.html',
      subdir: '/',
      base: '/',
      partSize: 4,
      digestOf: partDigest,
      indexPages: () => Promise.resolve(),
    }).wrap({
      name: 'stand-in',
      getStaticPaths: async () =>
        ({ paths: setUp(6).paths, metadata }) as unknown as Awaited<
          ReturnType<AstroPrerenderer['getStaticPaths']>
        >,
      render: async () => new Response(''),
    });
    const given = (await richer.getStaticPaths()) as unknown as { paths: unknown[]; metadata: unknown };
    expect(given.metadata).toBe(metadata);
    expect(given.paths.map((p) => (p as { pathname: string }).pathname)).toEqual(
      expected.map((p) => p.pathname),
    );
  });

  it('passes on a page whose address does not decode, as rendered', async () => {
    const { wrapped } = setUp(2);
    await wrapped.getStaticPaths();
    const result = await wrapped.render(new Request('https://example.org/definition/%E0%A4%A/'), {
      routeData: route('page'),
    });
    const response = result instanceof Response ? result : result.response;
    expect(await response.text()).toBe(html('/definition/%E0%A4%A/'));
  });

  it('finds the term pages of a glossary inside a larger site, with a base', async () => {
    const { parts, wrapped, indexed, renderAll } = setUp(6, { base: '/docs/', subdir: '/glossary/' });
    const order = await wrapped.getStaticPaths();
    expect(order.slice(0, 6).every((p) => p.pathname.startsWith('/glossary/definition/'))).toBe(true);
    await renderAll(order);
    await parts.settle(1);
    expect(indexed).toHaveLength(partCount(6, 4));
    const files = indexed.flatMap((part) => [...part.files.keys()]).sort();
    expect(files).toEqual(Array.from({ length: 6 }, (_, i) => `definition/term-${i}/index.html`).sort());
  });
});
