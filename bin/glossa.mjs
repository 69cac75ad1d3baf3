#!/usr/bin/env node
// The `glossa` command. Plain JavaScript on purpose: it must start on whatever Node the machine
// has (Node 20 here), then hand over to the Node 24 that comes with the package (the `node`
// dependency), which Astro needs. It runs the TypeScript CLI with the type-stripping hook, since
// Node strips types itself only outside node_modules/.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function bundledNode() {
  try {
    const binary = join(dirname(require.resolve('node/package.json')), 'bin', 'node');
    if (existsSync(binary)) return binary;
  } catch {
    // Not installed (a platform the `node` package has no build for): fall back to this Node.
  }
  return process.execPath;
}

const child = spawn(
  bundledNode(),
  [
    '--disable-warning=ExperimentalWarning',
    '--import',
    join(here, 'strip-types.mjs'),
    join(here, '..', 'src', 'cli', 'glossa.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
