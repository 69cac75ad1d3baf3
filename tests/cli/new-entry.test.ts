import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, runScript } from '../support/run-script.ts';

const site = copyFixture('basic');
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('npm run new', () => {
  it('creates a correctly named draft with a filled-in template that passes check:content', () => {
    const run = runScript('new-entry', [
      'Vega: Exposure',
      '--section',
      'term',
      '--date',
      '2026-04-01',
      '--site',
      site,
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      'Created content/term/vega-exposure.md (a draft: delete "draft: true" to publish it).\n',
    );
    expect(readFileSync(join(site, 'content/term/vega-exposure.md'), 'utf8')).toBe(
      [
        '---',
        'title: "Vega: Exposure"',
        '# One sentence (40 to 200 characters) that defines the term on its own.',
        'summary: "One sentence that defines Vega: Exposure on its own."',
        'published: 2026-04-01',
        'author: ed',
        '# Slugs (file names without .md) of entries to read next, e.g. [gamma, delta-hedging].',
        'related: []',
        '# Delete this line when the entry is ready to publish.',
        'draft: true',
        '---',
        '',
        'Explain Vega: Exposure here, in Markdown.',
        '',
      ].join('\n'),
    );
    const check = runScript('check-content', ['--site', site]);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain(
      'content/term/vega-exposure.md:8:1  related  is empty, so the page suggests nothing to read next',
    );
  });

  it('refuses to overwrite an entry with the same slug in any section', () => {
    const before = readFileSync(join(site, 'content/definition/alpha.md'), 'utf8');
    const run = runScript('new-entry', ['Alpha', '--section', 'term', '--site', site]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'content/definition/alpha.md already exists: open it to edit, or choose another title (slugs are unique across sections).\n',
    );
    expect(readFileSync(join(site, 'content/definition/alpha.md'), 'utf8')).toBe(before);
  });

  it('warns when the title is close to an existing entry, and still creates it', () => {
    const run = runScript('new-entry', ['Alphas', '--section', 'term', '--site', site]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      "warning: 'Alphas' is close to 'Alpha' in content/definition/alpha.md; is this the same term?\n",
    );
  });

  it('makes a readable ASCII file name from a title in another script', () => {
    const run = runScript('new-entry', [
      '日本語',
      '--section',
      'term',
      '--date',
      '2026-04-01',
      '--site',
      site,
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      'Created content/term/ri-ben-yu.md (a draft: delete "draft: true" to publish it).\n',
    );
    expect(readFileSync(join(site, 'content/term/ri-ben-yu.md'), 'utf8')).toContain('title: 日本語\n');
  });

  it('uses the slug --slug chooses, and refuses one that is not kebab-case, suggesting one', () => {
    const run = runScript('new-entry', [
      '日本語 (Japanese)',
      '--section',
      'term',
      '--slug',
      'nihongo',
      '--site',
      site,
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      'Created content/term/nihongo.md (a draft: delete "draft: true" to publish it).\n',
    );
    const bad = runScript('new-entry', [
      'Nihongo',
      '--section',
      'term',
      '--slug',
      'Ni Hon Go',
      '--site',
      site,
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      "--slug 'Ni Hon Go' must be lowercase kebab-case ASCII (did you mean 'ni-hon-go'?)\n",
    );
  });

  it('refuses a second title that gives the same slug instead of overwriting the first', () => {
    const run = runScript('new-entry', ['C++', '--section', 'term', '--site', site]);
    expect(run.status).toBe(0);
    const again = runScript('new-entry', ['C ++', '--section', 'definition', '--site', site]);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(
      'content/term/c-plus-plus.md already exists: open it to edit, or choose another title (slugs are unique across sections).\n',
    );
  });

  it('explains its usage when the section is missing', () => {
    const run = runScript('new-entry', ['Rho', '--site', site]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('Usage: npm run new -- "Term title" --section definition\n');
  });
});
