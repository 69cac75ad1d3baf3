import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnv } from '../support/build-fixture.ts';
import { root } from '../support/run-script.ts';

// What a team does on day one: clone the repository, replace the example's content/, public/
// and glossa.config.yaml with its own glossary (here a cooking one), and run the tests.
const EXAMPLE = /^(content|public)\/|^glossa\.config\.yaml$/;
const copy = mkdtempSync(join(tmpdir(), 'glossa-template-'));

afterAll(() => rmSync(copy, { recursive: true, force: true }));

function repositoryFiles(): string[] {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  return listed.stdout.split('\0').filter((file) => file !== '' && !EXAMPLE.test(file));
}

describe('the repository as a template', () => {
  it('keeps npm test and check:content green when the example is replaced by another glossary', () => {
    for (const file of repositoryFiles()) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      cpSync(join(root, file), join(copy, file), { errorOnExist: false, force: true, recursive: false });
    }
    const theirs = join(root, 'tests/fixtures/cooking');
    for (const part of ['content', 'public', 'glossa.config.yaml']) {
      cpSync(join(theirs, part), join(copy, part), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const run = (script: string) =>
      spawnSync('npm', ['run', '--silent', script], {
        cwd: copy,
        encoding: 'utf8',
        env: buildEnv({ CI: 'true' }),
      });

    const check = run('check:content');
    expect(check.status, `${check.stdout}\n${check.stderr}`).toBe(0);
    expect(check.stdout).toContain('No problems in 5 entry files.');

    const tests = run('test');
    expect(tests.status, `${tests.stdout}\n${tests.stderr}`).toBe(0);
    // The health check of content/ ran on the cooking glossary, not on a leftover of ours.
    expect(tests.stdout).toMatch(/own-glossary\.test\.ts/);
  });
});
