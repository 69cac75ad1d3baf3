import { describe, expect, it } from 'vitest';
import { measureNameRanking } from '../../bench/support/name-ranking.ts';
import { buildExample } from '../support/build-fixture.ts';

// Pagefind's own ranking on our example glossary (the generator's own check, on a synthetic
// glossary, is tests/build/search-ranking.test.ts).
const SHARE = 0.95;

describe('Pagefind’s own ranking on the example glossary', () => {
  it(`puts the entry a title or synonym names first for at least ${SHARE * 100}% of them`, async () => {
    const build = buildExample('example-ranking');
    if (build.status !== 0) throw new Error(`example build failed:\n${build.output}`);
    const ranking = await measureNameRanking(build.outDir);
    expect(ranking.queried).toBeGreaterThan(90);
    expect(ranking.first / ranking.queried, JSON.stringify(ranking.misses, null, 2)).toBeGreaterThanOrEqual(
      SHARE,
    );
  });
});
