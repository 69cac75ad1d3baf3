/**
 * Runs `astro build` in a child process that ends with its parent: SIGINT, SIGTERM and SIGHUP sent
 * to the build script are forwarded to the child's whole process group, and a preload ends the
 * child if the script is killed outright.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

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

/**
 * Spawns `astro build <args>` from the repository at `root` with `env`, calls `onSpawn` with the
 * child's pid once it runs, and resolves when the child has exited.
 */
export function runAstroBuild(
  root: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  onSpawn: (pid: number) => void = () => {},
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
      ['--import', preload, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...args],
      // Its own process group, so a signal reaches Astro and everything it spawned, once: a Ctrl-C
      // in the terminal goes to the script alone, which forwards it.
      { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env, detached: process.platform !== 'win32' },
    );
    child = spawned;
    spawned.once('spawn', () => onSpawn(spawned.pid ?? -1));
    spawned.once('error', (error) => {
      stopListening();
      reject(error);
    });
    spawned.once('exit', (code, signal) => {
      stopListening();
      resolve({ code, signal, ...(interruptedBy ? { interruptedBy } : {}) });
    });
  });
}
