import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkGlossary } from '../../src/lib/checks/check-glossary.ts';
import { formatProblem } from '../../src/lib/checks/problems.ts';
import type { SourceFile } from '../../src/lib/checks/validate-glossary.ts';
import { parseRecords } from '../../src/lib/checks/stored-outcomes.ts';
import { createValidationCache } from '../../src/lib/checks/validation-cache.ts';
import { testSite } from '../support/test-site.ts';

function entry(slug: string, summary: string, front: string, body = 'Body text.'): SourceFile {
  const title = slug[0]?.toUpperCase() + slug.slice(1);
  return {
    path: `content/definition/${slug}.md`,
    text: `---\ntitle: ${title}\nsummary: ${summary}\npublished: 2026-03-15\n${front}\n---\n\n${body}\n`,
  };
}

const glossary = [
  entry(
    'alpha',
    'Alpha is the first letter. It opens the alphabet.',
    'related: [beta]',
    'See [beta](./beta.md#usage).',
  ),
  entry('beta', 'Beta is the second letter of the Greek alphabet.', 'related: [alpha]', '<!-- unfinished'),
  entry('gamma', 'Gamma is the third letter of the Greek alphabet.', 'related: [alpha, beta]'),
];

const report = (files: readonly SourceFile[], cache?: ReturnType<typeof createValidationCache>) =>
  checkGlossary(files, testSite, { cache }).problems.map(formatProblem);

const expected = [
  "content/definition/alpha.md:8:5  body  link './beta.md#usage' points to '#usage', which is not a heading of 'beta'  ('beta' has no headings; link to the page without #usage)",
  'content/definition/beta.md:8:1  body  has an HTML comment that is never closed, so the page would show the rest of the entry as text  (end the comment with -->)',
  'content/definition/alpha.md:3:1  summary  should be one sentence, not 2; move the rest into the body  (the summary is the meta description and the line on cards)',
  "content/definition/gamma.md:2:1  file  is an orphan: no other entry lists it in related or mentions  (add 'gamma' to the related list of an entry on the same subject)",
];

describe('per-entry findings kept by the validation cache', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it("hands back an unchanged entry's findings and finds an edited entry's afresh", () => {
    const cache = createValidationCache();
    const first = checkGlossary(glossary, testSite, { cache });
    expect(first.problems.map(formatProblem)).toEqual(expected);
    const edited = [
      entry(
        'alpha',
        'Alpha is the first letter of the Greek alphabet.',
        'related: [beta]',
        'See [beta](./beta.md).',
      ),
      glossary[1] as SourceFile,
      entry('gamma', 'Gamma.', 'related: [alpha, beta]'),
    ];
    const second = checkGlossary(edited, testSite, { cache });
    expect(cache.stats).toEqual({ checked: 2, reused: 1 });
    // The same object: nothing of beta was worked out again.
    expect(second.findings?.get('content/definition/beta.md')).toBe(
      first.findings?.get('content/definition/beta.md'),
    );
    expect(second.findings?.get('content/definition/alpha.md')).not.toBe(
      first.findings?.get('content/definition/alpha.md'),
    );
    expect(second.problems.map(formatProblem)).toEqual([
      'content/definition/beta.md:8:1  body  has an HTML comment that is never closed, so the page would show the rest of the entry as text  (end the comment with -->)',
      "content/definition/gamma.md:2:1  file  is an orphan: no other entry lists it in related or mentions  (add 'gamma' to the related list of an entry on the same subject)",
      'content/definition/gamma.md:3:1  summary  should be at least 40 characters (one full sentence)  (say what the term means in a sentence a newcomer would understand)',
      'content/definition/gamma.md:3:1  summary  only repeats the title  (say what the term means or does, in words a newcomer would use)',
    ]);
    expect(second.problems).toEqual(checkGlossary(edited, testSite).problems);
  });

  it('keeps the findings in its file, so the next process reports them without finding them', () => {
    dir = mkdtempSync(join(tmpdir(), 'entry-findings-'));
    const path = join(dir, 'entries.json');
    const open = () => createValidationCache({ file: { path, code: 'code-1' } });
    const first = open();
    expect(report(glossary, first)).toEqual(expected);
    first.save();
    const records = parseRecords(readFileSync(path, 'utf8').split('\n').slice(1));
    const findingsOf = (file: string) =>
      (JSON.parse(records.get(file)?.json ?? '{}') as { findings?: unknown }).findings;
    expect(findingsOf('content/definition/beta.md')).toEqual({
      names: ['beta'],
      unclosed: [{ line: 2, column: 1 }],
    });
    expect(findingsOf('content/definition/alpha.md')).toEqual({
      own: [
        {
          file: 'content/definition/alpha.md',
          field: 'summary',
          message: 'should be one sentence, not 2; move the rest into the body',
          hint: 'the summary is the meta description and the line on cards',
          severity: 'warning',
          line: 3,
          column: 1,
        },
      ],
      names: ['alpha'],
      urls: [{ kind: 'link', url: './beta.md#usage', image: false, line: 2, column: 5 }],
    });
    // A finding changed in the file is what the next run reports: it was taken, not found again.
    const marked = readFileSync(path, 'utf8').replace('not 2; move', 'not 2 (kept); move');
    writeFileSync(path, marked);
    const second = open();
    const reused = report(glossary, second);
    expect(second.stats).toEqual({ checked: 0, reused: 3 });
    expect(reused[2]).toBe(
      'content/definition/alpha.md:3:1  summary  should be one sentence, not 2 (kept); move the rest into the body  (the summary is the meta description and the line on cards)',
    );
    expect(reused.filter((_, index) => index !== 2)).toEqual(expected.filter((_, index) => index !== 2));
  });

  it('finds near-duplicate names from the kept fingerprints of unchanged entries', () => {
    const cache = createValidationCache();
    checkGlossary(glossary, testSite, { cache });
    const duplicated = [
      ...glossary,
      entry('alphas', 'Alphas are first letters of many alphabets.', 'related: [alpha]'),
    ];
    expect(report(duplicated, cache)).toEqual([
      ...expected.slice(0, 3),
      "content/definition/alphas.md:2:1  file  is an orphan: no other entry lists it in related or mentions  (add 'alphas' to the related list of an entry on the same subject)",
      "content/definition/alphas.md:2:1  title  'Alphas' is nearly the same as 'Alpha' in content/definition/alpha.md  (merge the two entries, or keep one and list the other name under its aka)",
      ...expected.slice(3),
    ]);
    expect(cache.stats).toEqual({ checked: 1, reused: 3 });
  });
});
