import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's virtual module holding the whole content store (the resolved id Vite's hooks see). */
const DATA_STORE_MODULE = '\0astro:data-layer-content';
/** The shape Astro gives that module for a single-file store: the store JSON inlined as one string. */
const INLINED_STORE = /^export default JSON\.parse\("/;
/**
 * The modules of a chunked store (`experimental.collectionStorage`): one per chunk file of the
 * store's folder, each the file's text inlined as one string.
 */
const STORE_CHUNK_MODULE = /^\0astro:data-layer-content-chunk:([a-f0-9]{16}\.txt)\.mjs$/;
/** The shape Astro gives a chunk's module. */
const INLINED_CHUNK = /^export default "/;

/**
 * Makes the static build read the content store from its files on disk instead of compiling it
 * into the prerender bundle as JavaScript string literals.
 *
 * Why: V8's cost of compiling one huge string literal grows faster than linearly with its size.
 * The store holds every entry's Markdown and HTML (57 MB at 10,000 entries, 285 MB at 50,000),
 * and compiling the module Astro emits for it measured 0.8 s at 10,000 entries and 17 s at
 * 50,000, against 0.6 s for `JSON.parse` of the same text read from the file. Bundling also
 * stops carrying the whole store through the bundler and onto disk a second time. A chunked
 * store (the `glossa()` integration asks for one) is read the same way, one chunk file at a time.
 *
 * Only the prerender environment of `astro build` is rewritten: it runs on this machine, right
 * after the store files were written, so they are there when pages render. Anything else (dev,
 * a server bundle, a store shape this code does not recognise) keeps Astro's module untouched.
 * `tests/build` asserts the rewrite happens, so an Astro upgrade that changes the shape is noticed.
 */
export function contentStoreFromDisk(): AstroIntegration {
  return {
    name: 'glossa:content-store-from-disk',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        if (command !== 'build') return;
        const storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
        const chunkDir = new URL('data-store/', config.cacheDir);
        let chunksTold = false;
        const readFrom = (file: string, parse: boolean) => ({
          code: [
            `import { readFileSync } from 'node:fs';`,
            parse
              ? `export default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));`
              : `export default readFileSync(${JSON.stringify(file)}, 'utf8');`,
          ].join('\n'),
          map: { mappings: '' },
        });
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'glossa:content-store-from-disk',
                apply: 'build',
                transform: {
                  filter: { id: /^\0astro:data-layer-content/ },
                  handler(code, id) {
                    if (this.environment.name !== 'prerender') return null;
                    if (id === DATA_STORE_MODULE && INLINED_STORE.test(code)) {
                      logger.info(`Content store read from ${storeFile} at render time.`);
                      return readFrom(storeFile, true);
                    }
                    const chunk = STORE_CHUNK_MODULE.exec(id)?.[1];
                    if (!chunk || !INLINED_CHUNK.test(code)) return null;
                    if (!chunksTold) {
                      chunksTold = true;
                      logger.info(`Content store read from ${fileURLToPath(chunkDir)} at render time.`);
                    }
                    // Astro parses a chunk's text itself (ImmutableDataStore.manifestToMap).
                    return readFrom(fileURLToPath(new URL(chunk, chunkDir)), false);
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
