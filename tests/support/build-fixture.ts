import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

const root = resolve(import.meta.dirname, '../..');
const VITEST_ENV = new Set(['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'TEST', 'NODE_ENV']);

/** The outcome of building a fixture glossary with the real `astro build`. */
export interface FixtureBuild {
  /** Absolute path of the output folder. */
  outDir: string;
  /** Exit status of the build. */
  status: number | null;
  /** Everything the build printed, stdout then stderr. */
  output: string;
}

/**
 * Builds `tests/fixtures/<name>` into `tests/.output/<outName>` by running `astro build` in a
 * child process, exactly as `npm run build` would, with the fixture as the site folder. Test
 * files that build the same fixture give distinct `outName`s, so parallel builds never collide.
 */
export function buildFixture(name: string, env: Record<string, string> = {}, outName = name): FixtureBuild {
  return buildSite(join(root, 'tests/fixtures', name), outName, env);
}

/**
 * Builds the glossary at the repository root (content/, public/, glossa.config.yaml) into
 * `tests/.output/<outName>`, keeping Astro's full log in `output` so tests can check what the
 * integrations reported.
 */
export function buildExample(outName = 'example'): FixtureBuild {
  return buildSite(root, outName, {}, { log: true });
}

/** Builds a site folder made by the test itself (a generated glossary) into `tests/.output/<outName>`. */
export function buildSiteFolder(siteDir: string, outName: string): FixtureBuild {
  return buildSite(siteDir, outName);
}

/**
 * Builds any site folder (a temporary copy of a fixture, say) into `tests/.output/<outName>` the
 * same way as `buildFixture`.
 */
export function buildSite(
  siteDir: string,
  outName: string,
  env: Record<string, string> = {},
  { log = false } = {},
): FixtureBuild {
  const outDir = join(root, 'tests/.output', outName);
  rmSync(outDir, { recursive: true, force: true });
  const args = log ? ['build'] : ['build', '--silent'];
  const result = spawnSync(join(root, 'node_modules/.bin/astro'), args, {
    cwd: root,
    encoding: 'utf8',
    env: buildEnv({ GLOSSA_SITE_DIR: siteDir, GLOSSA_OUT_DIR: outDir, ...env }),
  });
  return { outDir, status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** The environment a child build runs in: the test runner's, minus what would change the build. */
export function buildEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  // vitest exports DEV, PROD, MODE, SSR… into process.env; Astro would read them back as
  // import.meta.env values (DEV=1 would publish drafts), so the child gets a clean environment.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !VITEST_ENV.has(key) && !key.startsWith('VITEST')),
  );
  return {
    ...inherited,
    // vitest sets NODE_ENV=test, which would make Vite build in development mode (drafts shown).
    NODE_ENV: 'production',
    ASTRO_TELEMETRY_DISABLED: '1',
    ...env,
  };
}

/** Every file under a folder, as paths relative to it. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

/** Parses a built page (given by its site path, e.g. `/definition/alpha/`) with a real HTML parser. */
export function readPage(outDir: string, path: string): HTMLElement {
  const file = path.endsWith('/') ? join(outDir, path, 'index.html') : join(outDir, path);
  return parse(readFileSync(file, 'utf8'));
}

/** The parsed JSON-LD blocks of a page. */
export function jsonLdOf(page: HTMLElement): unknown[] {
  return page
    .querySelectorAll('script[type="application/ld+json"]')
    .map((script) => JSON.parse(script.textContent) as unknown);
}

/** Each link of a page's entry body as `text → href`, automatic ones marked `auto`. */
export function bodyLinksOf(page: HTMLElement): string[] {
  return (page.querySelector('.prose')?.querySelectorAll('a') ?? []).map(
    (a) => `${a.hasAttribute('data-autolink') ? 'auto ' : ''}${a.textContent} → ${a.getAttribute('href')}`,
  );
}

/** The titles a list of entries (Related, Glossary, Linked from) links to, in order. */
export function listTitles(list: HTMLElement | null): string[] {
  return (list?.querySelectorAll('li > a') ?? []).map((a) => a.textContent);
}

/** Every file under a folder with the SHA-256 of its bytes, to tell two builds apart byte for byte. */
export function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((path) => [
      path,
      createHash('sha256')
        .update(readFileSync(join(dir, path)))
        .digest('hex'),
    ]),
  );
}

/**
 * Runs `npm run build`'s script (the atomic wrapper around `astro build`) on the glossary in
 * `siteDir`, publishing into `outDir`, and waits for it to end.
 */
export function publishSite(
  siteDir: string,
  outDir: string,
  { args = ['--silent'], env = {} }: { args?: readonly string[]; env?: Record<string, string> } = {},
) {
  return spawnSync(join(root, 'node_modules/.bin/node'), [join(root, 'scripts/build.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: buildEnv({ GLOSSA_SITE_DIR: siteDir, GLOSSA_OUT_DIR: outDir, ...env }),
  });
}
