import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseGitLog, readGitDates, type GitDates } from '../../src/lib/entries/git-dates.ts';
import { formatProblem } from '../../src/lib/checks/problems.ts';
import { validateGlossary, type SourceFile } from '../../src/lib/checks/validate-glossary.ts';
import { testSite } from '../support/test-site.ts';

const file = (
  slug: string,
  fields: string,
  body = 'Gamma is how fast delta moves. It peaks at the strike.',
): SourceFile => ({
  path: `content/definition/${slug}.md`,
  text: `---\n${fields}\n---\n\n${body}\n`,
});

const history = (
  files: Record<string, { published: string; updated?: string }>,
  shallow = false,
): GitDates => ({
  files: new Map(Object.entries(files)),
  today: '2026-12-01',
  shallow,
});

describe('a summary left out', () => {
  it('is the body’s first sentence, and the term says it was filled in', () => {
    const { terms, problems } = validateGlossary(
      [file('gamma', 'title: Gamma\npublished: 2026-03-15')],
      testSite,
    );
    expect(problems).toEqual([]);
    expect([terms[0]?.summary, terms[0]?.filled]).toEqual([
      'Gamma is how fast delta moves.',
      { summary: 'body' },
    ]);
  });

  it('is an error naming the field when the body has no sentence either', () => {
    const { problems } = validateGlossary(
      [file('gamma', 'title: Gamma\npublished: 2026-03-15', '')],
      testSite,
    );
    expect(problems.map(formatProblem)).toEqual([
      'content/definition/gamma.md:2:1  summary  is required when the body has no sentence to take it from  (write summary: one sentence that defines the term, or start the body with one)',
    ]);
  });
});

describe('dates left out', () => {
  const entry = file(
    'gamma',
    'title: Gamma\nsummary: Gamma is how fast an option’s delta moves with the price.',
  );

  it('come from the first and last commit of the file', () => {
    const git = history({
      'content/definition/gamma.md': {
        published: '2026-01-02T10:00:00+01:00',
        updated: '2026-02-03T09:00:00+00:00',
      },
    });
    const { terms, problems } = validateGlossary([entry], testSite, { gitDates: () => git });
    expect(problems).toEqual([]);
    expect([terms[0]?.published, terms[0]?.updated, terms[0]?.filled]).toEqual([
      '2026-01-02T10:00:00+01:00',
      '2026-02-03T09:00:00+00:00',
      { published: 'git' },
    ]);
  });

  it('make a file not committed yet new today', () => {
    const { terms } = validateGlossary([entry], testSite, { gitDates: () => history({}) });
    expect([terms[0]?.published, terms[0]?.updated, terms[0]?.filled]).toEqual([
      '2026-12-01',
      undefined,
      { published: 'today' },
    ]);
  });

  it('warn once when the history is a shallow clone', () => {
    const { problems } = validateGlossary([entry, file('delta', 'title: Delta')], testSite, {
      gitDates: () => history({}, true),
    });
    expect(problems.map(formatProblem)).toEqual([
      'content/:1:1  published  comes from git for some entries, but this is a shallow clone: their dates are wrong  (fetch the whole history (git fetch --unshallow; in CI, e.g. actions/checkout with fetch-depth: 0))',
    ]);
  });

  it('are an error naming the field without git', () => {
    expect(
      validateGlossary([entry], testSite, { gitDates: () => undefined }).problems.map(formatProblem),
    ).toEqual([
      'content/definition/gamma.md:2:1  published  is required: the site is not in a git repository, so no first commit can give it  (add the date of first publication, e.g. published: 2026-03-15)',
    ]);
  });

  it('never replace a date the editor wrote, and git is not read then', () => {
    const { terms } = validateGlossary([file('gamma', 'title: Gamma\npublished: 2026-03-15')], testSite, {
      gitDates: () => {
        throw new Error('git read although every date was written');
      },
    });
    expect([terms[0]?.published, terms[0]?.updated]).toEqual(['2026-03-15', undefined]);
  });
});

describe('an empty list field', () => {
  it('is an empty list', () => {
    const { terms, problems } = validateGlossary(
      [file('gamma', 'title: Gamma\npublished: 2026-03-15\naka:\ntags:\nrelated:')],
      testSite,
    );
    expect(problems).toEqual([]);
    expect([terms[0]?.aka, terms[0]?.tags, terms[0]?.related]).toEqual([[], [], []]);
  });
});

describe('readGitDates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'glossa-git-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const git = (args: string[], date: string) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], {
      cwd: dir,
      env: { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date },
    });

  it('reads every file’s first and last commit in one pass, and says when there is no repository', () => {
    expect(readGitDates(dir)).toBeUndefined();
    mkdirSync(join(dir, 'content/definition'), { recursive: true });
    git(['init', '-q'], '2026-01-01T00:00:00+00:00');
    writeFileSync(join(dir, 'content/definition/gamma.md'), 'one\n');
    git(['add', '.'], '2026-01-02T10:00:00+01:00');
    git(['commit', '-qm', 'first'], '2026-01-02T10:00:00+01:00');
    writeFileSync(join(dir, 'content/definition/gamma.md'), 'two\n');
    writeFileSync(join(dir, 'content/definition/delta.md'), 'one\n');
    git(['add', '.'], '2026-02-03T09:00:00+00:00');
    git(['commit', '-qm', 'second'], '2026-02-03T09:00:00+00:00');
    const dates = readGitDates(dir, new Date('2026-12-01T12:00:00Z'));
    expect(dates && { ...dates, files: Object.fromEntries(dates.files) }).toEqual({
      files: {
        'content/definition/gamma.md': {
          published: '2026-01-02T10:00:00+01:00',
          updated: '2026-02-03T09:00:00+00:00',
        },
        'content/definition/delta.md': { published: '2026-02-03T09:00:00+00:00' },
      },
      today: '2026-12-01',
      shallow: false,
    });
  });

  it('parses a log whose files appear in several commits, newest first', () => {
    expect(
      Object.fromEntries(
        parseGitLog('\0C\n\ncontent/a/x.md\n\0B\n\ncontent/a/x.md\ncontent/a/y.md\n\0A\n\ncontent/a/x.md\n'),
      ),
    ).toEqual({ 'content/a/x.md': { published: 'A', updated: 'C' }, 'content/a/y.md': { published: 'B' } });
  });
});
