import { existsSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { writeAdviceSite } from '../support/advice-site.ts';
import { storedReportFile } from '../../src/lib/checks/stored-report.ts';
import { copyFixture, root, runScript } from '../support/run-script.ts';

const adviceSite = writeAdviceSite();
const brokenSite = copyFixture('mistakes');
afterAll(() => {
  for (const dir of [adviceSite, brokenSite]) rmSync(dir, { recursive: true, force: true });
});

/** The command's whole output and exit code: what an editor sees. */
function check(site: string, ...args: string[]): string {
  const run = runScript('check-content', ['--site', site, ...args]);
  return `${run.stdout}exit ${run.status}\n`;
}

describe('check:content with what earlier runs kept', () => {
  it('prints every warning and piece of advice the same cold, warm and without a cache', async () => {
    const uncached = check(adviceSite, '--no-cache');
    await expect(uncached).toMatchFileSnapshot('__snapshots__/advice-site.txt');
    expect(check(adviceSite)).toBe(uncached);
    expect(check(adviceSite)).toBe(uncached);
    expect(check(adviceSite, '--format', 'json')).toBe(check(adviceSite, '--format', 'json', '--no-cache'));
  });

  it('prints after an edit what a run without a cache prints', () => {
    check(adviceSite);
    writeFileSync(
      join(adviceSite, 'content/term/quokka-ledger.md'),
      '---\ntitle: Quokka Ledger\nsummary: A ledger kept by the quokka desk, which names the hermit.\npublished: 2026-01-07\n---\n\nThe hermit keeps it.\n',
    );
    const warm = check(adviceSite);
    expect(warm).toBe(check(adviceSite, '--no-cache'));
    // The ledger's new body names the hermit: a way onward, and other closest bodies for its neighbours.
    expect(warm).toContain(
      "content/term/ptarmigan-book.md:2:1  file  no other entry mentions or links to it, in its body or front matter  (name or link it in the entries whose bodies come closest: 'vanna-note')",
    );
    expect(warm).not.toContain('content/term/quokka-ledger.md:1:1  related  the page offers no way onward');
    expect(check(adviceSite)).toBe(warm);
  });

  it('reports every error of a broken glossary the same cold, warm and without a cache', async () => {
    const uncached = check(brokenSite, '--no-cache');
    await expect(uncached).toMatchFileSnapshot('__snapshots__/broken-site.txt');
    expect(check(brokenSite)).toBe(uncached);
    expect(check(brokenSite)).toBe(uncached);
  });
});

/**
 * Files changed within the last 3 s have no stamp to trust (file-stamps.ts), and a glossary with
 * one is checked for real: each case waits that long after changing the site, as an editor does
 * between a save and the next run, so the run after may print the report kept.
 */
function settle(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3_100);
}

describe('check:content printing the last report again while nothing changed', () => {
  let site = '';
  const reportFile = () => storedReportFile(join(root, 'node_modules/.astro'), site);
  afterEach(() => {
    rmSync(reportFile(), { force: true });
    rmSync(site, { recursive: true, force: true });
  });
  const beta = () => join(site, 'content/definition/beta.md');

  it('prints the same output and exits the same on the next run, from the kept report', () => {
    site = copyFixture('mistakes');
    settle();
    const first = check(site);
    expect(first).toMatch(/errors? and .* in 38 entry files\.\nexit 1\n$/);
    const kept = readFileSync(reportFile(), 'utf8');
    expect(kept).toContain(JSON.stringify(first.replace(/exit 1\n$/, '')));
    expect(check(site)).toBe(first);
    expect(check(site, '--no-cache')).toBe(first);
  });

  it('keeps text and json reports apart, and strict apart from lenient', () => {
    site = copyFixture('basic');
    settle();
    const text = check(site);
    const json = check(site, '--format', 'json');
    expect(text).toBe('No problems in 6 entry files.\nexit 0\n');
    expect(JSON.parse(json.replace(/exit 0\n$/, ''))).toMatchObject({ files: 6, errors: 0 });
    expect(check(site, '--format', 'json')).toBe(json);
    expect(check(site)).toBe(text);
    expect(check(site, '--format', 'json')).toBe(json);
    expect(check(site, '--strict')).toBe(check(site, '--strict', '--no-cache'));
  });

  it("checks again after an edit that keeps the file's size, and reports the new problem", () => {
    site = copyFixture('basic');
    settle();
    expect(check(site)).toBe('No problems in 6 entry files.\nexit 0\n');
    const before = readFileSync(beta(), 'utf8');
    writeFileSync(beta(), before.replace('related: [alpha]', 'related: [alphx]'));
    expect(statSync(beta()).size).toBe(Buffer.byteLength(before));
    settle();
    const edited = check(site);
    expect(edited).toContain("related[0]  'alphx' is not an entry in this glossary");
    expect(edited).toMatch(/exit 1\n$/);
    expect(check(site)).toBe(edited);
    expect(edited).toBe(check(site, '--no-cache'));
  });

  it('checks again after a file is deleted or added, or the configuration changes', () => {
    site = copyFixture('basic');
    settle();
    const clean = check(site);
    unlinkSync(join(site, 'content/definition/alpha.md'));
    settle();
    const deleted = check(site);
    expect(deleted).toContain("'alpha' is not an entry in this glossary");
    expect(deleted).toBe(check(site, '--no-cache'));
    writeFileSync(
      join(site, 'content/definition/alpha.md'),
      '---\ntitle: Alpha\nsummary: Back.\npublished: 2026-01-10\n---\n\nAlpha is back.\n',
    );
    writeFileSync(join(site, 'content/definition/gamma.md'), '---\ntitle: Gamma\n---\n\nNo summary.\n');
    settle();
    const added = check(site);
    expect(added).not.toBe(clean);
    expect(added).toContain('content/definition/gamma.md');
    expect(added).not.toContain("'alpha' is not an entry");
    expect(added).toBe(check(site, '--no-cache'));
    const config = join(site, 'glossa.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}\nstrict: maybe\n`);
    settle();
    const misconfigured = check(site);
    expect(misconfigured).toContain('glossa.config.yaml');
    expect(misconfigured).toBe(check(site, '--no-cache'));
  });

  it('leaves the kept report alone with --no-cache, and never keeps one for a site with its own schema', () => {
    site = copyFixture('extended');
    settle();
    rmSync(reportFile(), { force: true });
    check(site, '--no-cache');
    expect(existsSync(reportFile())).toBe(false);
    const first = check(site);
    expect(existsSync(reportFile())).toBe(false);
    expect(check(site)).toBe(first);
  });
});
