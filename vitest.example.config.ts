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
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
