import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../support/build-fixture.ts';
import { copyFixture, root, runScript } from '../support/run-script.ts';

const site = copyFixture('basic');
afterAll(() => rmSync(site, { recursive: true, force: true }));
const imports = (name: string) => join(root, 'tests/fixtures/imports', name);
const snapshot = () =>
  Object.fromEntries(listFiles(site).map((p) => [p, readFileSync(join(site, p), 'utf8')]));

describe('npm run import', () => {
  it('validates every row before writing, and writes nothing when one is wrong', () => {
    const before = snapshot();
    const run = runScript('import-entries', [imports('broken.csv'), '--site', site]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      [
        // A short summary is advice since #15 (a warning of check:content), so it is not listed.
        'Nothing was written: 4 problems.',
        "broken.csv:2:1  tagz  is not a known column  (did you mean 'tags'?)",
        'broken.csv:3:1  title  content/definition/alpha.md already exists  (add --update to replace it)',
        'broken.csv:4:1  title  is required',
        "broken.csv:5:1  related[0]  'alfa' is not an entry in this glossary  (did you mean 'alpha'?)",
        '',
      ].join('\n'),
    );
    expect(snapshot()).toEqual(before);
  });

  it('creates one entry per CSV row, multi-line bodies and lists included, and says what it created', () => {
    const run = runScript('import-entries', [imports('terms.csv'), '--date', '2026-04-01', '--site', site]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      'Created content/definition/vega.md\nCreated content/term/theta-decay.md\nImported 2 entries from terms.csv.\n',
    );
    expect(readFileSync(join(site, 'content/definition/vega.md'), 'utf8')).toBe(
      [
        '---',
        'title: Vega',
        "summary: Vega measures how much an option's price changes when implied volatility moves by one point.",
        'published: 2026-04-01',
        'related: [alpha, beta]',
        'aka: [IV sensitivity]',
        'tags: [greeks, volatility]',
        '---',
        '',
        'Vega is highest **at the money**.',
        '',
        'It falls as expiry nears.',
        '',
      ].join('\n'),
    );
    expect(runScript('check-content', ['--site', site]).status).toBe(0);
  });

  it('replaces an existing entry only with --update, from JSON', () => {
    const refused = runScript('import-entries', [imports('update.json'), '--site', site]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      'Nothing was written: 1 problem.\nupdate.json:2:1  title  content/definition/alpha.md already exists  (add --update to replace it)\n',
    );
    const run = runScript('import-entries', [
      imports('update.json'),
      '--update',
      '--date',
      '2026-04-02',
      '--site',
      site,
    ]);
    expect(run.stdout).toBe(
      'Updated content/definition/alpha.md\nCreated content/term/omega.md\nImported 2 entries from update.json.\n',
    );
    expect(readFileSync(join(site, 'content/definition/alpha.md'), 'utf8')).toContain(
      'related: [beta]\n---\n\nRewritten from the spreadsheet.\n',
    );
    expect(readFileSync(join(site, 'content/term/omega.md'), 'utf8')).toContain(
      'related: [alpha, gamma-area]\n',
    );
  });

  it('explains its usage for a file that is neither CSV nor JSON', () => {
    const run = runScript('import-entries', ['terms.xlsx', '--site', site]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('Usage: npm run import -- terms.csv|terms.json [--update]\n');
  });
});
