import { defineConfig } from 'vitest/config';

/**
 * Tests of our own example glossary (its entries, its diagrams) and of the repository as a
 * template. Kept out of `npm test`, which a team that replaces the example with its own glossary
 * runs unchanged; CI runs these with `npm run test:example`.
 */
export default defineConfig({
  test: {
    include: ['tests/example/**/*.test.ts'],
    maxWorkers: 2,
    // The template swap runs the whole `npm test` in a copy: 4 min on a quiet machine, over 15 min
    // when other builds share its two cores. A limit for a hung run, not a speed target.
    testTimeout: 1_800_000,
    hookTimeout: 300_000,
  },
});
