import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateGlossary } from '../../bench/generate.ts';
import { buildSiteFolder } from '../support/build-fixture.ts';
import { measureNameRanking } from '../../bench/support/name-ranking.ts';

/**
 * One ranking for every client: Pagefind's own API, with its default options and no re-ranking
 * by Glossa's code, answers a query that is exactly a title or a synonym with that entry first.
 * (The same on our example glossary: tests/example/search-ranking.test.ts.)
 */
const SHARE = 0.95;

describe('Pagefind’s own ranking of exact title and synonym queries', () => {
  it(`puts the named entry first for at least ${SHARE * 100}% of them on a 300-entry synthetic glossary`, async () => {
    // The benchmark's generator: titles are two or three words drawn from 190, so many titles
    // share words and a page naming the query has to beat pages that contain the same words.
    const siteDir = resolve(import.meta.dirname, '../.output/synthetic-ranking-site');
    generateGlossary(siteDir, 300);
    const build = buildSiteFolder(siteDir, 'synthetic-ranking');
    if (build.status !== 0) throw new Error(`synthetic build failed:\n${build.output}`);
    const ranking = await measureNameRanking(build.outDir);
    expect(ranking.queried).toBeGreaterThan(300);
    expect(ranking.first / ranking.queried, JSON.stringify(ranking.misses, null, 2)).toBeGreaterThanOrEqual(
      SHARE,
    );
  });
});
