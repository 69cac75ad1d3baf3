// @ts-check
import { defineConfig } from 'astro/config';
import { glossa } from './src/integration/index.ts';

// This repository builds its own example glossary. Build tests point GLOSSA_SITE_DIR at a fixture
// glossary and GLOSSA_OUT_DIR at a folder of their own (tests/support/build-fixture.ts).
export default defineConfig({
  outDir: process.env.GLOSSA_OUT_DIR ?? 'dist',
  devToolbar: { enabled: false },
  integrations: [glossa({ siteDir: process.env.GLOSSA_SITE_DIR })],
});
