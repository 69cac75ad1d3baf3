import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, runScript } from '../support/run-script.ts';

const site = copyFixture('mistakes');
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('npm run check:content', () => {
  it('reports every broken entry with its file, line, field and a hint, errors first, and exits 1', () => {
    const run = runScript('check-content', ['--site', site]);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Errors:');
    expect(lines.slice(1, lines.indexOf(''))).toEqual([
      "content/definition/a-z.md:1:1  file  file name 'a-z' is reserved for the section's A–Z pages  (rename it)",
      'content/definition/bad-date.md:4:1  published  must be a real date written as YYYY-MM-DD, e.g. 2026-03-15',
      "content/definition/BadName.md:1:1  file  file name 'BadName' must be lowercase kebab-case ASCII (a-z, 0-9 and single hyphens)  (rename it to 'badname')",
      "content/definition/café.md:1:1  file  file name 'café' must be lowercase kebab-case ASCII (a-z, 0-9 and single hyphens)  (rename it to 'cafe')",
      'content/definition/draft-yes.md:6:1  draft  must be true or false',
      'content/definition/duplicate-key.md:6:1  front matter  is not valid YAML: Map keys must be unique  (check indentation, and quote values that contain ": " or start with [ { * & ! | > % @)',
      'content/definition/empty-front.md:2:1  front matter  is empty  (add at least title, summary and published)',
      "content/definition/image-missing.md:7:3  image.src  '/images/curv.svg' is not a file in public/  (did you mean '/images/curve.svg'?)",
      'content/definition/image-no-alt.md:6:1  image.alt  is required',
      'content/definition/list-front.md:2:1  front matter  must be a list of "field: value" lines  (write e.g. title: Negative Gamma)',
      'content/definition/long-title.md:2:1  title  must be at most 120 characters',
      "content/definition/mentions-draft.md:6:1  mentions[0]  'secret' is a draft and will not be published  (publish content/term/secret.md (remove draft: true) or remove the reference)",
      'content/definition/missing-title.md:1:1  title  is required',
      'content/definition/no-front-matter.md:1:1  front matter  is missing: the file must start with a line containing only ---  (add front matter: ---, then title, summary and published, then ---)',
      'content/definition/number-title.md:2:1  title  must be text',
      'content/definition/related-bad-slug.md:5:1  related[0]  must be a lowercase kebab-case slug such as negative-gamma',
      'content/definition/related-not-list.md:5:1  related  must be a list of slugs, e.g. [gamma, delta-hedging]',
      "content/definition/self-related.md:5:1  related[0]  refers to the entry itself  (remove 'self-related')",
      'content/definition/tags-not-list.md:6:1  tags  must be a list, e.g. [first, second]',
      'content/definition/unclosed.md:1:1  front matter  is not closed  (end the front matter with a line containing only ---)',
      "content/definition/unknown-author.md:6:1  author  'edd' is not an author in glossa.config.yaml  (did you mean 'ed'?)",
      "content/definition/unknown-field.md:6:1  tittle  is not a known field  (did you mean 'title'?)",
      "content/definition/unknown-related.md:5:1  related[1]  'dleta' is not an entry in this glossary  (did you mean 'delta'?)",
      'content/definition/updated-early.md:6:1  updated  must not be before published (2026-03-15)',
      'content/definition/yaml-syntax.md:4:1  front matter  is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]  (check indentation, and quote values that contain ": " or start with [ { * & ! | > % @)',
      'content/stray.md:1:1  file  is not in a section folder  (move it to content/<section>/<slug>.md, e.g. content/definition/gamma.md)',
      "content/term/delta.md:1:1  file  slug 'delta' is already used by content/definition/delta.md  (slugs must be unique across all sections: rename one of the two files)",
      "content/term/delta.md:5:1  related[1]  refers to the entry itself  (remove 'delta')",
    ]);
    expect(lines.indexOf('Warnings:')).toBeGreaterThan(lines.indexOf('Errors:'));
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('28 errors and 20 warnings in 38 entry files.');
  });

  // short-summary.md and two-sentences.md were errors until #15: their pages are fine, so a summary
  // that is short or runs to two sentences is advice now (and each file, now valid, is an orphan).
  it('warns about summary shape, orphans, missing related terms, repeated titles, near-duplicates and empty bodies', () => {
    const run = runScript('check-content', ['--site', site]);
    const warnings = run.stdout.split('Warnings:\n')[1]?.split('\n\n')[0]?.split('\n') ?? [];
    expect(warnings).toEqual(
      expect.arrayContaining([
        'content/term/empty-body.md:2:1  body  is empty  (write the definition below the front matter)',
        "content/term/lonely.md:2:1  file  is an orphan: no other entry lists it in related or mentions  (add 'lonely' to the related list of an entry on the same subject)",
        // Nothing in this glossary mentions Lonely or shares a tag with it, so no slug is offered.
        'content/term/lonely.md:2:1  related  is empty, so the page suggests nothing to read next  (list the file names, without .md, of two or three entries on the same subject)',
        "content/term/options-greeks.md:2:1  title  'Options Greeks' is nearly the same as 'Option Greeks' in content/term/option-greeks.md  (merge the two entries, or keep one and list the other name under its aka)",
        'content/term/repeats-title.md:3:1  summary  only repeats the title  (say what the term means or does, in words a newcomer would use)',
        'content/definition/short-summary.md:3:1  summary  should be at least 40 characters (one full sentence)  (say what the term means in a sentence a newcomer would understand)',
        'content/definition/two-sentences.md:3:1  summary  should be one sentence, not 2; move the rest into the body  (the summary is the meta description and the line on cards)',
      ]),
    );
    expect(warnings).toHaveLength(20);
  });

  it('accepts a file with a byte order mark and CRLF line endings', () => {
    const run = runScript('check-content', ['--site', site, '--format', 'json']);
    const report = JSON.parse(run.stdout) as { problems: { file: string; severity: string }[] };
    expect(
      report.problems.filter((p) => p.file === 'content/definition/windows-file.md').map((p) => p.severity),
    ).toEqual(['warning']);
  });

  it('offers the same report as JSON for tooling', () => {
    const run = runScript('check-content', ['--site', site, '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      files: number;
      errors: number;
      warnings: number;
      problems: unknown[];
    };
    expect([report.files, report.errors, report.warnings, report.problems.length]).toEqual([38, 28, 20, 48]);
    expect(report.problems).toContainEqual({
      severity: 'error',
      file: 'content/definition/image-missing.md',
      line: 7,
      column: 3,
      field: 'image.src',
      message: "'/images/curv.svg' is not a file in public/",
      hint: "did you mean '/images/curve.svg'?",
    });
  });

  it('fails on warnings with --strict, saying why, and passes without it', () => {
    const clean = copyFixture('basic');
    try {
      writeFileSync(
        join(clean, 'content/term/empty.md'),
        '---\ntitle: Empty\nsummary: An entry with a summary but no body, which is only a warning.\npublished: 2026-03-15\n---\n',
      );
      expect(runScript('check-content', ['--site', clean]).status).toBe(0);
      const strict = runScript('check-content', ['--site', clean, '--strict']);
      expect(strict.status).toBe(1);
      expect(strict.stdout.trimEnd().split('\n').slice(-2)).toEqual([
        '0 errors and 3 warnings in 7 entry files.',
        'Strict: warnings fail this check, as errors do.',
      ]);
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
  });

  it('fails on warnings when glossa.config.yaml sets strict: true', () => {
    const clean = copyFixture('basic');
    try {
      writeFileSync(
        join(clean, 'content/term/empty.md'),
        '---\ntitle: Empty\nsummary: An entry with a summary but no body, which is only a warning.\npublished: 2026-03-15\n---\n',
      );
      const config = join(clean, 'glossa.config.yaml');
      writeFileSync(config, `${readFileSync(config, 'utf8')}strict: true\n`);
      expect(runScript('check-content', ['--site', clean]).status).toBe(1);
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
  });

  it('exits 0 when there are only warnings', () => {
    const clean = copyFixture('basic');
    try {
      writeFileSync(
        join(clean, 'content/term/empty.md'),
        '---\ntitle: Empty\nsummary: An entry with a summary but no body, which is only a warning.\npublished: 2026-03-15\n---\n',
      );
      const run = runScript('check-content', ['--site', clean]);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('content/term/empty.md:2:1  body  is empty');
      expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('0 errors and 3 warnings in 7 entry files.');
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
  });

  it('reports a broken site configuration like a broken entry', () => {
    const broken = copyFixture('basic');
    try {
      const config = join(broken, 'glossa.config.yaml');
      writeFileSync(
        config,
        readFileSync(config, 'utf8').replace('defaultAuthor: ed', 'defaultAuthor: nobody'),
      );
      const run = runScript('check-content', ['--site', broken]);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe(
        'Errors:\nglossa.config.yaml  defaultAuthor  names no author in authors\n\n1 error and 0 warnings in 6 entry files.\n',
      );
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('rejects an unknown format with exit code 2', () => {
    const run = runScript('check-content', ['--site', site, '--format', 'xml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("Unknown --format 'xml': use text or json.\n");
  });
});
