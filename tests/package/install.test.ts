import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLdOf, readPage } from '../support/build-fixture.ts';
import { root } from '../support/run-script.ts';

// Glossa as a team installs it: packed, installed into an empty folder, driven by `npx glossa`.
const work = mkdtempSync(join(tmpdir(), 'glossa-package-'));
const project = join(work, 'my-glossary');

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** This environment without the repository's own node_modules/.bin, so nothing leaks in from it. */
function outsideEnv(): NodeJS.ProcessEnv {
  const path = (process.env['PATH'] ?? '')
    .split(delimiter)
    .filter((dir) => !dir.startsWith(root))
    .join(delimiter);
  const inherited = Object.entries(process.env).filter(
    ([key]) => !key.startsWith('npm_') && !key.startsWith('VITEST'),
  );
  return { ...Object.fromEntries(inherited), PATH: path, NODE_ENV: 'production' };
}

function run(command: string, args: string[], cwd = project) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: outsideEnv() });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('the packed package', () => {
  it('installs into an empty folder, and npx glossa init, check and build make a working site', () => {
    const packed = run('npm', ['pack', '--silent', '--pack-destination', work], root);
    expect(packed.status, packed.output).toBe(0);
    const tarball = join(work, packed.output.trim().split('\n')[0] ?? '');

    run('mkdir', ['-p', project], work);
    writeFileSync(join(project, 'package.json'), '{ "name": "my-glossary", "private": true }\n');
    const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball]);
    expect(install.status, install.output).toBe(0);

    const init = run('npx', ['glossa', 'init']);
    expect(init.status, init.output).toBe(0);
    expect(init.output).toContain('content/term/glossary.md');
    // The first install, before init, printed npm's engine warnings (this machine's Node is 20);
    // the .npmrc that init writes keeps every later install quiet about them.
    const reinstall = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund']);
    expect(reinstall.status, reinstall.output).toBe(0);
    expect(reinstall.output).not.toContain('EBADENGINE');
    expect(readFileSync(join(project, '.npmrc'), 'utf8')).toContain('loglevel=error');
    // A team's own .npmrc is theirs: init writes its starter next to it and leaves it alone.
    const team = join(project, 'team-site');
    run('mkdir', ['-p', team]);
    writeFileSync(join(team, '.npmrc'), 'fund=false\n');
    const beside = run('npx', ['glossa', 'init'], team);
    expect(beside.status, beside.output).toBe(0);
    expect(readFileSync(join(team, '.npmrc'), 'utf8')).toBe('fund=false\n');
    expect(existsSync(join(team, 'content/term/glossary.md'))).toBe(true);
    const again = run('npx', ['glossa', 'init']);
    expect(again.status).toBe(1);
    expect(again.output).toContain('already has a glossary');

    const check = run('npx', ['glossa', 'check']);
    expect(check.status, check.output).toBe(0);
    expect(check.output).toContain('0 errors');

    const build = run('npx', ['glossa', 'build']);
    expect(build.status, build.output).toBe(0);
    expect(build.output).not.toMatch(/ExperimentalWarning|ERR_UNSUPPORTED/);

    const dist = join(project, 'dist');
    const page = readPage(dist, '/term/glossary/');
    expect(page.querySelector('h1')?.text).toBe('Glossary');
    expect(JSON.stringify(jsonLdOf(page))).toContain('"DefinedTerm"');
    expect(readPage(dist, '/').querySelector('a[href="/term/"]')).not.toBeNull();
    expect(existsSync(join(dist, 'pagefind/pagefind.js'))).toBe(true);
    expect(readFileSync(join(dist, 'term/glossary.md'), 'utf8')).toContain('# Glossary');

    const created = run('npx', ['glossa', 'new', 'Second Term', '--section', 'term']);
    expect(created.status, created.output).toBe(0);
    expect(existsSync(join(project, 'content/term/second-term.md'))).toBe(true);
  });
});
