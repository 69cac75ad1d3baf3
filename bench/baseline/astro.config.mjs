// @ts-check
// The benchmark's baseline: bare Astro with one content collection, one route, then Pagefind.
// Glossa's build time and memory are reported as ratios to this site's, on the same entries.
import { defineConfig } from 'astro/config';
import * as pagefind from 'pagefind';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  site: 'https://bench.example.org',
  outDir: process.env.BENCH_OUT_DIR ?? './dist',
  devToolbar: { enabled: false },
  integrations: [
    {
      name: 'baseline-pagefind',
      hooks: {
        'astro:build:done': async ({ dir }) => {
          const { index } = await pagefind.createIndex({});
          if (!index) throw new Error('pagefind: no index');
          const path = fileURLToPath(dir);
          await index.addDirectory({ path });
          await index.writeFiles({ outputPath: `${path}/pagefind` });
          await pagefind.close();
        },
      },
    },
  ],
});
