import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GLOSSARY_JSON_PATH } from '../lib/outputs/glossary-json.ts';
import { buildLastmodIndex } from '../lib/outputs/sitemap-lastmod.ts';
import type { GlossaRuntimeConfig } from './runtime-config.ts';

/**
 * Reads sitemap `lastmod` dates from the built `/glossary.json` (the sitemap is written after
 * every page), so they are the dates the pages' JSON-LD carries. Read once per build.
 */
export function createSitemapLastmod(
  runtime: GlossaRuntimeConfig,
  outDir: () => URL,
): (url: string) => string | undefined {
  let index: Map<string, string> | undefined;
  return (url) => {
    if (!index) {
      const file = join(fileURLToPath(outDir()), runtime.prefix, `.${GLOSSARY_JSON_PATH}`);
      const data = JSON.parse(readFileSync(file, 'utf8')) as {
        terms: Parameters<typeof buildLastmodIndex>[1];
      };
      index = buildLastmodIndex(runtime.site.url, data.terms);
    }
    return index.get(url);
  };
}
