import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { close, createIndex } from 'pagefind';
import { INDEX_CHUNK_SIZE, ROOT_SELECTOR, pagefind } from '../../src/integrations/pagefind.ts';
import { PARTS_FILE, partOf } from '../../src/lib/search/index-parts.ts';
import { openPagefind } from '../../bench/support/pagefind-search.ts';

// The hook is driven directly, with the arguments Astro passes, on a folder of built pages: the
// example-site build test covers the index of a real build, this one the glob and the failure path.

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A built site with one term page and one listing page Pagefind must not read. */
function builtSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'glossa-pagefind-'));
  folders.push(dir);
  mkdirSync(join(dir, 'definition/negative-gamma'), { recursive: true });
  writeFileSync(
    join(dir, 'definition/negative-gamma/index.html'),
    '<!doctype html><html lang="en"><body><article data-pagefind-body>' +
      '<h1 data-pagefind-meta="title">Negative Gamma</h1><p>Hedging flows amplify moves.</p>' +
      '</article></body></html>',
  );
  mkdirSync(join(dir, 'tags/greeks'), { recursive: true });
  writeFileSync(
    join(dir, 'tags/greeks/index.html'),
    '<!doctype html><html lang="en"><body><main data-pagefind-body><p>Listing</p></main></body></html>',
  );
  return dir;
}

function recordingLogger(): { logger: AstroIntegrationLogger; lines: string[] } {
  const lines: string[] = [];
  const logger = { info: (line: string) => lines.push(line) } as unknown as AstroIntegrationLogger;
  return { logger, lines };
}

type BuildDone = (options: { dir: URL; logger: AstroIntegrationLogger }) => Promise<void> | void;
const buildDone = (integration: AstroIntegration) =>
  integration.hooks['astro:build:done'] as unknown as BuildDone;

/**
 * Indexes the term pages of `dir` with our integration, and those of a copy of it with Pagefind's
 * Node API, its defaults and our root selector; returns the copy.
 */
async function indexBothWays(dir: string): Promise<string> {
  const viaApi = mkdtempSync(join(tmpdir(), 'glossa-pagefind-api-'));
  folders.push(viaApi);
  cpSync(dir, viaApi, { recursive: true });
  const { logger } = recordingLogger();
  await buildDone(pagefind({ glob: 'definition/*/index.html' }))({ dir: pathToFileURL(`${dir}/`), logger });
  const { index } = await createIndex({ rootSelector: ROOT_SELECTOR });
  await index?.addDirectory({ path: viaApi, glob: 'definition/*/index.html' });
  await index?.writeFiles({ outputPath: join(viaApi, 'pagefind') });
  await close();
  return viaApi;
}

/** Every file of the index under `root/pagefind` but ours, with its bytes, in order. */
function indexFiles(root: string): string[][] {
  const base = join(root, 'pagefind');
  return (
    readdirSync(base, { recursive: true, withFileTypes: true })
      // The parts file is ours: it lists the other parts of the index (none here).
      .filter((entry) => entry.isFile() && entry.name !== PARTS_FILE)
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((path) => [relative(base, path), readFileSync(path).toString('base64')])
  );
}

/** The fragments of the index under `dir/pagefind`, by URL. */
function fragmentsOf(dir: string): Map<string, { content: string; meta: Record<string, string> }> {
  const base = join(dir, 'pagefind/fragment');
  return new Map(
    readdirSync(base).map((name) => {
      const json = gunzipSync(readFileSync(join(base, name)))
        .toString('utf8')
        .replace(/^pagefind_dcd/, '');
      const fragment = JSON.parse(json) as { url: string; content: string; meta: Record<string, string> };
      return [fragment.url, fragment];
    }),
  );
}

describe('pagefind integration', () => {
  it('indexes only the globbed pages', async () => {
    const dir = builtSite();
    const { logger, lines } = recordingLogger();
    await buildDone(pagefind({ glob: 'definition/*/index.html' }))({ dir: pathToFileURL(`${dir}/`), logger });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^Search index written to ${join(dir, 'pagefind')} in \\d+\\.\\d s\\.$`),
    );
    // One page indexed (the listing page was outside the glob): one fragment file.
    expect(readdirSync(join(dir, 'pagefind/fragment'))).toHaveLength(1);
  });

  it('fails the build with Pagefind’s error as the cause', async () => {
    const dir = builtSite();
    const { logger } = recordingLogger();
    const failure = buildDone(pagefind({ glob: '{definition' }))({ dir: pathToFileURL(`${dir}/`), logger });
    await expect(failure).rejects.toThrow('Pagefind could not build the search index.');
    await expect(failure).rejects.toHaveProperty('cause.message', expect.stringContaining('glob'));
  });

  it('writes the same files as Pagefind’s Node API on the same pages', async () => {
    const dir = builtSite();
    const viaApi = await indexBothWays(dir);
    expect(indexFiles(dir)).toEqual(indexFiles(viaApi));
  });

  it('indexes a page whose path a glob would misread as Pagefind’s Node API does', async () => {
    // The command is told each page's path in a glob; braces and commas there would mean alternatives.
    const dir = builtSite();
    mkdirSync(join(dir, 'definition/call{put,spread}'), { recursive: true });
    writeFileSync(
      join(dir, 'definition/call{put,spread}/index.html'),
      '<!doctype html><html lang="en"><body><article data-pagefind-body>' +
        '<h1 data-pagefind-meta="title">Call spread</h1><p>Two calls, one bought and one sold.</p>' +
        '</article></body></html>',
    );
    const viaApi = await indexBothWays(dir);
    expect(fragmentsOf(dir).size).toBe(2);
    expect(indexFiles(dir)).toEqual(indexFiles(viaApi));
  });

  it(`cuts the word index into chunks of about ${INDEX_CHUNK_SIZE} word locations, not Pagefind’s 20,000`, async () => {
    // 30 pages of 500 words (400 different ones): 15,000 locations and 12,000 page entries.
    const dir = mkdtempSync(join(tmpdir(), 'glossa-pagefind-chunks-'));
    folders.push(dir);
    for (let page = 0; page < 30; page++) {
      const words = Array.from({ length: 500 }, (_, i) => `word${(page * 37 + i) % 400}`).join(' ');
      mkdirSync(join(dir, `definition/entry-${page}`), { recursive: true });
      writeFileSync(
        join(dir, `definition/entry-${page}/index.html`),
        `<!doctype html><html lang="en"><body><article data-pagefind-body><h1>Entry ${page}</h1><p>${words}</p></article></body></html>`,
      );
    }
    const viaApi = await indexBothWays(dir);
    expect(readdirSync(join(viaApi, 'pagefind/index'))).toHaveLength(2);
    expect(readdirSync(join(dir, 'pagefind/index'))).toHaveLength(8);
  });

  it('fails the build with the pagefind command’s own output as the cause', async () => {
    const dir = builtSite();
    const { logger } = recordingLogger();
    // The package's command runs the binary this variable names: one that only fails.
    const failing = join(dir, 'failing-pagefind');
    writeFileSync(failing, '#!/bin/sh\necho "Error: the disk is full" >&2\nexit 3\n', { mode: 0o755 });
    process.env['PAGEFIND_EXTENDED_BINARY_PATH'] = failing;
    try {
      const failure = buildDone(pagefind({ glob: 'definition/*/index.html' }))({
        dir: pathToFileURL(`${dir}/`),
        logger,
      });
      await expect(failure).rejects.toThrow('Pagefind could not build the search index.');
      await expect(failure).rejects.toHaveProperty(
        'cause.message',
        'pagefind exited with status 3:\nError: the disk is full',
      );
    } finally {
      delete process.env['PAGEFIND_EXTENDED_BINARY_PATH'];
    }
  });
  it('reads a page from its indexed article alone: a picture after the title elsewhere is not its image', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'glossa-pagefind-root-'));
    folders.push(dir);
    const page = (slug: string, figure: string) =>
      '<!doctype html><html lang="de"><body><header><img src="/logo.svg" alt="Logo"></header>' +
      `<article data-pagefind-body><h1 data-pagefind-meta="title">${slug}</h1>${figure}` +
      '<p data-pagefind-filter="section">Begriff</p><p>Häuser laufen schnell.</p></article>' +
      '<section data-pagefind-ignore><ul><li><img src="/images/card-of-another-entry.svg" alt=""></li></ul></section>' +
      '</body></html>';
    const own =
      '<img src="/images/own.svg" alt="Its own figure" data-pagefind-meta="image[src], image_alt[alt]">';
    for (const [slug, figure] of [
      ['with-figure', own],
      ['without-figure', ''],
    ] as const) {
      mkdirSync(join(dir, `definition/${slug}`), { recursive: true });
      writeFileSync(join(dir, `definition/${slug}/index.html`), page(slug, figure));
    }
    const { logger } = recordingLogger();
    await buildDone(pagefind({ glob: 'definition/*/index.html' }))({ dir: pathToFileURL(`${dir}/`), logger });
    const fragments = fragmentsOf(dir);
    expect(fragments.get('/definition/without-figure/')).toMatchObject({
      content: 'without-figure. Begriff. Häuser laufen schnell.',
      meta: { title: 'without-figure' },
    });
    expect(fragments.get('/definition/without-figure/')?.meta).not.toHaveProperty('image');
    expect(fragments.get('/definition/with-figure/')?.meta).toEqual({
      title: 'with-figure',
      image: '/images/own.svg',
      image_alt: 'Its own figure',
    });
    // The language still comes from <html lang>, outside the article.
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages).toEqual({ de: expect.objectContaining({ page_count: 2 }) });
  });

  it('leaves out a page the glob matches that has no indexed article', async () => {
    const dir = builtSite();
    mkdirSync(join(dir, 'definition/a-z'), { recursive: true });
    writeFileSync(
      join(dir, 'definition/a-z/index.html'),
      '<!doctype html><html lang="en"><body><main><h1>All entries</h1><p>Negative Gamma</p></main></body></html>',
    );
    const { logger } = recordingLogger();
    await buildDone(pagefind({ glob: 'definition/*/index.html' }))({ dir: pathToFileURL(`${dir}/`), logger });
    expect([...fragmentsOf(dir).keys()]).toEqual(['/definition/negative-gamma/']);
  });

  describe('an index in parts', () => {
    // A word of its own per page; Pagefind cuts words at digits, so no "word7".
    const own = [
      'alfa',
      'bravo',
      'charlie',
      'delta',
      'echo',
      'foxtrot',
      'golf',
      'hotel',
      'india',
      'juliett',
      'kilo',
      'lima',
    ];
    const slugs = own.map((word) => `entry-${word}`);
    const pathOf = (slug: string) => `definition/${slug}/index.html`;
    const page = (slug: string, extra = '', around = '') =>
      `<!doctype html><html lang="en"><body><article data-pagefind-body><h1 data-pagefind-meta="title">${slug}</h1>` +
      `<p>Every entry talks about rigging. Only this one says ${slug.replace('entry-', '')}.${extra}</p></article>` +
      `<section data-pagefind-ignore>${around}</section></body></html>`;
    const site = () => {
      const dir = mkdtempSync(join(tmpdir(), 'glossa-pagefind-parts-'));
      folders.push(dir);
      for (const slug of slugs) {
        mkdirSync(join(dir, `definition/${slug}`), { recursive: true });
        writeFileSync(join(dir, pathOf(slug)), page(slug));
      }
      return dir;
    };
    const index = async (dir: string, cacheDir?: string) => {
      const { logger, lines } = recordingLogger();
      await buildDone(pagefind({ glob: 'definition/*/index.html', partSize: 4, cacheDir }))({
        dir: pathToFileURL(`${dir}/`),
        logger,
      });
      return lines.join('\n');
    };
    const files = (root: string) =>
      readdirSync(join(root, 'pagefind'), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
        .sort()
        .map((path) => [relative(root, path), readFileSync(path).toString('base64')]);

    it('writes one part per 4 pages, each but the first without Pagefind’s code, and searches them as one', async () => {
      const dir = site();
      expect(await index(dir)).toMatch(/: 3 parts, 0 of them reused from the last build\.$/);
      expect(JSON.parse(readFileSync(join(dir, 'pagefind', PARTS_FILE), 'utf8'))).toEqual({
        parts: ['part-2/', 'part-3/'],
      });
      const second = readdirSync(join(dir, 'pagefind/part-2'));
      expect(second).toContain('pagefind-entry.json');
      expect(second.filter((name) => /\.(js|css)$|^wasm\./.test(name))).toEqual([]);
      // Every page is in exactly one part.
      const pageCounts = ['', 'part-2/', 'part-3/'].map(
        (folder) =>
          (
            JSON.parse(readFileSync(join(dir, 'pagefind', folder, 'pagefind-entry.json'), 'utf8')) as {
              languages: Record<string, { page_count: number }>;
            }
          ).languages['en']?.page_count ?? 0,
      );
      expect(pageCounts.reduce((a, b) => a + b)).toBe(12);
      expect(pageCounts.every((count) => count > 0)).toBe(true);

      const session = await openPagefind(dir);
      try {
        expect((await session.search('rigging', 20)).total).toBe(12);
        for (const slug of slugs) {
          const { hits } = await session.search(slug.replace('entry-', ''));
          expect(hits.map((hit) => new URL(hit.url).pathname)).toEqual([`/definition/${slug}/`]);
        }
      } finally {
        await session.close();
      }
    });

    it('leaves out a part that no page falls in, the first included', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'glossa-pagefind-parts-'));
      folders.push(dir);
      // Three parts of one page each; the hash puts two of these pages in the same part.
      const paths = [
        'definition/alpha/index.html',
        'definition/beta/index.html',
        'area/gamma-area/index.html',
      ];
      expect(new Set(paths.map((path) => partOf(path, 3))).size).toBe(2);
      for (const path of paths) {
        mkdirSync(join(dir, dirname(path)), { recursive: true });
        writeFileSync(join(dir, path), page(path.split('/')[1] ?? ''));
      }
      const { logger, lines } = recordingLogger();
      await buildDone(pagefind({ glob: '*/*/index.html', partSize: 1 }))({
        dir: pathToFileURL(`${dir}/`),
        logger,
      });
      expect(lines.join('\n')).toMatch(/: 2 parts, 0 of them reused from the last build\.$/);
      expect(JSON.parse(readFileSync(join(dir, 'pagefind', PARTS_FILE), 'utf8'))).toEqual({
        parts: ['part-2/'],
      });
      expect(existsSync(join(dir, 'pagefind/part-3'))).toBe(false);
      const session = await openPagefind(dir);
      try {
        expect((await session.search('rigging', 20)).total).toBe(3);
      } finally {
        await session.close();
      }
    });

    it('indexes again only the parts whose pages’ indexed text changed, and writes what a cold build writes', async () => {
      const dir = site();
      const cacheDir = mkdtempSync(join(tmpdir(), 'glossa-pagefind-cache-'));
      folders.push(cacheDir);
      expect(await index(dir, cacheDir)).toMatch(/: 3 parts, 0 of them reused/);
      expect(await index(dir, cacheDir)).toMatch(/: 3 parts, 3 of them reused/);

      // Another entry's list around the article changes on many pages: nothing Pagefind reads.
      for (const slug of slugs)
        writeFileSync(join(dir, pathOf(slug)), page(slug, '', `<a href="/x/">${slug} links here</a>`));
      expect(await index(dir, cacheDir)).toMatch(/: 3 parts, 3 of them reused/);

      // One article edited: its part alone is indexed again.
      writeFileSync(join(dir, pathOf('entry-foxtrot')), page('entry-foxtrot', ' It now also says halyard.'));
      expect(await index(dir, cacheDir)).toMatch(/: 3 parts, 2 of them reused/);
      // One page removed: its part alone changes.
      rmSync(join(dir, 'definition/entry-hotel'), { recursive: true });
      expect(await index(dir, cacheDir)).toMatch(/: 3 parts, 2 of them reused/);
      const rebuilt = files(dir);

      const cold = mkdtempSync(join(tmpdir(), 'glossa-pagefind-cold-'));
      folders.push(cold);
      cpSync(join(dir, 'definition'), join(cold, 'definition'), { recursive: true });
      await index(cold);
      expect(rebuilt).toEqual(files(cold));
      const session = await openPagefind(dir);
      try {
        expect((await session.search('halyard')).hits.map((hit) => new URL(hit.url).pathname)).toEqual([
          '/definition/entry-foxtrot/',
        ]);
        expect((await session.search('hotel')).total).toBe(0);
      } finally {
        await session.close();
      }
      // Only the last build's parts are kept.
      expect(readdirSync(join(cacheDir, 'search-parts'))).toHaveLength(3);
    });
  });
});
