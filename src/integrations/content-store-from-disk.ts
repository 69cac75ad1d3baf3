import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's virtual module holding the whole content store (the resolved id Vite's hooks see). */
const DATA_STORE_MODULE = '\0astro:data-layer-content';
/** The shape Astro gives that module for a single-file store: the store JSON inlined as one string. */
const INLINED_STORE = /^export default JSON\.parse\("/;

/**
 * Makes the static build read the content store from its file on disk instead of compiling it
 * into the prerender bundle as one JavaScript string literal.
 *
 * Why: V8's cost of compiling one huge string literal grows faster than linearly with its size.
 * The store holds every entry's Markdown and HTML (57 MB at 10,000 entries, 285 MB at 50,000),
 * and compiling the module Astro emits for it measured 0.8 s at 10,000 entries and 17 s at
 * 50,000, against 0.6 s for `JSON.parse` of the same text read from the file. Bundling also
 * stops carrying the whole store through the bundler and onto disk a second time.
 *
 * Only the prerender environment of `astro build` is rewritten: it runs on this machine, right
 * after the store file was written, so the file is there when pages render. Anything else (dev,
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
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'glossa:content-store-from-disk',
                apply: 'build',
                transform: {
                  filter: { id: /^\0astro:data-layer-content$/ },
                  handler(code, id) {
                    if (id !== DATA_STORE_MODULE || this.environment.name !== 'prerender') return null;
                    if (!INLINED_STORE.test(code)) return null;
                    logger.info(`Content store read from ${storeFile} at render time.`);
                    return {
                      code: [
                        `import { readFileSync } from 'node:fs';`,
                        `export default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));`,
                      ].join('\n'),
                      map: { mappings: '' },
                    };
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
