import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, jsonLdOf, listFiles, readPage, type FixtureBuild } from '../support/build-fixture.ts';

// The fixture is copied to a folder of its own, so its cache (keyed on the site folder) starts
// cold at every run and the first build draws every card.
const site = mkdtempSync(join(tmpdir(), 'glossa-social-cards-'));
const SITE_URL = 'https://cards.example.org/docs/glossary/';
// 3 entries at 4 sizes (the link image and the Article's three), 2 sections and the site at 1.
const CARDS = 3 * 4 + 2 + 1;

let cold: FixtureBuild;
let warm: FixtureBuild;
beforeAll(() => {
  cpSync(join(import.meta.dirname, '../fixtures/social-cards'), site, { recursive: true });
  cold = buildSite(site, 'social-cards', {}, { log: true });
  if (cold.status !== 0) throw new Error(`fixture build failed:\n${cold.output}`);
  warm = buildSite(site, 'social-cards', {}, { log: true });
  if (warm.status !== 0) throw new Error(`second build failed:\n${warm.output}`);
}, 240_000);
afterAll(() => rmSync(site, { recursive: true, force: true }));

const pages = () => listFiles(warm.outDir).filter((file) => file.endsWith('index.html'));
const pathOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;
const metaOf = (path: string, property: string) =>
  readPage(warm.outDir, path)
    .querySelector(`meta[property="${property}"], meta[name="${property}"]`)
    ?.getAttribute('content');
/** The file in dist/ an absolute URL of the site names. */
const fileOf = (url: string) => {
  expect(url.startsWith(SITE_URL), url).toBe(true);
  return join(warm.outDir, decodeURIComponent(url.slice(SITE_URL.length)));
};
/** Width and height from a PNG's IHDR chunk, after checking the signature. */
const pngSize = (file: string) => {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

describe('social cards', () => {
  it('gives every page a PNG og:image of 1200×630 in the output, with its size and type in the head', () => {
    expect(pages().length).toBeGreaterThan(8);
    for (const file of pages()) {
      const path = pathOf(file);
      const image = metaOf(path, 'og:image');
      expect(image, path).toBeDefined();
      expect(pngSize(fileOf(image ?? '')), path).toEqual({ width: 1200, height: 630 });
      expect(metaOf(path, 'og:image:type'), path).toBe('image/png');
      expect([metaOf(path, 'og:image:width'), metaOf(path, 'og:image:height')], path).toEqual([
        '1200',
        '630',
      ]);
      expect(metaOf(path, 'twitter:image'), path).toBe(image);
      expect(metaOf(path, 'twitter:card'), path).toBe('summary_large_image');
    }
  });

  it("uses an entry's own PNG, its drawn card when its picture is an SVG, and the site's card elsewhere", () => {
    expect(metaOf('/definition/gamma/', 'og:image')).toBe(`${SITE_URL}images/gamma-chart.png`);
    expect(metaOf('/definition/gamma/', 'og:image:alt')).toBe(
      'Gamma of a call plotted against the spot price, peaking at the strike.',
    );
    expect(metaOf('/definition/delta/', 'og:image')).toBe(`${SITE_URL}social-cards/entry-delta-og.png`);
    expect(metaOf('/definition/delta/', 'og:image:alt')).toBe(
      "Delta: Delta is how much an option's price moves for a one-unit move in the underlying.",
    );
    expect(metaOf('/definition/', 'og:image')).toBe(`${SITE_URL}social-cards/section-definition-og.png`);
    expect(metaOf('/a-z/', 'og:image')).toBe(`${SITE_URL}social-cards/site-og.png`);
    expect(metaOf('/', 'og:image')).toBe(`${SITE_URL}social-cards/site-og.png`);
  });

  it('writes og:locale as en_US from locale: en-US', () => {
    expect(metaOf('/definition/delta/', 'og:locale')).toBe('en_US');
    expect(metaOf('/', 'og:locale')).toBe('en_US');
  });

  it("offers the Article the entry's picture, then its card at 16:9, 4:3 and 1:1, each a file of that size", () => {
    const graph = jsonLdOf(readPage(warm.outDir, '/definition/delta/'))[0] as {
      '@graph': Record<string, unknown>[];
    };
    const article = graph['@graph'].find((node) => node['@type'] === 'Article');
    expect(article?.['image']).toEqual([
      {
        '@type': 'ImageObject',
        url: `${SITE_URL}images/delta-curve.svg`,
        caption: 'Delta of a call rising from zero to one as the spot price climbs.',
      },
      `${SITE_URL}social-cards/entry-delta-16x9.png`,
      `${SITE_URL}social-cards/entry-delta-4x3.png`,
      `${SITE_URL}social-cards/entry-delta-1x1.png`,
    ]);
    const [, wide, standard, square] = article?.['image'] as string[];
    expect([wide, standard, square].map((url) => pngSize(fileOf(url ?? '')))).toEqual([
      { width: 1200, height: 675 },
      { width: 1200, height: 900 },
      { width: 1200, height: 1200 },
    ]);
    // The page shows the picture the structured data names first.
    expect(
      readPage(warm.outDir, '/definition/delta/').querySelector('.term-figure img')?.getAttribute('src'),
    ).toBe('/docs/glossary/images/delta-curve.svg');
  });

  it('publishes every JSON-LD image of every page as a file of the output', () => {
    const urls = pages().flatMap(
      (file) =>
        JSON.stringify(jsonLdOf(readPage(warm.outDir, pathOf(file))))
          .match(/https:\/\/cards\.example\.org\/docs\/glossary\/[^"]+\.(?:png|svg)/g)
          ?.filter((url) => !url.endsWith('/logo.svg')) ?? [],
    );
    expect(urls.length).toBeGreaterThan(6);
    for (const url of urls) expect(existsSync(fileOf(url)), url).toBe(true);
  });

  it('draws every card on a cold build and none on the next, reusing the cached ones byte for byte', () => {
    expect(cold.output).toContain(`${CARDS} social cards: ${CARDS} drawn, 0 from the cache.`);
    expect(warm.output).toContain(`${CARDS} social cards: 0 drawn, ${CARDS} from the cache.`);
    expect(listFiles(join(warm.outDir, 'social-cards'))).toHaveLength(CARDS);
  });
});
