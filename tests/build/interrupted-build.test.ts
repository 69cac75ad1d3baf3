import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { buildEnv, fingerprint, publishSite } from '../support/build-fixture.ts';

const root = resolve(import.meta.dirname, '../..');
const outParent = join(root, 'tests/.output/interrupted');
const outDir = join(outParent, 'site');
const stagingRoot = join(outParent, '.glossa-tmp');
const node = join(root, 'node_modules/.bin/node');

function envFor(fixture: string, extra: Record<string, string> = {}, out = outDir) {
  return buildEnv({ GLOSSA_SITE_DIR: join(root, 'tests/fixtures', fixture), GLOSSA_OUT_DIR: out, ...extra });
}

/** Runs `npm run build`'s script on a fixture and waits for it to end. */
function publish(fixture: string, env: Record<string, string> = {}, out = outDir) {
  return publishSite(join(root, 'tests/fixtures', fixture), out, { env });
}

/** Whether a process has ended (a zombie nobody has reaped yet counts as ended). */
function isGone(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? true;
  } catch {
    return true;
  }
}

/** Live processes in a process group. */
function groupMembers(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        return fields[0] !== 'Z' && Number(fields[2]) === pgid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Waits (without a deadline of its own: the test timeout is the deadline) until `check` holds. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await sleep(50);
}

let oldSite: Record<string, string>;
let newSite: Record<string, string>;

beforeAll(() => {
  rmSync(outParent, { recursive: true, force: true });
  // The site every interrupted build starts from, and the one it was building.
  expect(publish('staging', {}, join(outParent, 'reference')).status).toBe(0);
  newSite = fingerprint(join(outParent, 'reference'));
  rmSync(join(outParent, 'reference'), { recursive: true });
  expect(publish('basic').status).toBe(0);
  oldSite = fingerprint(outDir);
  expect(oldSite).not.toEqual(newSite);
});
afterAll(() => rmSync(outParent, { recursive: true, force: true }));

/** Puts the old site back in place, the way a user's last good build would have. */
function resetToOldSite() {
  if (existsSync(outDir) && JSON.stringify(fingerprint(outDir)) === JSON.stringify(oldSite)) return;
  expect(publish('basic').status).toBe(0);
}

describe('npm run build killed at each step of publishing', () => {
  it.each([
    ['built', 'old'],
    ['ready', 'old'],
    ['swapped', 'new'],
    ['trashed', 'new'],
  ] as const)(
    'killed at %s, leaves the %s site complete, and the next build deletes what it left behind',
    (step, expected) => {
      resetToOldSite();
      const killed = publish('staging', { GLOSSA_TEST_KILL_AT: step });
      expect(killed.signal).toBe('SIGKILL');
      expect(killed.stderr).toContain(`killed at ${step}`);
      const site = expected === 'old' ? oldSite : newSite;
      expect(fingerprint(outDir)).toEqual(site);
      expect(readdirSync(stagingRoot)).toHaveLength(1);

      // The next build (here one that fails) removes the dead build's folder and changes nothing else.
      const next = publish('broken');
      expect(next.status).not.toBe(0);
      expect(fingerprint(outDir)).toEqual(site);
      expect(existsSync(stagingRoot)).toBe(false);
    },
  );

  it('killed between the two renames, the next build finishes the swap before anything else', () => {
    resetToOldSite();
    const killed = publish('staging', { GLOSSA_TEST_KILL_AT: 'between-renames' });
    expect(killed.signal).toBe('SIGKILL');
    // The one instant without an output folder: the old one is moved aside, the new one complete.
    expect(existsSync(outDir)).toBe(false);
    expect(readdirSync(stagingRoot).sort()).toEqual([
      expect.stringMatching(/^site-\d+\.previous$/),
      expect.stringMatching(/^site-\d+\.ready$/),
    ]);

    const next = publish('broken');
    expect(next.status).not.toBe(0);
    expect(next.stderr).toContain(
      `An earlier build was interrupted while publishing; ${outDir} was restored from it.`,
    );
    expect(fingerprint(outDir)).toEqual(newSite);
    expect(existsSync(stagingRoot)).toBe(false);
  });

  it('killed while Astro runs, takes Astro with it, and the next build deletes the half-built folder', async () => {
    resetToOldSite();
    const killed = publish('staging', { GLOSSA_TEST_KILL_AT: 'astro-running' });
    expect(killed.signal).toBe('SIGKILL');
    const astroPid = Number(/astro pid (\d+)/.exec(killed.stderr)?.[1]);
    expect(astroPid).toBeGreaterThan(0);
    await until(() => isGone(astroPid) && groupMembers(astroPid).length === 0);
    expect(fingerprint(outDir)).toEqual(oldSite);
    // Besides the half-built folder, the site the last build replaced may still be there: it is
    // deleted while Astro runs, and the kill may come before that is done.
    expect(readdirSync(stagingRoot).filter((name) => !name.endsWith('.previous.trash'))).toEqual([
      expect.stringMatching(/^site-\d+\.building$/),
    ]);

    expect(publish('broken').status).not.toBe(0);
    expect(fingerprint(outDir)).toEqual(oldSite);
    expect(existsSync(stagingRoot)).toBe(false);
  });
});

describe('npm run build stopped by a signal', () => {
  it.each([
    ['SIGINT', 130, 'as Astro starts'],
    ['SIGHUP', 129, 'as Astro starts'],
    ['SIGTERM', 143, 'while a tool Astro spawned runs'],
  ] as const)(
    'forwards %s to Astro, waits for it to end, removes its staging folder and exits with %i (sent %s)',
    async (signal, code, when) => {
      resetToOldSite();
      const build = spawn(node, [join(root, 'scripts/build.ts'), '--silent'], {
        cwd: root,
        env: envFor('staging'),
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      build.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((done) => build.on('exit', (status) => done(status)));
      const children = `/proc/${build.pid}/task/${build.pid}/children`;
      await until(() => existsSync(children) && readFileSync(children, 'utf8').trim() !== '');
      const astroPid = Number(readFileSync(children, 'utf8').trim().split(' ')[0]);
      // Pagefind's indexer is a child of Astro: the signal must reach it too.
      if (when !== 'as Astro starts') await until(() => groupMembers(astroPid).length >= 2);
      build.kill(signal);

      expect(await exited).toBe(code);
      // The script waited for Astro: it has ended by the time the script exits.
      expect(isGone(astroPid)).toBe(true);
      await until(() => groupMembers(astroPid).length === 0);
      expect(stderr).toContain(`Build stopped by ${signal}: ${outDir} was left unchanged.`);
      expect(fingerprint(outDir)).toEqual(oldSite);
      expect(existsSync(stagingRoot)).toBe(false);
    },
  );
});
