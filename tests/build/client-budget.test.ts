import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PreviewShard } from '../../src/lib/outputs/preview-data.ts';
import { buildFixture, listFiles, readPage, type FixtureBuild } from '../support/build-fixture.ts';

let build: FixtureBuild;
beforeAll(() => {
  build = buildFixture('basic', {}, 'basic-client-budget');
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
});

const TERM_PAGES = ['/definition/alpha/', '/definition/beta/', '/area/gamma-area/', '/term/long-read/'];
const outsideTemplates = <T extends { parentNode: { tagName: string } | null }>(nodes: T[]) =>
  nodes.filter((node) => node.parentNode?.tagName !== 'TEMPLATE');

describe('what a term page costs before search or a preview is used', () => {
  it.each(TERM_PAGES)('%s runs at most 1 KB of inline script and loads no script file', (path) => {
    const page = readPage(build.outDir, path);
    const inline = outsideTemplates(
      page.querySelectorAll('script:not([src]):not([type="application/ld+json"])'),
    );
    expect(inline.reduce((bytes, s) => bytes + Buffer.byteLength(s.textContent), 0)).toBeLessThanOrEqual(
      1024,
    );
    expect(outsideTemplates(page.querySelectorAll('script[src]'))).toEqual([]);
    expect(page.querySelectorAll('link[rel="modulepreload"]')).toEqual([]);
  });

  it('keeps the search and preview modules in inert templates, as files of their own', () => {
    const page = readPage(build.outDir, '/definition/alpha/');
    for (const id of ['site-search-client', 'glossa-preview-client']) {
      const scripts = page.querySelectorAll(`template#${id} script`);
      expect(
        scripts.map((s) => [s.getAttribute('type'), s.textContent]),
        id,
      ).toEqual([['module', '']]);
      expect(scripts[0]?.getAttribute('src'), id).toMatch(/^\/_astro\/.+\.js$/);
    }
    const template = page.querySelector('template#glossa-preview-client');
    expect(template?.getAttribute('data-previews')).toBe('/glossa-previews/0.json');
    expect(template?.getAttribute('data-shards')).toBe('1');
  });

  it('ships the preview module in at most 2 KB gzipped, imports included', () => {
    const src = readPage(build.outDir, '/definition/alpha/')
      .querySelector('template#glossa-preview-client script')
      ?.getAttribute('src');
    const file = readFileSync(join(build.outDir, src ?? ''), 'utf8');
    // Everything it imports statically would be fetched with it.
    expect(file).not.toMatch(/\bimport\b/);
    expect(gzipSync(file).length).toBeLessThanOrEqual(2048);
  });

  it('keeps every term page at or under 8 KB gzipped', () => {
    for (const path of TERM_PAGES) {
      const html = readFileSync(join(build.outDir, path, 'index.html'));
      expect(gzipSync(html).length, path).toBeLessThanOrEqual(8 * 1024);
    }
  });
});

describe('the preview data', () => {
  it('is one shard holding every published entry, drafts left out', () => {
    expect(listFiles(join(build.outDir, 'glossa-previews'))).toEqual(['0.json']);
    const shard = JSON.parse(
      readFileSync(join(build.outDir, 'glossa-previews/0.json'), 'utf8'),
    ) as PreviewShard;
    expect(Object.keys(shard).sort()).toEqual([
      '/area/gamma-area/',
      '/definition/alpha/',
      '/definition/beta/',
      '/definition/hostile/',
      '/term/long-read/',
    ]);
    expect(shard['/definition/alpha/']).toEqual({
      title: 'Alpha',
      keyword: 'Meaning',
      summary: 'Alpha is the first entry of the fixture glossary and links to most of the others.',
      image: { src: '/images/curve.svg', alt: 'A curve rising from the left and falling to the right.' },
    });
  });
});

describe('the loader', () => {
  it('is on every kind of page exactly once', () => {
    for (const path of ['/', '/a-z/', '/tags/', '/definition/', '/search/', '/404.html']) {
      const page = readPage(build.outDir, path);
      const inline = outsideTemplates(
        page.querySelectorAll('script:not([src]):not([type="application/ld+json"])'),
      );
      expect(inline, path).toHaveLength(1);
      expect(page.querySelectorAll('template#glossa-preview-client'), path).toHaveLength(1);
    }
  });
});

describe('the Content-Security-Policy of a whole-site glossary', () => {
  it('allows the printed loader by its hash, and no other inline script', () => {
    const page = readPage(build.outDir, '/definition/alpha/');
    const policy =
      page.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
    const [loader] = outsideTemplates(
      page.querySelectorAll('script:not([src]):not([type="application/ld+json"])'),
    );
    const hash = createHash('sha256')
      .update(loader?.textContent ?? '')
      .digest('base64');
    const scriptSrc = policy.split(';').find((d) => d.trim().startsWith('script-src '));
    expect(scriptSrc).toContain(`'sha256-${hash}'`);
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(policy).toContain("style-src-attr 'unsafe-inline'");
    // The meta comes before the scripts that run (JSON-LD data blocks are never run).
    const html = readFileSync(join(build.outDir, 'definition/alpha/index.html'), 'utf8');
    const firstRun = html.search(/<script(?![^>]*application\/ld\+json)/);
    expect(html.indexOf('content-security-policy')).toBeGreaterThan(0);
    expect(html.indexOf('content-security-policy')).toBeLessThan(firstRun);
  });
});
