import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinkChecker } from 'linkinator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLdOf, listFiles, readPage, type FixtureBuild } from '../support/build-fixture.ts';
import { serveSubPathSite, type SubPathSite } from '../support/sub-path-site.ts';

const ROOT = '/docs/glossary/';
const SITE = 'https://fixture.example.org/docs/glossary';

let site: SubPathSite;
let build: FixtureBuild;
let origin: string;

beforeAll(async () => {
  site = await serveSubPathSite(ROOT, 'sub-path');
  ({ build, origin } = site);
}, 120_000);

afterAll(() => site.close());

describe('a glossary whose url has a path', () => {
  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('links every page, stylesheet, image and feed under the path, with none broken', async () => {
    const result = await new LinkChecker().check({
      path: `${origin}${ROOT}`,
      recurse: true,
      linksToSkip: ['^https?://(?!127\\.0\\.0\\.1)'],
    });
    const broken = result.links
      .filter((l) => l.state === 'BROKEN')
      .map((l) => `${l.url} (from ${l.parent ?? '?'})`);
    expect(broken).toEqual([]);
    // Every page of the fixture is reached from the home page (pages, CSS, images, feeds).
    expect(result.links.length).toBeGreaterThan(40);
  });

  it('prints no root-relative link or asset outside the path on any page', () => {
    const outside: string[] = [];
    for (const file of listFiles(build.outDir).filter((f) => f.endsWith('.html'))) {
      const page = readPage(build.outDir, `/${file}`);
      for (const element of page.querySelectorAll('[href], [src], [action], [data-glossa-root]')) {
        for (const name of ['href', 'src', 'action', 'data-glossa-root']) {
          const value = element.getAttribute(name);
          if (value?.startsWith('/') && !value.startsWith(ROOT))
            outside.push(`${name}=${value} (in /${file})`);
        }
      }
    }
    expect(outside).toEqual([]);
  });

  it('gives structured data, canonical links, feeds, sitemap, robots.txt and glossary.json the full address', () => {
    const page = readPage(build.outDir, '/definition/alpha/');
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `${SITE}/definition/alpha/`,
    );
    const ids = JSON.stringify(jsonLdOf(page)).match(/"@id":"[^"]+"/g) ?? [];
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids)
      expect(id).toMatch(/"@id":"https:\/\/(fixture\.example\.org\/docs\/glossary\/|schema\.org)/);
    const sitemap = readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8');
    expect(
      [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].every(([, loc]) => loc?.startsWith(`${SITE}/`)),
    ).toBe(true);
    expect(readFileSync(join(build.outDir, 'robots.txt'), 'utf8')).toContain(
      `Sitemap: ${SITE}/sitemap-index.xml`,
    );
    const json = JSON.parse(readFileSync(join(build.outDir, 'glossary.json'), 'utf8')) as {
      terms: { url: string; markdownUrl: string }[];
    };
    expect(
      json.terms.every((t) => t.url.startsWith(`${SITE}/`) && t.markdownUrl.startsWith(`${SITE}/`)),
    ).toBe(true);
    expect(readFileSync(join(build.outDir, 'rss.xml'), 'utf8')).toContain(
      `<link>${SITE}/definition/alpha/</link>`,
    );
    expect(readFileSync(join(build.outDir, 'llms.txt'), 'utf8')).toContain(`${SITE}/definition/alpha.md`);
  });

  it('writes the search index where the pages look for it', () => {
    expect(readPage(build.outDir, '/').querySelector('html')?.getAttribute('data-glossa-root')).toBe(ROOT);
    expect(listFiles(join(build.outDir, 'pagefind'))).toContain('pagefind.js');
  });
});
