import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEnv, jsonLdOf, listFiles, readPage } from '../support/build-fixture.ts';
import { findBrokenLinks } from '../support/site-checks.ts';
import { root } from '../support/run-script.ts';

// Another team's Astro site (tests/fixtures/host-site) with its own pages, adding the cooking
// glossary under /glossary/ with `glossa({ siteDir, prefix })`, imported by package name.
const outDir = join(root, 'tests/.output/host-site');
let output = '';

beforeAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  const build = spawnSync(
    join(root, 'node_modules/.bin/astro'),
    ['build', '--root', join(root, 'tests/fixtures/host-site')],
    { cwd: root, encoding: 'utf8', env: buildEnv({ GLOSSA_OUT_DIR: outDir }) },
  );
  output = `${build.stdout}\n${build.stderr}`;
  if (build.status !== 0) throw new Error(`host site build failed:\n${output}`);
});

describe('a glossary added to an existing Astro site', () => {
  it('keeps the host site’s own pages and robots.txt', () => {
    expect(readPage(outDir, '/').querySelector('h1')?.text).toBe('Example Docs');
    expect(readPage(outDir, '/about/').querySelector('h1')?.text).toBe('About');
    expect(readFileSync(join(outDir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
    expect(existsSync(join(outDir, '404.html'))).toBe(false);
  });

  it('publishes the whole glossary under /glossary/: pages, search, feeds, JSON and Markdown copies', () => {
    const files = listFiles(join(outDir, 'glossary'));
    for (const file of [
      'index.html',
      'technique/braise/index.html',
      'ingredient/roux/index.html',
      'a-z/index.html',
      'tags/index.html',
      'search/index.html',
      'rss.xml',
      'glossary.json',
      'llms.txt',
      'technique/braise.md',
      'pagefind/pagefind.js',
      'favicon.svg',
    ]) {
      expect(files, file).toContain(file);
    }
  });

  it('links within itself and to the host’s address, with no broken link anywhere', async () => {
    const braise = readPage(outDir, '/glossary/technique/braise/');
    expect(braise.querySelector('.prose a[href="/glossary/ingredient/mirepoix/"]')).not.toBeNull();
    expect(braise.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://docs.example.com/glossary/technique/braise/',
    );
    expect(JSON.stringify(jsonLdOf(braise))).toContain(
      '"@id":"https://docs.example.com/glossary/technique/braise/',
    );
    const { broken, checked } = await findBrokenLinks(outDir);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('gives the host’s own pages every entry’s data through getCollection', () => {
    // src/pages/recipes-index.astro lists getCollection('glossa'): each entry's title, linked to its page.
    const items = readPage(outDir, '/recipes-index/').querySelectorAll('li');
    const slugs = readdirSync(join(root, 'tests/fixtures/cooking/content'), { recursive: true })
      .map(String)
      .filter((path) => path.endsWith('.md'))
      .map((path) => path.replace(/^.*\//, '').replace(/\.md$/, ''))
      .sort();
    expect(items.map((li) => li.getAttribute('data-slug'))).toEqual(slugs);
    for (const li of items) {
      const link = li.querySelector('a');
      const page = readPage(outDir, link?.getAttribute('href') ?? '');
      expect(link?.text).toBe(page.querySelector('h1')?.text);
    }
  });

  it('leaves the host’s own Markdown pages to the host’s Markdown settings', () => {
    const notes = readPage(outDir, '/notes/');
    // The glossary escapes raw HTML and links its terms in entry bodies only.
    expect(notes.querySelector('mark')?.text).toBe('kept as markup');
    expect(notes.querySelectorAll('a')).toEqual([]);
    // While its entries still get the glossary's pipeline: site paths served under its prefix.
    const braise = readPage(outDir, '/glossary/technique/braise/');
    expect(braise.querySelector('.prose a[href="/glossary/ingredient/mirepoix/"]')?.text).toBe('mirepoix');
  });

  it('uses the host’s own footer and theme on every glossary page', () => {
    const page = readPage(outDir, '/glossary/technique/braise/');
    expect(page.querySelector('footer.docs-footer')?.text).toContain('Example Docs');
    expect(page.querySelector('footer.site-footer')).toBeNull();
    // Glossa's header stays, since only the footer was replaced.
    expect(page.querySelector('header.site-header')).not.toBeNull();
    const css = page
      .querySelectorAll('link[rel="stylesheet"]')
      .map((link) => readFileSync(join(outDir, link.getAttribute('href') ?? ''), 'utf8'))
      .join('\n');
    // The host's values come after Glossa's defaults, so they win.
    expect(css.lastIndexOf('--glossa-accent:#8a2be2')).toBeGreaterThan(
      css.indexOf('--glossa-accent:#0b5cad'),
    );
    expect(css).toMatch(/--glossa-font:\s*Georgia,\s*serif/);
  });

  it('lists the host’s pages and the glossary’s in one sitemap', () => {
    const sitemap = readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://docs.example.com/about/</loc>');
    expect(sitemap).toContain('<loc>https://docs.example.com/glossary/technique/braise/</loc>');
    expect(sitemap).not.toContain('/glossary/search/');
  });
});
