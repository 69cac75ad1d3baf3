import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MARKDOWN_COPIES_BUNDLE } from '../lib/outputs/markdown-copy.ts';

/**
 * Writes each entry's Markdown copy (`/<section>/<slug>.md`) from the bundle the build emitted,
 * then removes the bundle (`subdir`: the glossary's place in the output). One bundle instead of a route per entry saves Astro's per-route work
 * on thousands of small files; the content is built by the same pure module either way.
 */
export function markdownCopies(options: { subdir?: string } = {}): AstroIntegration {
  return {
    name: 'glossa:markdown-copies',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // Copies and their bundle sit under the glossary's place in the output (`/` on its own).
        const outDir = join(fileURLToPath(dir), options.subdir ?? '/');
        const bundle = join(outDir, MARKDOWN_COPIES_BUNDLE);
        try {
          const copies = JSON.parse(await readFile(bundle, 'utf8')) as Record<string, string>;
          const folders = new Set(Object.keys(copies).map((path) => dirname(join(outDir, path))));
          await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
          // In batches: tens of thousands of writes at once would run out of file handles.
          const entries = Object.entries(copies);
          for (let i = 0; i < entries.length; i += 64) {
            await Promise.all(
              entries.slice(i, i + 64).map(([path, text]) => writeFile(join(outDir, path), text)),
            );
          }
          await rm(bundle);
          logger.info(`${Object.keys(copies).length} Markdown copies written.`);
        } catch (cause) {
          throw new Error('Glossa could not write the Markdown copies of the entries.', { cause });
        }
      },
    },
  };
}
