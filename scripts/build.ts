/**
 * `npm run build`: builds the site next to the published one and swaps it into place only when
 * the whole build succeeded, so a broken entry never takes a working site down. A failed build
 * exits with Astro's status and leaves the previous output folder exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';

// Resolved, not joined: installed as a package, Astro sits beside Glossa in node_modules/.
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const outDir = resolve(process.env['GLOSSA_OUT_DIR'] ?? 'dist');
// A sibling folder on the same file system, so the swap is a rename rather than a copy.
const stagingRoot = join(dirname(outDir), '.glossa-tmp');
const staging = join(stagingRoot, `${basename(outDir)}-${process.pid}`);
const previous = `${staging}-previous`;

mkdirSync(stagingRoot, { recursive: true });
rmSync(staging, { recursive: true, force: true });
const astro = spawnSync(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, GLOSSA_OUT_DIR: staging },
});

if (astro.status !== 0 || !existsSync(staging)) {
  rmSync(staging, { recursive: true, force: true });
  removeIfEmpty(stagingRoot);
  process.stderr.write(`\nBuild failed: ${outDir} was left unchanged.\n`);
  process.exit(astro.status || 1);
}

if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
removeIfEmpty(stagingRoot);

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Another build may be using it; leaving an empty folder behind is harmless.
  }
}
