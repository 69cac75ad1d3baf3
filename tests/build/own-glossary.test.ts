import { beforeAll, describe, expect, it } from 'vitest';
import { readSourceFiles } from '../../src/lib/entries/read-glossary.ts';
import { loadSiteConfig } from '../../src/lib/site/site-config.ts';
import { buildExample, listFiles, type FixtureBuild } from '../support/build-fixture.ts';
import { findBrokenLinks, findBrokenSiteUrls, findStructuredDataErrors } from '../support/site-checks.ts';

// A health check of whatever glossary the repository's content/ holds: ours, or a team's own
// after they replace content/, public/ and glossa.config.yaml. Nothing here knows its entries.
const site = loadSiteConfig('.');
const entryFiles = (await readSourceFiles('.')).length;

let build: FixtureBuild;
beforeAll(() => {
  build = buildExample('own-glossary');
  if (build.status !== 0) throw new Error(`the build of content/ failed:\n${build.output}`);
});

describe('the glossary in content/', () => {
  it('renders from the content store file, not from a store compiled into the bundle', () => {
    // src/integrations/content-store-from-disk.ts only rewrites the module shape it knows; if an
    // Astro upgrade changes that shape, the build still works but slows down, and this fails.
    expect(build.output).toMatch(/Content store read from .*data-store\.json at render time/);
  });

  it('builds a page for every entry file', () => {
    const pages = listFiles(build.outDir).filter((f) => f.endsWith('index.html'));
    expect(pages.length).toBeGreaterThan(entryFiles);
  });

  it('has no broken internal links or images', async () => {
    const { broken, checked } = await findBrokenLinks(build.outDir);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(entryFiles);
  });

  it('has no broken canonical, feed or Markdown-copy address', () => {
    // Only the addresses Glossa writes itself: an author's page on the team's own site is not ours.
    const { broken, checked } = findBrokenSiteUrls(build.outDir, site.url, 'link[href]');
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(entryFiles);
  });

  it('has valid structured data on every page', async () => {
    const { errors, pages } = await findStructuredDataErrors(build.outDir, site.url);
    expect(errors).toEqual([]);
    expect(pages).toBeGreaterThan(entryFiles);
  });
});
