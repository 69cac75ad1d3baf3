import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, REVALIDATE } from '../../src/lib/outputs/headers-file.ts';
import { listFiles, publishSite } from '../support/build-fixture.ts';

const root = resolve(import.meta.dirname, '../..');
const outParent = join(root, 'tests/.output/headers');

/** Runs `npm run build`'s script on a site folder, publishing into `outParent/<name>`. */
function publish(siteDir: string, name: string) {
  const outDir = join(outParent, name);
  const result = publishSite(siteDir, outDir);
  if (result.status !== 0) throw new Error(`build failed:\n${result.stderr}`);
  return outDir;
}

/** `_headers` rules in file order, as Netlify and Cloudflare Pages read them. */
function parseHeaders(text: string): { path: string; headers: [string, string][] }[] {
  return text
    .split('\n\n')
    .map((block) => block.split('\n').filter((line) => line.trim() && !line.startsWith('#')))
    .filter((lines) => lines.length > 0)
    .map(([path, ...lines]) => ({
      path: path ?? '',
      headers: lines.map((line) => {
        const [name, ...value] = line.trim().split(': ');
        return [name ?? '', value.join(': ')] as [string, string];
      }),
    }));
}

/** The URL a built file is served at (directory format: `a/index.html` at `/a/`). */
const urlOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
const matches = (rule: string, url: string) =>
  rule.endsWith('*') ? url.startsWith(rule.slice(0, -1)) : url === rule;

let outDir: string;
let rules: ReturnType<typeof parseHeaders>;
let files: string[];
let scratch: string;

beforeAll(() => {
  rmSync(outParent, { recursive: true, force: true });
  outDir = publish(join(root, 'tests/fixtures/basic'), 'site');
  rules = parseHeaders(readFileSync(join(outDir, '_headers'), 'utf8'));
  files = listFiles(outDir).filter((file) => file !== '_headers');
});
afterAll(() => {
  rmSync(outParent, { recursive: true, force: true });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the _headers file of a built site', () => {
  it('gives every served file each header exactly once, whichever rules match it', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const names = rules
        .filter((rule) => matches(rule.path, urlOf(file)))
        .flatMap((rule) => rule.headers.map(([n]) => n));
      expect(new Set(names).size, file).toBe(names.length);
      expect(names, file).toContain('X-Content-Type-Options');
      expect(names, file).toContain('Content-Security-Policy');
    }
  });

  it('caches hashed scripts, styles and search fragments for a year, and revalidates every page and pagefind.js', () => {
    const cacheOf = (file: string) =>
      rules
        .filter((rule) => matches(rule.path, urlOf(file)))
        .flatMap((rule) => rule.headers)
        .find(([name]) => name === 'Cache-Control')?.[1];
    const hashed = files.filter((f) =>
      /^(_astro\/|pagefind\/(fragment|index|filter)\/|pagefind\/.*\.pf_meta$)/.test(f),
    );
    expect(hashed.some((f) => f.startsWith('_astro/'))).toBe(true);
    expect(hashed.some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
    for (const file of hashed) expect(cacheOf(file), file).toBe(IMMUTABLE);
    const pages = files.filter((f) => f.endsWith('.html') && f !== '404.html');
    expect(pages.length).toBeGreaterThan(5);
    for (const file of [...pages, 'pagefind/pagefind.js']) expect(cacheOf(file), file).toBe(REVALIDATE);
    // Nothing whose name does not change with its content is cached forever.
    for (const file of files.filter((f) => !hashed.includes(f)))
      expect(cacheOf(file), file).not.toBe(IMMUTABLE);
  });

  it('names only files that exist in its exact rules', () => {
    for (const { path } of rules.filter((rule) => !rule.path.endsWith('*') && rule.path !== '/')) {
      expect(files, path).toContain(path.slice(1));
    }
  });

  it("keeps a site's own public/_headers byte for byte instead of adding Glossa's", () => {
    scratch = mkdtempSync(join(tmpdir(), 'glossa-headers-'));
    cpSync(join(root, 'tests/fixtures/basic'), scratch, { recursive: true });
    const own = '/*\n  X-Robots-Tag: noindex\n';
    writeFileSync(join(scratch, 'public/_headers'), own);
    expect(readFileSync(join(publish(scratch, 'own'), '_headers'), 'utf8')).toBe(own);
  });
});
