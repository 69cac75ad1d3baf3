import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GLOSSARY_JSON_PATH } from '../lib/outputs/glossary-json.ts';
import { REDIRECTS_BUNDLE, type RedirectsBundle } from '../lib/outputs/redirects.ts';
import { buildLastmodIndex } from '../lib/outputs/sitemap-lastmod.ts';
import { absoluteUrl } from '../lib/site/urls.ts';
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

/**
 * Whether a built URL is an old address of an entry (a redirect page), which the sitemap leaves
 * out: it is `noindex` and only sends readers on. Read once per build from the redirects bundle,
 * which the redirects-file integration removes after the sitemap is written.
 */
export function createRedirectFilter(
  runtime: GlossaRuntimeConfig,
  outDir: () => URL,
): (url: string) => boolean {
  let addresses: Set<string> | undefined;
  return (url) => {
    if (!addresses) {
      const file = join(fileURLToPath(outDir()), runtime.prefix, `.${REDIRECTS_BUNDLE}`);
      const { redirects } = JSON.parse(readFileSync(file, 'utf8')) as RedirectsBundle;
      addresses = new Set(redirects.map((r) => absoluteUrl(runtime.site.url, r.from)));
    }
    return addresses.has(url);
  };
}
