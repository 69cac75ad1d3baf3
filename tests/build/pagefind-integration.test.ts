import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { close, createIndex } from 'pagefind';
import { INDEX_CHUNK_SIZE, pagefind } from '../../src/integrations/pagefind.ts';
import {
  readFragmentIdentity,
  readIndexManifest,
  type IndexManifest,
} from '../../src/integrations/search-index/index-manifest.ts';

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
  const logger = {
    info: (line: string) => lines.push(line),
    warn: (line: string) => lines.push(`warn: ${line}`),
  } as unknown as AstroIntegrationLogger;
  return { logger, lines };
}

type BuildDone = (options: { dir: URL; logger: AstroIntegrationLogger }) => Promise<void> | void;
const buildDone = (integration: AstroIntegration) =>
  integration.hooks['astro:build:done'] as unknown as BuildDone;

/**
 * Indexes the term pages of `dir` with our integration, and those of a copy of it with Pagefind's
 * Node API and its defaults; returns the copy.
 */
async function indexBothWays(dir: string): Promise<string> {
  const viaApi = mkdtempSync(join(tmpdir(), 'glossa-pagefind-api-'));
  folders.push(viaApi);
  cpSync(dir, viaApi, { recursive: true });
  const { logger } = recordingLogger();
  await buildDone(pagefind({ glob: 'definition/*/index.html' }))({ dir: pathToFileURL(`${dir}/`), logger });
  const { index } = await createIndex({});
  await index?.addDirectory({ path: viaApi, glob: 'definition/*/index.html' });
  await index?.writeFiles({ outputPath: join(viaApi, 'pagefind') });
  await close();
  return viaApi;
}

/** Every file of the index under `root/pagefind`, with its contents, in path order. */
function indexFiles(root: string): [string, string][] {
  const base = join(root, 'pagefind');
  return readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => [relative(base, path), readFileSync(path).toString('base64')]);
}

/** A built site of three term pages; `edited` changes the second one's text. */
function threeTermSite(edited = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'glossa-pagefind-reuse-'));
  folders.push(dir);
  const bodies = {
    'negative-gamma': 'Hedging flows amplify moves.',
    'vanna-flow': edited
      ? 'Dealers rebalance as volatility falls, and again as spot moves.'
      : 'Dealers rebalance as volatility falls.',
    'charm-decay': 'Delta drifts as expiry nears.',
  };
  for (const [slug, text] of Object.entries(bodies)) {
    mkdirSync(join(dir, `definition/${slug}`), { recursive: true });
    writeFileSync(
      join(dir, `definition/${slug}/index.html`),
      `<!doctype html><html lang="en"><body><article data-pagefind-body><h1>${slug}</h1><p>${text}</p></article></body></html>`,
    );
  }
  return dir;
}

/** The index under `root/pagefind`, as the integration reads it back. */
function manifestOf(root: string): IndexManifest {
  const manifest = readIndexManifest(join(root, 'pagefind'));
  if (!manifest) throw new Error(`no index in ${root}`);
  return manifest;
}

/** The fragment file of the page at `url` in the index in `indexDir`. */
function fragmentOf(indexDir: string, url: string): string {
  const manifest = readIndexManifest(indexDir);
  const paths = (manifest?.pages ?? []).map((page) => join(indexDir, page.fragment));
  const path = paths.find((candidate) => readFragmentIdentity(candidate)?.url === url);
  if (!path) throw new Error(`no fragment for ${url} in ${indexDir}`);
  return path;
}

const termGlob = 'definition/*/index.html';

/**
 * Indexes `dir` with the integration, keeping its fragments in `dir`'s own cache folder, and
 * starting from those another site's build kept when `previous` names it; returns the log.
 */
async function indexSite(dir: string, previous?: string): Promise<string[]> {
  const keepDir = join(dir, '.cache/search-index');
  if (previous) cpSync(join(previous, '.cache'), join(dir, '.cache'), { recursive: true });
  const { logger, lines } = recordingLogger();
  await buildDone(pagefind({ glob: termGlob, keepDir }))({ dir: pathToFileURL(`${dir}/`), logger });
  return lines;
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
  it('keeps the fragments of unchanged pages from the last build, and writes the same index as a build from nothing', async () => {
    const previous = threeTermSite();
    await indexSite(previous);
    const keptBefore = readdirSync(join(previous, '.cache/search-index/fragment'));
    expect(keptBefore).toEqual(readdirSync(join(previous, 'pagefind/fragment')));
    const rebuilt = threeTermSite(true);
    cpSync(join(previous, '.cache'), join(rebuilt, '.cache'), { recursive: true });
    const seeds = new Map(
      keptBefore.map((name) => [name, statSync(join(rebuilt, '.cache/search-index/fragment', name)).ino]),
    );
    const lines = await indexSite(rebuilt);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ in \d+\.\d s \(2 unchanged pages kept from the last build\)\.$/);
    const fresh = threeTermSite(true);
    await indexSite(fresh);
    // The old fragment of the edited page is gone, and the two others are the files the cache held.
    expect(indexFiles(rebuilt)).toEqual(indexFiles(fresh));
    const reused = readdirSync(join(rebuilt, 'pagefind/fragment')).filter(
      (name) => seeds.get(name) === statSync(join(rebuilt, 'pagefind/fragment', name)).ino,
    );
    expect(reused).toHaveLength(2);
    // The cache now holds this build's fragments, for the next one.
    expect(readdirSync(join(rebuilt, '.cache/search-index/fragment'))).toEqual(
      readdirSync(join(rebuilt, 'pagefind/fragment')),
    );
  });

  it('writes the index again from nothing when a kept fragment holds another page, as a clash of short hashes would leave it', async () => {
    const previous = threeTermSite();
    await indexSite(previous);
    // Give an unchanged page's kept fragment the contents of another unchanged page, under its own name.
    writeFileSync(
      fragmentOf(join(previous, '.cache/search-index'), '/definition/negative-gamma/'),
      readFileSync(fragmentOf(join(previous, '.cache/search-index'), '/definition/charm-decay/')),
    );
    const rebuilt = threeTermSite(true);
    const lines = await indexSite(rebuilt, previous);
    expect(lines[0]).toMatch(
      /^warn: The last build's search index could not be reused \(\/definition\/charm-decay\/ is in two fragments\); writing it again\.$/,
    );
    expect(lines[1]).toMatch(/ in \d+\.\d s\.$/);
    const fresh = threeTermSite(true);
    await indexSite(fresh);
    expect(indexFiles(rebuilt)).toEqual(indexFiles(fresh));
  });

  it('writes the index again from nothing when a kept fragment is an older version of its page', async () => {
    const previous = threeTermSite();
    await indexSite(previous);
    const path = fragmentOf(join(previous, '.cache/search-index'), '/definition/negative-gamma/');
    const data = JSON.parse(gunzipSync(readFileSync(path)).toString().slice('pagefind_dcd'.length)) as {
      word_count: number;
    };
    writeFileSync(
      path,
      gzipSync(`pagefind_dcd${JSON.stringify({ ...data, word_count: data.word_count + 1 })}`),
    );
    const rebuilt = threeTermSite(true);
    const lines = await indexSite(rebuilt, previous);
    expect(lines[0]).toMatch(
      /^warn: .*\(fragment\/en_[0-9a-f]{7}\.pf_fragment holds another version of \/definition\/negative-gamma\/\)/,
    );
    const fresh = threeTermSite(true);
    await indexSite(fresh);
    expect(indexFiles(rebuilt)).toEqual(indexFiles(fresh));
  });

  it('keeps nothing from an index another Pagefind version wrote', async () => {
    const previous = threeTermSite();
    await indexSite(previous);
    const entryPath = join(previous, '.cache/search-index/pagefind-entry.json');
    const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as { version: string };
    writeFileSync(entryPath, JSON.stringify({ ...entry, version: '0.9.0' }));
    const rebuilt = threeTermSite(true);
    const lines = await indexSite(rebuilt, previous);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ in \d+\.\d s\.$/);
  });

  it('reads back every file of the index it wrote, and nothing else', async () => {
    const dir = threeTermSite();
    await indexSite(dir);
    const manifest = manifestOf(dir);
    expect(manifest.version).toBe(
      JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')).version,
    );
    expect(manifest.pages).toHaveLength(3);
    const written = indexFiles(dir)
      .map(([path]) => path)
      .filter((path) => /^(fragment|index|filter)\/|\.pf_meta$/.test(path));
    expect([...manifest.files].sort()).toEqual(written);
  });
});
