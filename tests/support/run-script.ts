import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root, where `scripts/` and `tests/fixtures/` live. */
export const root = resolve(import.meta.dirname, '../..');

/** What a command-line script printed and how it exited. */
export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Copies `tests/fixtures/<name>` into a fresh temporary folder, so a test may change it freely. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `glossa-${name}-`));
  cpSync(join(root, 'tests/fixtures', name), dir, { recursive: true });
  return dir;
}

/**
 * Runs `scripts/<script>.ts` with the project's Node 24 (type stripping, as `npm run` does),
 * from the repository root.
 */
export function runScript(
  script: string,
  args: readonly string[],
  env: Record<string, string> = {},
): ScriptRun {
  const result = spawnSync(
    join(root, 'node_modules/.bin/node'),
    [join(root, 'scripts', `${script}.ts`), ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
