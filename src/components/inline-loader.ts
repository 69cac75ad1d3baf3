import { transformSync } from 'esbuild';
import source from '../browser/loader.ts?raw';

/**
 * The page loader (src/browser/loader.ts) as the minified script ClientLoader prints inline.
 * Astro prints inline scripts as they are written; minified here once per build, it is about
 * 0.9 KB against the 1 KB a page may spend before search or previews are used.
 */
export const INLINE_LOADER = transformSync(source, {
  loader: 'ts',
  format: 'iife',
  minify: true,
  target: 'es2022',
}).code.trim();
