import { defineConfig } from 'vitest/config';

/**
 * The package as a team installs it: `npm pack`, install into an empty folder, `npx glossa …`.
 * Slow (an npm install), so it runs apart from `npm test`, in CI, as `npm run test:package`.
 */
export default defineConfig({
  test: {
    include: ['tests/package/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 300_000,
  },
});
