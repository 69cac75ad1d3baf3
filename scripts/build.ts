/**
 * `npm run build`: builds the site next to the published one and swaps it into place only when
 * the whole build succeeded, so a broken entry never takes a working site down. A failed build
 * exits with Astro's status and leaves the previous output folder exactly as it was; a build
 * stopped by SIGINT, SIGTERM or SIGHUP stops Astro too, and exits with 128 + the signal's number.
 * A build killed outright (SIGKILL, power loss of the process) is finished or undone by the next
 * one: see src/publish/staging.ts for the states a staging folder goes through.
 */
import { constants, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { defaultGlossaryCacheDir } from '../src/integration/cache-dir.ts';
import { findOutDirConflict } from '../src/lib/site/output-folder.ts';
import { buildSourcesOf, resolveReal } from '../src/publish/sources.ts';
import {
  deleteTrash,
  discard,
  prepareStaging,
  publishBuild,
  recoverOutDir,
  removeIfEmpty,
  stagingPaths,
} from '../src/publish/staging.ts';
import { writeHeadersFile } from '../src/publish/headers-file.ts';
import { closingLine, quietBuildLog, startMessage, stagingPathRewriter } from '../src/publish/log-lines.ts';
import { claimPageCache, releasePageCache } from '../src/publish/page-cache-guard.ts';
import { heapLimitFor } from '../src/publish/heap-limit.ts';
import { FORWARDED_SIGNALS, runAstroBuild } from '../src/publish/run-astro.ts';
import { siteDir } from '../src/site-dir.ts';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(process.env['GLOSSA_OUT_DIR'] ?? 'dist');
const args = process.argv.slice(2);
const silent = args.includes('--silent');
// Astro's own --verbose, which also brings back its line per written file.
const verbose = args.includes('--verbose');
const started = process.hrtime.bigint();

// exitCode rather than process.exit(): output still on its way through a pipe is not cut off.
process.exitCode = await build();

async function build(): Promise<number> {
  // Before anything is moved or deleted: publishing replaces the whole output folder.
  const conflict = findOutDirConflict(resolveReal(outDir), buildSourcesOf(siteDir, root));
  if (conflict) {
    const named = process.env['GLOSSA_OUT_DIR']
      ? `GLOSSA_OUT_DIR (${shown(outDir)})`
      : `The output folder ${shown(outDir)}`;
    process.stderr.write(
      `Build refused: ${named} ${conflict}.\nChoose an output folder outside the site's sources, such as dist.\n`,
    );
    return 1;
  }

  const recovery = recoverOutDir(outDir, { keepTrash: true });
  // The site the last build replaced, deleted while Astro works rather than at the end of that build.
  const trashDeleted = deleteTrash(outDir);
  if (recovery.restored) {
    process.stderr.write(
      `An earlier build was interrupted while publishing; ${outDir} was restored from it.\n`,
    );
  }

  // Astro says nothing for seconds while it starts and checks every entry: say what is happening.
  const entries = countEntries(siteDir);
  if (!silent) process.stdout.write(`${startMessage(entries)}\n`);

  // From here on a signal never ends the script by default: while Astro runs it is forwarded
  // (runAstroBuild), and once Astro is done the swap is a few renames that are better finished.
  let lateSignal: NodeJS.Signals | undefined;
  let astroDone = false;
  const noteLateSignal = (signal: NodeJS.Signals) => {
    if (astroDone) lateSignal ??= signal;
  };
  for (const signal of FORWARDED_SIGNALS) process.on(signal, noteLateSignal);

  // Pages unchanged since the last build are copied from Astro's cache (src/data/page-keys.ts).
  const cacheDir = fileURLToPath(defaultGlossaryCacheDir(root, siteDir, outDir));
  if (claimPageCache(cacheDir) && !silent) {
    process.stdout.write('The last build did not finish: every page is rendered again this time.\n');
  }
  const pages = { rendering: false, copied: 0 };
  const paths = stagingPaths(outDir, process.pid);
  const staging = prepareStaging(paths);
  const rename = stagingPathRewriter(staging, outDir, process.cwd());
  const heapLimit = heapLimitFor({
    entries,
    totalMemoryMiB: totalmem() / 2 ** 20,
    defaultLimitMiB: getHeapStatistics().heap_size_limit / 2 ** 20,
    nodeOptions: process.env['NODE_OPTIONS'],
  });
  const astro = await runAstroBuild(
    root,
    args,
    { ...process.env, GLOSSA_OUT_DIR: staging, GLOSSA_PUBLISH_DIR: outDir },
    {
      nodeArgs: heapLimit ? [`--max-old-space-size=${heapLimit}`] : [],
      onSpawn: (pid) => stopForTest('astro-running', `astro pid ${pid}`),
      rewriteLine: quietLines((line) => {
        const plain = stripVTControlCharacters(line);
        if (/ generating static routes /.test(plain)) pages.rendering = true;
        if (/ \((restored|cached)\)$/.test(plain)) pages.copied++;
        return rename(line);
      }),
    },
  );
  astroDone = true;
  await trashDeleted;

  if (astro.interruptedBy || astro.code !== 0) {
    // A build that stopped before rendering pages left the page cache as it found it.
    if (!pages.rendering) releasePageCache(cacheDir);
    discard(staging);
    removeIfEmpty(paths.root);
    if (astro.interruptedBy) {
      process.stderr.write(`\nBuild stopped by ${astro.interruptedBy}: ${outDir} was left unchanged.\n`);
      return 128 + constants.signals[astro.interruptedBy];
    }
    process.stderr.write(`\nBuild failed: ${outDir} was left unchanged.\n`);
    return astro.code ?? 128 + constants.signals[astro.signal ?? 'SIGKILL'];
  }

  if (!writeHeadersFile(staging) && !silent) {
    process.stdout.write(
      "The site's own public/_headers was published as it is, without Glossa's headers.\n",
    );
  }
  stopForTest('built');
  publishBuild(paths, outDir, (step) => stopForTest(step));
  releasePageCache(cacheDir);
  // A signal that came while publishing is honoured only now, with the new site complete in place.
  await new Promise((resolve) => setImmediate(resolve));
  for (const signal of FORWARDED_SIGNALS) process.off(signal, noteLateSignal);
  if (lateSignal) {
    process.stderr.write(`\nStopped by ${lateSignal} after the new site was published in ${outDir}.\n`);
    return 128 + constants.signals[lateSignal];
  }
  if (!silent && pages.copied > 0) {
    const copied = pages.copied.toLocaleString('en');
    process.stdout.write(
      `${copied} ${pages.copied === 1 ? 'page was' : 'pages were'} unchanged since the last build and copied from it.\n`,
    );
  }
  if (!silent) {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stdout.write(
      `${closingLine(countPages(outDir), countPublished(outDir), shown(outDir), seconds)}\n`,
    );
  }
  return 0;
}

/** Astro's log as an editor wants it (src/publish/log-lines.ts), with the real output folder named. */
function quietLines(rename: (line: string) => string): (line: string) => string | undefined {
  const quiet = quietBuildLog({ verbose });
  return (line) => quiet(rename(line));
}

/** The HTML pages of a built site. */
function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((path) => String(path).endsWith('.html')).length;
}

/** The entries a built site publishes, as its glossary.json lists them (drafts left out). */
function countPublished(dir: string): number {
  try {
    const data = JSON.parse(readFileSync(join(dir, 'glossary.json'), 'utf8')) as { terms?: unknown[] };
    return data.terms?.length ?? 0;
  } catch {
    return 0;
  }
}

/** How many Markdown files the glossary's content/ folder holds (the build checks each). */
function countEntries(site: string): number {
  try {
    return readdirSync(join(site, 'content'), { recursive: true }).filter((path) =>
      String(path).endsWith('.md'),
    ).length;
  } catch {
    return 0;
  }
}

/** A path as the user would write it: relative to the current folder when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/**
 * A seam for tests of a build killed at an exact point: with `GLOSSA_TEST_KILL_AT=<step>`, the
 * process kills itself with SIGKILL (nothing runs after it, as with a real kill) at that step.
 */
function stopForTest(step: string, detail = ''): void {
  if (process.env['GLOSSA_TEST_KILL_AT'] !== step) return;
  process.stderr.write(`glossa test: killed at ${step}${detail ? ` (${detail})` : ''}\n`);
  process.kill(process.pid, 'SIGKILL');
}
