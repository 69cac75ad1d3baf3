/**
 * Runs `astro build` in a child process that ends with its parent: SIGINT, SIGTERM and SIGHUP sent
 * to the build script are forwarded to the child's whole process group, and a preload ends the
 * child if the script is killed outright.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';

// Resolved, not joined: installed as a package, Astro sits beside Glossa in node_modules/.
const ASTRO_BIN = join(
  dirname(createRequire(import.meta.url).resolve('astro/package.json')),
  'bin/astro.mjs',
);

/** The signals that end a build when sent to the build script. */
export const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** How long Astro gets to stop after a forwarded signal before it is killed. */
const GRACE_MS = 10_000;

/** How the Astro child ended. */
export interface AstroRun {
  /** Exit code, or `null` when the child was ended by a signal. */
  code: number | null;
  /** The signal that ended the child, if any. */
  signal: NodeJS.Signals | null;
  /** The signal the build script received and forwarded, if the build was interrupted. */
  interruptedBy?: (typeof FORWARDED_SIGNALS)[number];
}

/** Options of {@link runAstroBuild}. */
export interface AstroRunOptions {
  /** Called with the child's pid once it runs. */
  onSpawn?: (pid: number) => void;
  /** Rewrites each line Astro prints (stdout and stderr) before it is passed on; `undefined` drops it. */
  rewriteLine?: (line: string) => string | undefined;
  /** Options for the child's Node, such as `--max-old-space-size=12000`. */
  nodeArgs?: readonly string[];
}

/**
 * Spawns `astro build <args>` from the repository at `root` with `env`, and resolves when the
 * child has exited and everything it printed has been passed on.
 */
export function runAstroBuild(
  root: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  { onSpawn = () => {}, rewriteLine = (line) => line, nodeArgs = [] }: AstroRunOptions = {},
): Promise<AstroRun> {
  const preload = pathToFileURL(join(root, 'src/publish/exit-with-parent.ts')).href;
  let child: ChildProcess | undefined;
  let interruptedBy: AstroRun['interruptedBy'];
  let escalation: NodeJS.Timeout | undefined;
  const signalChild = (signal: NodeJS.Signals) => {
    try {
      if (child?.pid === undefined) return;
      process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  const onSignal = (signal: (typeof FORWARDED_SIGNALS)[number]) => {
    if (interruptedBy) return signalChild('SIGKILL'); // a second signal: stop waiting.
    interruptedBy = signal;
    signalChild(signal);
    escalation = setTimeout(() => signalChild('SIGKILL'), GRACE_MS);
  };
  // Listening before the child exists, so no signal can arrive between its start and ours.
  for (const signal of FORWARDED_SIGNALS) process.on(signal, onSignal);
  const stopListening = () => {
    for (const signal of FORWARDED_SIGNALS) process.off(signal, onSignal);
    clearTimeout(escalation);
  };

  return new Promise((resolve, reject) => {
    const spawned = spawn(
      process.execPath,
      [...nodeArgs, '--import', preload, ASTRO_BIN, 'build', ...args],
      // Its own process group, so a signal reaches Astro and everything it spawned, once: a Ctrl-C
      // in the terminal goes to the script alone, which forwards it.
      {
        stdio: ['inherit', 'pipe', 'pipe', 'ipc'],
        // Astro colours its log only on a terminal; through the pipe it would not know it is on one.
        env: process.stdout.isTTY && !('NO_COLOR' in env) ? { FORCE_COLOR: '1', ...env } : env,
        detached: process.platform !== 'win32',
      },
    );
    child = spawned;
    passLines(spawned.stdout, process.stdout, rewriteLine);
    passLines(spawned.stderr, process.stderr, rewriteLine);
    spawned.once('spawn', () => onSpawn(spawned.pid ?? -1));
    spawned.once('error', (error) => {
      stopListening();
      reject(error);
    });
    // 'close', not 'exit': it comes once the child's output has been read to the end.
    spawned.once('close', (code, signal) => {
      stopListening();
      resolve({ code, signal, ...(interruptedBy ? { interruptedBy } : {}) });
    });
  });
}

/** Copies a stream to another line by line, rewriting each line. */
function passLines(from: Readable | null, to: Writable, rewrite: (line: string) => string | undefined): void {
  if (!from) return;
  let pending = '';
  from.setEncoding('utf8');
  from.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    const kept = lines.map(rewrite).filter((line) => line !== undefined);
    if (kept.length > 0) to.write(kept.join('\n') + '\n');
  });
  from.on('end', () => {
    const last = pending ? rewrite(pending) : undefined;
    if (last) to.write(last);
  });
}
