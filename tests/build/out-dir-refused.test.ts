import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, publishSite } from '../support/build-fixture.ts';

const root = resolve(import.meta.dirname, '../..');
let wrapper: string;
let site: string;

beforeAll(() => {
  // The glossary sits one level down, so that an output folder around it stays inside the test's folder.
  wrapper = mkdtempSync(join(tmpdir(), 'glossa-out-dir-'));
  site = join(wrapper, 'site');
  cpSync(join(root, 'tests/fixtures/basic'), site, { recursive: true });
  // A folder published there by an earlier build must survive too.
  mkdirSync(join(site, 'content/out'));
  writeFileSync(join(site, 'content/out/index.html'), '<p>an earlier build</p>');
  symlinkSync(join(site, 'content'), join(wrapper, 'alias'));
});
afterAll(() => rmSync(wrapper, { recursive: true, force: true }));

describe('npm run build with an output folder among the site sources', () => {
  it.each([
    ['content', "is the site's content/ folder, so publishing would delete its entries"],
    ['content/out', "is inside the site's content/ folder, so publishing would delete its entries"],
    ['public/site', "is inside the site's public/ folder, so publishing would delete its files"],
    ['.', 'is the site folder itself, so publishing would delete the whole glossary'],
    ['..', 'contains the site folder, so publishing would delete the whole glossary'],
    ['glossa.config.yaml', "is the site's configuration file, so publishing would delete it"],
    ['../alias/out', "is inside the site's content/ folder, so publishing would delete its entries"],
  ])('refuses GLOSSA_OUT_DIR=%s before touching anything: it %s', (out, reason) => {
    const before = fingerprint(wrapper);
    const result = publishSite(site, resolve(site, out));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Build refused: GLOSSA_OUT_DIR (${resolve(site, out)}) ${reason}.`);
    expect(result.stderr).toContain("Choose an output folder outside the site's sources, such as dist.");
    expect(fingerprint(wrapper)).toEqual(before);
  });
});
