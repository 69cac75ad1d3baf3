import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAdviceSite } from '../support/advice-site.ts';
import { copyFixture, runScript } from '../support/run-script.ts';

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
