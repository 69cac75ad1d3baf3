import { beforeAll, describe, expect, it } from 'vitest';
import { buildExample, listFiles, readPage, type FixtureBuild } from '../support/build-fixture.ts';
import { findBrokenSiteUrls } from '../support/site-checks.ts';

// Checks of our own example glossary's content, run by `npm run test:example` in CI. A team that
// replaces content/ with its own glossary does not run these; tests/build/own-glossary.test.ts
// checks whatever glossary content/ holds.
let build: FixtureBuild;
beforeAll(() => {
  build = buildExample();
  if (build.status !== 0) throw new Error(`example build failed:\n${build.output}`);
});

describe('the example glossary', () => {
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

  it('shows card thumbnails as decoration, not as a second reading of the alt text', () => {
    const thumbnails = listFiles(build.outDir)
      .filter((f) => /^(definition|area|term)\/[^/]+\/index\.html$/.test(f))
      .flatMap((f) =>
        readPage(build.outDir, `/${f.replace(/index\.html$/, '')}`).querySelectorAll('.card img'),
      );
    expect(thumbnails.length).toBeGreaterThan(0);
    expect(new Set(thumbnails.map((img) => img.getAttribute('alt')))).toEqual(new Set(['']));
  });

  it('has no broken absolute links into its own origin, author pages included', () => {
    // Glossa builds the example's whole origin, so every absolute link into it must be a built file.
    const { broken, checked } = findBrokenSiteUrls(build.outDir, 'https://glossary.example.org');
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(90);
  });

  it('gives every one of its 60+ term pages a Related, Glossary or Discover more way onward', () => {
    const termPages = listFiles(build.outDir).filter((f) =>
      /^(definition|area|term)\/[^/]+\/index\.html$/.test(f),
    );
    expect(termPages.length).toBeGreaterThanOrEqual(60);
    for (const file of termPages) {
      const html = readPage(build.outDir, `/${file.replace(/index\.html$/, '')}`);
      expect(html.querySelectorAll('.related a, .glossary a, .discover a').length, file).toBeGreaterThan(0);
    }
  });
});
