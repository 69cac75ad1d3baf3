import { beforeAll, describe, expect, it } from 'vitest';
import { buildExample, listFiles, readPage, type FixtureBuild } from '../support/build-fixture.ts';
import { findBrokenLinks, findBrokenSiteUrls, findStructuredDataErrors } from '../support/site-checks.ts';

let build: FixtureBuild;
beforeAll(() => {
  build = buildExample();
  if (build.status !== 0) throw new Error(`example build failed:\n${build.output}`);
});

describe('the example glossary', () => {
  it('renders from the content store file, not from a store compiled into the bundle', () => {
    // src/integrations/content-store-from-disk.ts only rewrites the module shape it knows; if an
    // Astro upgrade changes that shape, the build still works but slows down, and this fails.
    expect(build.output).toMatch(/Content store read from .*data-store\.json at render time/);
  });

  it('shows every part of the Negative Gamma page', () => {
    const html = readPage(build.outDir, '/definition/negative-gamma/');
    expect(html.querySelectorAll('nav.breadcrumb li').map((li) => li.text.trim())).toEqual([
      'Home',
      'Definition',
      'Negative Gamma',
    ]);
    expect(html.querySelector('h1')?.text).toBe('Negative Gamma');
    expect(html.querySelector('.term-meta')?.text).toContain('Published');
    expect(html.querySelector('.prose table')).not.toBeNull();
    expect(html.querySelectorAll('.related a').length).toBeGreaterThanOrEqual(6);
    expect(html.querySelectorAll('.glossary li').length).toBeGreaterThanOrEqual(8);
    for (const line of html.querySelectorAll('.glossary li p')) expect(line.text).toMatch(/^\S.* ⎊ \S/);
    expect(html.querySelectorAll('.discover .card').length).toBeGreaterThanOrEqual(4);
  });

  it('gives every term page a Related, Glossary or Discover more way onward', () => {
    const termPages = listFiles(build.outDir).filter((f) =>
      /^(definition|area|term)\/[^/]+\/index\.html$/.test(f),
    );
    expect(termPages.length).toBeGreaterThanOrEqual(60);
    for (const file of termPages) {
      const html = readPage(build.outDir, `/${file.replace(/index\.html$/, '')}`);
      expect(html.querySelectorAll('.related a, .glossary a, .discover a').length, file).toBeGreaterThan(0);
    }
  });

  it('has no broken internal links or images', async () => {
    const { broken, checked } = await findBrokenLinks(build.outDir);
    expect(broken).toEqual([]);
    // linkinator counts each distinct URL once; the example has ~100 pages plus their assets.
    expect(checked).toBeGreaterThan(150);
  });

  it('has no broken absolute links into its own origin (author pages, canonical URLs)', () => {
    const { broken, checked } = findBrokenSiteUrls(build.outDir, 'https://glossary.example.org');
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(90);
  });

  it('has valid structured data on every page', async () => {
    const { errors, pages } = await findStructuredDataErrors(build.outDir, 'https://glossary.example.org');
    expect(errors).toEqual([]);
    expect(pages).toBeGreaterThan(90);
  });
});
