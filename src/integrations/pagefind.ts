import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { constants, setPriority, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { glob as findFiles } from 'tinyglobby';
import {
  PARTS_FILE,
  indexedText,
  partCount,
  partFolder,
  partOf,
  partsManifest,
} from '../lib/search/index-parts.ts';
import { searchPartsWhileRendering, type SearchPartsWhileRendering } from './search-parts-while-rendering.ts';

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
 *
 * The pages are indexed in parts of `partSize` (src/lib/search/index-parts.ts), each part kept in
 * `cacheDir`: a rebuild indexes again only the parts whose pages' indexed text changed, where a
 * single index had to be built whole (Pagefind takes no earlier index to update). With a
 * `cacheDir`, the command indexes each part as soon as Astro has rendered all of its pages, at
 * the lowest priority while the render goes on (./search-parts-while-rendering.ts); this hook
 * then finds those parts kept and indexes only the rest. At 10,000 entries (medians of three) the
 * build took 50.1 s against 55.5 s with copies of the pages and 68.1 s with the index after the
 * render: 4.0 s after the last page instead of 13.6 s, the render 31.2 s.
 */
export function pagefind(options: PagefindOptions = {}): AstroIntegration {
  const store = options.cacheDir ? join(options.cacheDir, 'search-parts') : undefined;
  let config: AstroConfig | undefined;
  let whileRendering: SearchPartsWhileRendering | undefined;
  return {
    name: 'glossa:pagefind',
    hooks: {
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:start': ({ setPrerenderer }) => {
        // An adapter may render the pages itself (setPrerenderer): its prerenderer is left alone,
        // and the index is then written once all pages are, as it is for a build without a store.
        if (!store || !options.glob || !config || config.adapter || config.build.format !== 'directory')
          return;
        mkdirSync(store, { recursive: true });
        const parts = searchPartsWhileRendering({
          store,
          outDir: join(fileURLToPath(config.outDir), options.subdir ?? '/'),
          glob: options.glob,
          subdir: options.subdir ?? '/',
          base: config.base,
          partSize: options.partSize,
          digestOf: partDigest,
          indexPages: (outDir, paths, target) => indexPart(outDir, paths, target, { background: true }),
        });
        whileRendering = parts;
        setPrerenderer((base) => parts.wrap(base));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = join(fileURLToPath(dir), options.subdir ?? '/');
        const outputPath = join(outDir, 'pagefind');
        const start = performance.now();
        try {
          const early = (await whileRendering?.settle(PARTS_AT_ONCE)) ?? new Set<string>();
          // Reading only the term pages spares Pagefind the parse of large listing pages it would
          // skip anyway (tag pages alone are 31 MB at 50,000 entries): 21.7 s → 14.9 s there.
          const pages = options.glob ? await matchingFiles(outDir, options.glob) : [];
          let how = '';
          if (pages.length > 0) {
            const written = await writeIndexInParts({
              outDir,
              outputPath,
              pages,
              parts: partCount(pages.length, options.partSize),
              store,
            });
            if (written.parts > 1) {
              const fromRender = written.kept.filter((digest) => early.has(digest)).length;
              how = `: ${written.parts} parts, ${written.kept.length - fromRender} of them reused from the last build`;
              if (fromRender > 0) how += ` and ${fromRender} indexed while pages rendered`;
            }
          } else {
            await indexWithNodeApi(outDir, outputPath, options.glob);
          }
          const seconds = (performance.now() - start) / 1000;
          logger.info(`Search index written to ${outputPath} in ${seconds.toFixed(1)} s${how}.`);
        } catch (cause) {
          throw new Error('Pagefind could not build the search index.', { cause });
        }
      },
    },
  };
}

/** What the search index is built from. */
export interface PagefindOptions {
  /** The term pages, relative to the glossary's output folder. */
  glob?: string | undefined;
  /** The glossary's place in the output: `/` unless it is part of a larger site. */
  subdir?: string;
  /**
   * The folder that keeps each part of the last build's index (`search-parts/` in it), so a
   * rebuild indexes again only the parts whose pages changed. Without it every part is indexed.
   */
  cacheDir?: string | undefined;
  /** Term pages per part of the index (see src/lib/search/index-parts.ts). */
  partSize?: number | undefined;
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

/**
 * The files under `dir` that match `pattern`, sorted, as paths relative to it with `/` between
 * folders. An invalid pattern matches nothing here: the Node API then reports it.
 */
async function matchingFiles(dir: string, pattern: string): Promise<string[]> {
  try {
    return (await findFiles(pattern, { cwd: dir, onlyFiles: true })).sort();
  } catch {
    return [];
  }
}

/** How many parts are indexed at once. */
const PARTS_AT_ONCE = 2;

/** What `writeIndexInParts` did: how many parts the index has, and which it found kept. */
interface WrittenIndex {
  parts: number;
  /** The digests of the parts found in the store rather than indexed. */
  kept: string[];
}

/**
 * Writes the index of `pages` (relative to `outDir`) in `parts` parts (those with pages) to `outputPath`, as
 * src/lib/search/index-parts.ts lays them out. Each part is Pagefind's own index of its pages,
 * written by the command from just those pages (`indexPart`). With a `store`, a part whose pages' indexed text is the same as in
 * a part the last build kept there is copied from it instead of indexed again: the same input
 * gives Pagefind's same bytes, so the output matches a cold build's.
 */
async function writeIndexInParts(options: {
  outDir: string;
  outputPath: string;
  pages: readonly string[];
  parts: number;
  store: string | undefined;
}): Promise<WrittenIndex> {
  const { outDir, outputPath, pages, parts } = options;
  const store = options.store ?? mkdtempSync(join(tmpdir(), 'glossa-search-parts-'));
  mkdirSync(store, { recursive: true });
  const byPart: string[][] = Array.from({ length: parts }, () => []);
  for (const page of pages) byPart[partOf(page, parts)]?.push(page);
  // A small glossary may leave a part without pages, which Pagefind refuses to index: the parts
  // that have pages are written in order, the first where Pagefind's bundle expects its index.
  const members = byPart.filter((paths) => paths.length > 0);
  const digests = members.map((paths) =>
    partDigest(
      parts,
      paths.map((path) => [path, indexedText(readFileSync(join(outDir, path), 'utf8'))]),
    ),
  );

  const found = digests.filter((digest) => existsSync(join(store, digest)));
  try {
    const toIndex = members
      .map((paths, part) => ({ paths, kept: join(store, digests[part] ?? '') }))
      .filter(({ kept }) => !existsSync(kept));
    // Two parts at a time: Pagefind parses on every core but writes a part's files on one thread.
    const next = () => toIndex.shift();
    await Promise.all(
      Array.from({ length: PARTS_AT_ONCE }, async () => {
        for (let job = next(); job; job = next()) {
          await indexPart(outDir, job.paths, job.kept);
        }
      }),
    );
    rmSync(outputPath, { recursive: true, force: true });
    for (const [part, digest] of digests.entries()) {
      copyPart(join(store, digest), join(outputPath, partFolder(part)), part === 0);
    }
    writeFileSync(join(outputPath, PARTS_FILE), `${JSON.stringify(partsManifest(members.length))}\n`);
    if (options.store) {
      // Only this build's parts are kept, so the store never grows past one index; a failed
      // build leaves the last one's.
      const used = new Set(digests);
      for (const name of readdirSync(store)) {
        if (!used.has(name)) rmSync(join(store, name), { recursive: true, force: true });
      }
    }
  } finally {
    if (!options.store) rmSync(store, { recursive: true, force: true });
  }
  return { parts: members.length, kept: found };
}

/**
 * The name a part is kept under in the store: a digest of what Pagefind reads of its pages
 * (`pages`: each page's path and `indexedText`, in sorted path order) and of everything else
 * that changes Pagefind's output, `parts` included.
 */
export function partDigest(parts: number, pages: Iterable<readonly [string, string]>): string {
  const hash = createHash('sha256').update(partKeyPrefix(parts));
  for (const [path, text] of pages) hash.update(`${path}\0${text}\0`);
  return hash.digest('hex').slice(0, 32);
}

/**
 * What every part's digest starts with: whatever beyond its pages changes Pagefind's output
 * (its version, the settings this module gives it, the number of parts).
 */
function partKeyPrefix(parts: number): string {
  return JSON.stringify({ pagefind: pagefindVersion(), chunk: INDEX_CHUNK_SIZE, root: ROOT_SELECTOR, parts });
}

/**
 * Indexes the pages at `paths` (relative to `outDir`) into `target`, written beside it and renamed
 * into place only once complete, so a stopped build never leaves a part that looks kept. The
 * command reads the pages where they are, named one by one in its glob (`globNaming`); the glob
 * is given in a configuration file, since a part at 100,000 entries names more than one argument
 * may hold. Where no such glob will do (a path with a character glob syntax gives a meaning, or
 * a glob too long), the pages are gathered as links in a folder of their own, as they all were
 * before: at 10,000 entries that was 10,000 links and folders made and deleted by every build.
 */
export async function indexPart(
  outDir: string,
  paths: readonly string[],
  target: string,
  { background = false } = {},
): Promise<void> {
  const partial = `${target}.partial-${process.pid}`;
  const settings = `${target}.settings-${process.pid}`;
  const pagesDir = `${target}.pages-${process.pid}`;
  const glob = globNaming(paths);
  try {
    if (glob === undefined) {
      for (const path of paths) {
        const to = join(pagesDir, path);
        mkdirSync(dirname(to), { recursive: true });
        linkOrCopy(join(outDir, path), to);
      }
    }
    mkdirSync(settings, { recursive: true });
    const config = {
      site: glob === undefined ? pagesDir : outDir,
      glob: glob ?? '**/*.html',
      output_path: partial,
      root_selector: ROOT_SELECTOR,
    };
    writeFileSync(join(settings, 'pagefind.json'), JSON.stringify(config));
    // Pagefind reads pagefind.json from the folder it runs in.
    await runPagefindCommand([], { background, cwd: settings });
    renameSync(partial, target);
  } finally {
    for (const path of [partial, settings, pagesDir]) rmSync(path, { recursive: true, force: true });
  }
}

/** A page path a glob matches only as itself: letters, digits, `.`, `_`, `-` and `/`. */
const GLOB_SAFE_PATH = /^[\p{L}\p{N}._/-]+$/u;

/**
 * The longest glob `globNaming` writes. Pagefind 1.6 refused a list of 6,253 paths 284 KB long
 * ("did not parse as a valid glob") and read one of 13,253 grouped in 322 KB.
 */
const GLOB_MAX_LENGTH = 200_000;

/**
 * A glob that matches exactly `paths`, the pages of a folder grouped by the folder they are in
 * (`{definition/{call,put}/index.html,…}`), or undefined when a path holds glob syntax or the
 * glob would be too long for Pagefind.
 */
export function globNaming(paths: readonly string[]): string | undefined {
  if (paths.length === 0 || !paths.every((path) => GLOB_SAFE_PATH.test(path))) return undefined;
  const groups = new Map<string, string[]>();
  const alone: string[] = [];
  for (const path of paths) {
    const [match, folder, name, file] = /^(.+)\/([^/]+)\/([^/]+)$/.exec(path) ?? [];
    if (!match || !folder || !name || !file) {
      alone.push(path);
      continue;
    }
    const key = `${folder}/\0/${file}`;
    const names = groups.get(key) ?? [];
    names.push(name);
    groups.set(key, names);
  }
  // One name is written as itself: a brace with one choice is literal text to some globs.
  const either = (choices: readonly string[]) =>
    choices.length === 1 ? (choices[0] ?? '') : `{${choices.join(',')}}`;
  const glob = either([...[...groups].map(([key, names]) => key.replace('\0', either(names))), ...alone]);
  return glob.length > GLOB_MAX_LENGTH ? undefined : glob;
}

/** A hard link, or a copy where the two folders are on different file systems. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    copyFileSync(from, to);
  }
}

/**
 * Puts a part's index into the output, as hard links to the kept files (copies across file
 * systems): at 10,000 entries copying the 11,000 files of eight kept parts took 2–5 s of a
 * rebuild. The kept files are never written again, only replaced by other folders. The first
 * part keeps Pagefind's whole output, its bundle and search code included; the others only their
 * index: a merged index runs on the first one's code (Pagefind loads its WebAssembly once).
 */
function copyPart(from: string, to: string, whole: boolean): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const name = entry.name;
    if (!whole && (/\.(js|css)$/.test(name) || name.startsWith('wasm.'))) continue;
    if (entry.isDirectory()) copyPart(join(from, name), join(to, name), true);
    else linkOrCopy(join(from, name), join(to, name));
  }
}

/** The installed Pagefind's version, which a kept part's digest includes. */
function pagefindVersion(): string {
  return (JSON.parse(readFileSync(join(pagefindPackageDir(), 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** The folder of the installed pagefind package. */
function pagefindPackageDir(): string {
  // The package exports neither its package.json nor a require() entry; its module sits in lib/.
  return resolve(dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..');
}

/**
 * The package's public `pagefind` command, found through its package.json rather than a path of
 * our own: the command picks the platform's binary (and honours `PAGEFIND_BINARY_PATH`).
 */
function pagefindCommand(): string {
  const packageDir = pagefindPackageDir();
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    bin: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin['pagefind'];
  if (!bin) throw new Error(`the pagefind package in ${packageDir} declares no pagefind command`);
  return join(packageDir, bin);
}

/**
 * Runs the `pagefind` command; its log is kept for the error when it fails, and dropped otherwise.
 * In the `background`, it runs at the lowest priority, so it takes only the time Astro's render
 * leaves: the threads Pagefind starts inherit it.
 */
function runPagefindCommand(
  args: string[],
  { background = false, cwd }: { background?: boolean; cwd?: string } = {},
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [pagefindCommand(), ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_SIZE) },
    });
    if (background && child.pid !== undefined) {
      try {
        setPriority(child.pid, constants.priority.PRIORITY_LOW);
      } catch {
        // Not allowed here: it then runs at the build's own priority, only slower for Astro.
      }
    }
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
