import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, listFiles, readPage, type FixtureBuild } from '../support/build-fixture.ts';

let build: FixtureBuild;
beforeAll(() => {
  build = buildFixture('staging');
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
});

describe('a glossary built with staging: true', () => {
  it('disallows every crawler in robots.txt and offers no sitemap there', () => {
    expect(readFileSync(join(build.outDir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
  });

  it('marks every page noindex', () => {
    const pages = listFiles(build.outDir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(6);
    for (const file of pages) {
      const robots = readPage(build.outDir, `/${file}`).querySelectorAll('meta[name="robots"]');
      expect(
        robots.map((m) => m.getAttribute('content')),
        file,
      ).toEqual(['noindex']);
    }
  });
});
