import { defineConfig } from 'vitest/config';

/**
 * Browser tests: real Chromium on the built example site. Kept out of `npm test` so the unit and
 * build tests never need a browser; run with `npm run test:e2e` after `npm run build`.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // One browser at a time: the machine has two cores.
    fileParallelism: false,
    testTimeout: 30_000,
    // How long expect.poll waits for the page to settle: a search on a loaded two-core machine can
    // take well over the default second. A wait bound, not a timing assertion.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
  },
});
