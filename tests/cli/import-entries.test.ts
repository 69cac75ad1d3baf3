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
        'broken.csv:2:1  published  is missing: 3 terms have no date in the source or in its git history  (add --date YYYY-MM-DD to give them one; the import never guesses today)',
        'broken.csv:3:1  title  content/definition/alpha.md already exists  (add --update to replace it)',
        'broken.csv:4:1  title  is required',
        "broken.csv:5:1  related[0]  'alfa' is not an entry in this glossary  (did you mean 'alpha'?)",
        'Warnings:',
        "broken.csv:2:1  tagz  is not a known column and is ignored  (did you mean 'tags'? Rename it, or add --map tagz=…)",
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
    const refused = runScript('import-entries', [
      imports('update.json'),
      '--date',
      '2026-04-02',
      '--site',
      site,
    ]);
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

  it('imports a Hugo folder, guessing its format, with shortcodes as links; --dry-run writes nothing', () => {
    const before = snapshot();
    const dry = runScript('import-entries', [
      imports('hugo-glossary'),
      '--section',
      'term',
      '--dry-run',
      '--site',
      site,
    ]);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toBe(
      [
        'Would create content/term/container.md from hugo-glossary/container.md',
        'Would create content/term/deployment.md from hugo-glossary/deployment.md',
        'Would create content/term/pod.md from hugo-glossary/pod.md',
        'Would import 3 entries from hugo-glossary. Nothing was written (--dry-run).',
        '',
      ].join('\n'),
    );
    expect(dry.stderr).toBe(
      [
        'Warnings:',
        "hugo-glossary/container.md:1:1  body  shortcode 'note' has no Glossa equivalent and is kept as text",
        "hugo-glossary/pod.md:1:1  full_link  '/docs/concepts/workloads/pods/' is a page of the old site, not of this glossary, and is left out  (add the link to the body with its full https:// address if readers need it)",
        '',
      ].join('\n'),
    );
    expect(snapshot()).toEqual(before);
    const run = runScript('import-entries', [imports('hugo-glossary'), '--section', 'term', '--site', site]);
    expect(run.stdout).toBe(
      'Created content/term/container.md\nCreated content/term/deployment.md\nCreated content/term/pod.md\nImported 3 entries from hugo-glossary.\n',
    );
    expect(readFileSync(join(site, 'content/term/deployment.md'), 'utf8')).toContain(
      'published: 2018-04-12\ntags: [fundamental, core-object, workload]\n---\n',
    );
    expect(runScript('check-content', ['--site', site]).status).toBe(0);
  });

  it('imports a term,definition sheet with --map, ignoring unknown columns with a warning', () => {
    const run = runScript('import-entries', [
      imports('terms-mapped.csv'),
      '--map',
      'Term=title,Definition=summary,Category=section',
      '--date',
      '2026-04-01',
      '--site',
      site,
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'Created content/term/c-plus-plus.md',
        'Created content/term/zeta-function.md (draft)',
        'Created content/term/nihongo.md',
        'Imported 3 entries from terms-mapped.csv (1 draft).',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe(
      'Warnings:\nterms-mapped.csv:2:1  Notes  is not a known column and is ignored  (map it with --map Notes=<column> if it holds one of: title, slug, summary, section, body, related, mentions, aka, tags, categories, keyword, published, updated, author, image, image_alt, draft)\n',
    );
    expect(readFileSync(join(site, 'content/term/nihongo.md'), 'utf8')).toBe(
      '---\ntitle: 日本語\nsummary: "Japanese is the language spoken in Japan, written with kanji and two kana scripts."\npublished: 2026-04-01\n---\n\n',
    );
  });

  it('refuses bad arguments before reading anything', () => {
    const map = runScript('import-entries', [
      imports('hugo-glossary'),
      '--map',
      'a=title',
      '--section',
      'term',
      '--site',
      site,
    ]);
    expect(map.status).toBe(2);
    expect(map.stderr).toBe(
      '--map renames the columns of a CSV or JSON sheet; it does nothing for --from hugo\n',
    );
    const from = runScript('import-entries', [imports('terms.csv'), '--from', 'excel', '--site', site]);
    expect(from.stderr).toBe("--from 'excel' must be one of csv, json, docusaurus, hugo, jekyll\n");
    const missing = runScript('import-entries', ['terms.xlsx', '--site', site]);
    expect(missing.stderr).toBe('terms.xlsx does not exist: give the path of a file or folder to import.\n');
  });

  it('asks for --from when it cannot tell the format of a file', () => {
    const run = runScript('import-entries', [imports('../basic/public/logo.svg'), '--site', site]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "Nothing was written: 1 problem.\nlogo.svg  file  cannot be read: cannot tell the format of '.svg': add --from csv|json|docusaurus|hugo|jekyll\n",
    );
  });
});
