import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { REDIRECTS_BUNDLE, buildRedirectsFile, type RedirectsBundle } from '../lib/outputs/redirects.ts';

/**
 * Writes `_redirects` (Netlify and Cloudflare Pages syntax, `301`) from the bundle the build
 * emitted, then removes the bundle. Only for a glossary that is the whole site (`writeFile`):
 * inside a host site the file at the root is the host's. A site that ships its own
 * `public/_redirects` keeps it as it is. Runs after the sitemap, which reads the same bundle.
 */
export function redirectsFile(options: {
  subdir: string;
  root: string;
  writeFile: boolean;
}): AstroIntegration {
  return {
    name: 'glossa:redirects-file',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const bundle = join(outDir, options.subdir, REDIRECTS_BUNDLE);
        try {
          const { redirects } = JSON.parse(await readFile(bundle, 'utf8')) as RedirectsBundle;
          await rm(bundle);
          const target = join(outDir, '_redirects');
          if (!options.writeFile || redirects.length === 0 || existsSync(target)) return;
          await writeFile(target, buildRedirectsFile(redirects, options.root));
          logger.info(`_redirects written with ${redirects.length} old addresses.`);
        } catch (cause) {
          throw new Error('Glossa could not write the redirects of renamed entries.', { cause });
        }
      },
    },
  };
}
