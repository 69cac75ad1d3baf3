import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

/**
 * The page loader (src/browser/loader.ts) as pages print it: minified once, because Astro prints
 * inline scripts as written and a page may spend only 1 KB before search or previews are used.
 * The same text gives the hash the Content-Security-Policy allows it by.
 */

/** Where the loader's source is, for the integration, which runs outside Vite. */
export const LOADER_SOURCE = new URL('../../browser/loader.ts', import.meta.url);

/** The loader's TypeScript source as the minified script a page prints inline. */
export function minifyLoader(source: string): string {
  return transformSync(source, { loader: 'ts', format: 'iife', minify: true, target: 'es2022' }).code.trim();
}

/** The minified loader, read from its source file. */
export function readLoader(): string {
  return minifyLoader(readFileSync(fileURLToPath(LOADER_SOURCE), 'utf8'));
}

/** The CSP source expression that allows one inline script: `sha256-<base64>`. */
export function scriptHash(script: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(script).digest('base64')}`;
}
