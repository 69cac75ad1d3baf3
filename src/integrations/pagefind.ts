import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { glob as findFiles } from 'tinyglobby';

/**
 * Builds the Pagefind search index into `<outDir>/<subdir>/pagefind/` at the end of `astro build`,
 * so `npm run build` alone yields a searchable site. Only elements marked `data-pagefind-body`
 * (the term articles) are indexed; `glob` narrows the files Pagefind reads to the term pages.
 * `subdir` is the glossary's place in the output (`/` unless it is part of a larger site): result
 * URLs are relative to it, and the browser code prefixes them with the glossary's root.
 *
 * The index is written by the package's `pagefind` command rather than its Node API: the API's
 * service builds the whole index twice on `writeFiles` (its handler runs `build_indexes()` and
 * then `write_files()`, which builds again; its log shows "[Building search indexes]" twice). At
 * 10,000 entries the command takes 15.1 s, 22.9 CPU s and 1,506 MiB against 19.0 s, 29.9 CPU s
 * and 1,677 MiB for the API, and writes byte-identical files. The API is kept for a site without
 * term pages, where the command would refuse to write an empty index. `getFiles` builds twice too.
 *
 * Nor is the service fed page by page while Astro renders: it handles one message at a time (its
 * loop says "TODO: Handle incoming messages concurrently"), where the command parses on every
 * core. At 10,000 entries `addHTMLFile` took 12–20 CPU s in the service and 2.6–5.4 CPU s in the
 * sender (Astro's render thread), against 8–11 s of rendering, and `writeFiles` 17 CPU s after
 * it: the build would wait about as long at the end, and render more slowly. Of the command's
 * 25–28 CPU s there, parsing was 13–16 (see `ROOT_SELECTOR`), building the index 4–5 and writing
 * 7–8, nearly all of it gzip at its best level on one thread, most of it on the word index, which
 * one edit changes two thirds of: keeping the last build's page fragments saved Pagefind 1.4 s
 * and cost as much to link and check (commits 9f5d14f and 9c29bd1).
 *
 * The word index is cut into smaller chunks than Pagefind's default (see `INDEX_CHUNK_SIZE`), so
 * a reader's first query downloads less.
 */
export function pagefind(options: { glob?: string | undefined; subdir?: string } = {}): AstroIntegration {
  return {
    name: 'glossa:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = join(fileURLToPath(dir), options.subdir ?? '/');
        const outputPath = join(outDir, 'pagefind');
        const start = performance.now();
        try {
          // Reading only the term pages spares Pagefind the parse of large listing pages it would
          // skip anyway (tag pages alone are 31 MB at 50,000 entries): 21.7 s → 14.9 s there.
          if (options.glob && (await hasMatch(outDir, options.glob))) {
            await runPagefindCommand([
              ...['--site', outDir, '--glob', options.glob, '--output-path', outputPath],
              ...['--root-selector', ROOT_SELECTOR],
            ]);
          } else {
            await indexWithNodeApi(outDir, outputPath, options.glob);
          }
          const seconds = (performance.now() - start) / 1000;
          logger.info(`Search index written to ${outputPath} in ${seconds.toFixed(1)} s.`);
        } catch (cause) {
          throw new Error('Pagefind could not build the search index.', { cause });
        }
      },
    },
  };
}

/**
 * The element Pagefind reads each term page from: the indexed article itself, rather than the
 * whole document (its default, `html`). Pagefind then skips the work it does for every element
 * outside it, the larger part of a page: at 10,000 entries the parse takes 9.5 CPU s instead of
 * 13.4–16 (the whole command 23.4 instead of 25–28; Pagefind still reads the page's language from
 * `<html lang>`). It also stops a page without a picture of its own from taking the first one
 * after its title anywhere on the page as its `image`: that was the card of another entry under
 * "Discover more" on 2,518 of those 10,000 pages, and the words of its file name ("images",
 * "figure", "svg") matched the page. The results never show that image, and nothing else in the
 * index changes.
 */
export const ROOT_SELECTOR = '[data-pagefind-body]';

/**
 * How many word locations Pagefind puts in one chunk of its word index (its default is 20,000).
 * A query fetches the chunk of each of its words, and every word typed on the way to it (the
 * box searches as you type), while the list of chunks is part of the metadata every first query
 * fetches. On the 2,000-entry benchmark glossary, 5,000 makes a chunk 6–8 KB instead of 20–22 KB,
 * for 1.7 KB more metadata: "delta hedge" fetches 16 KB of chunks instead of 42 KB (62 KB instead
 * of 75 KB at 10,000 entries, where a common word's postings fill a chunk alone; indexing takes
 * the same time). Pagefind reads it from `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`
 * (pagefind/src/options.rs), a setting its name marks as unstable: a Pagefind without it writes
 * its default chunks, which search the same, only with larger downloads
 * (tests/build/pagefind-integration.test.ts notices). The Node API, used only for an empty
 * index, keeps the default.
 */
export const INDEX_CHUNK_SIZE = 5000;

/** Whether any file under `dir` matches `pattern` (an invalid pattern matches nothing here). */
async function hasMatch(dir: string, pattern: string): Promise<boolean> {
  try {
    return (await findFiles(pattern, { cwd: dir, onlyFiles: true })).length > 0;
  } catch {
    return false;
  }
}

/**
 * The package's public `pagefind` command, found through its package.json rather than a path of
 * our own: the command picks the platform's binary (and honours `PAGEFIND_BINARY_PATH`).
 */
function pagefindCommand(): string {
  // The package exports neither its package.json nor a require() entry; its module sits in lib/.
  const packageDir = resolve(dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..');
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    bin: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin['pagefind'];
  if (!bin) throw new Error(`the pagefind package in ${packageDir} declares no pagefind command`);
  return join(packageDir, bin);
}

/** Runs the `pagefind` command; its log is kept for the error when it fails, and dropped otherwise. */
function runPagefindCommand(args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [pagefindCommand(), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_SIZE) },
    });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolvePromise();
      else {
        const how = signal ? `was stopped by ${signal}` : `exited with status ${code}`;
        reject(new Error(`pagefind ${how}${log.trim() ? `:\n${log.trim()}` : ''}`));
      }
    });
  });
}

/** Pagefind's Node API, as the index was built before the command replaced it. */
async function indexWithNodeApi(outDir: string, outputPath: string, glob: string | undefined): Promise<void> {
  try {
    const { index, errors } = await createIndex({});
    if (!index) throw new Error(errors.join('\n'));
    const added = await index.addDirectory(glob ? { path: outDir, glob } : { path: outDir });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
  } finally {
    // The Node API talks to a Pagefind binary running as a service; stop it so the build exits.
    await close();
  }
}
