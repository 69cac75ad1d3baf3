import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/checks/problems.ts';
import { validateGlossary, type SourceFile } from '../../src/lib/checks/validate-glossary.ts';
import {
  createValidationCache,
  validationCacheFile,
  validationCodeDigest,
} from '../../src/lib/checks/validation-cache.ts';
import { parseSiteConfig } from '../../src/lib/site/site-config.ts';
import { testSite, testSiteInput } from '../support/test-site.ts';

function entry(path: string, title: string, extra = ''): SourceFile {
  const fields = [
    `title: ${title}`,
    `summary: ${title} is a term of the cache tests.`,
    'published: 2026-03-15',
  ];
  if (extra) fields.push(extra);
  return { path, text: `---\n${fields.join('\n')}\n---\n\nBody text.\n` };
}

const glossary = [
  entry('content/definition/alpha.md', 'Alpha', 'related: [beta]'),
  entry('content/definition/beta.md', 'Beta'),
  entry('content/definition/gamma.md', 'Gamma'),
];

describe('validation cache', () => {
  it('re-checks only the file whose text changed, and finds what a check without it finds', () => {
    const cache = createValidationCache();
    validateGlossary(glossary, testSite, { cache });
    expect(cache.stats).toEqual({ checked: 3, reused: 0 });
    const edited = [
      glossary[0] as SourceFile,
      entry('content/definition/beta.md', 'Beta', 'author: edd'),
      glossary[2] as SourceFile,
    ];
    const cached = validateGlossary(edited, testSite, { cache });
    expect(cache.stats).toEqual({ checked: 1, reused: 2 });
    expect(cached.problems.map(formatProblem)).toEqual([
      "content/definition/beta.md:5:1  author  'edd' is not an author in glossa.config.yaml  (did you mean 'ed'?)",
    ]);
    const uncached = validateGlossary(edited, testSite);
    expect(cached.problems).toEqual(uncached.problems);
    expect(cached.terms).toEqual(uncached.terms);
  });

  it('still finds a slug used in two sections when the second file is added', () => {
    const cache = createValidationCache();
    validateGlossary(glossary, testSite, { cache });
    const added = [...glossary, entry('content/area/beta.md', 'Beta again')];
    const { problems } = validateGlossary(added, testSite, { cache });
    expect(cache.stats).toEqual({ checked: 1, reused: 3 });
    expect(problems.map(formatProblem)).toEqual([
      "content/area/beta.md:1:1  file  slug 'beta' is already used by content/definition/beta.md  (slugs must be unique across all sections: rename one of the two files)",
    ]);
  });

  it('reports a reference to a renamed entry although the referring file did not change', () => {
    const cache = createValidationCache();
    validateGlossary(glossary, testSite, { cache });
    const renamed = [
      glossary[0] as SourceFile,
      { ...(glossary[1] as SourceFile), path: 'content/definition/bet.md' },
      glossary[2] as SourceFile,
    ];
    const { problems } = validateGlossary(renamed, testSite, { cache });
    expect(cache.stats).toEqual({ checked: 1, reused: 2 });
    expect(problems.map(formatProblem)).toEqual([
      "content/definition/alpha.md:5:1  related[0]  'beta' is not an entry in this glossary  (did you mean 'bet'?)",
    ]);
  });

  it("gives the digest of each kept file's text, for the mentions' keys, and none for a file it did not keep", () => {
    const cache = createValidationCache();
    validateGlossary(glossary, testSite, { cache });
    const alpha = cache.digestOf('content/definition/alpha.md');
    expect(alpha).toMatch(/^:[A-Za-z0-9+/]{43}=$/);
    expect(cache.digestOf('content/definition/beta.md')).not.toBe(alpha);
    expect(cache.digestOf('content/definition/missing.md')).toBeUndefined();
    const edited = [entry('content/definition/alpha.md', 'Alpha', 'related: [gamma]'), ...glossary.slice(1)];
    validateGlossary(edited, testSite, { cache });
    expect(cache.digestOf('content/definition/alpha.md')).not.toBe(alpha);
    validateGlossary(glossary, testSite, { cache });
    expect(cache.digestOf('content/definition/alpha.md')).toBe(alpha);
  });

  it('checks every file again when the site configuration changes', () => {
    const cache = createValidationCache();
    validateGlossary(glossary, testSite, { cache });
    const renamedAuthor = parseSiteConfig({
      ...testSiteInput,
      authors: { eve: { name: 'Eve', url: 'https://example.org/eve/' } },
      defaultAuthor: 'eve',
    });
    const { terms } = validateGlossary(glossary, renamedAuthor, { cache });
    expect(cache.stats).toEqual({ checked: 3, reused: 0 });
    expect(terms.map((term) => term.author)).toEqual(['eve', 'eve', 'eve']);
  });

  it('checks a file that took its date from git on every pass, since the history may have moved on', () => {
    const cache = createValidationCache();
    const undated: SourceFile = {
      path: 'content/definition/delta.md',
      text: '---\ntitle: Delta\nsummary: Delta is a term of the cache tests.\n---\n\nBody.\n',
    };
    const history = (published: string) => () => ({
      files: new Map([['content/definition/delta.md', { published }]]),
      today: '2026-12-01',
      shallow: false,
    });
    validateGlossary([undated], testSite, { cache, gitDates: history('2026-01-02T10:00:00Z') });
    const later = validateGlossary([undated], testSite, { cache, gitDates: history('2026-02-03T10:00:00Z') });
    expect(cache.stats).toEqual({ checked: 1, reused: 0 });
    expect(later.terms.map((term) => term.published)).toEqual(['2026-02-03T10:00:00Z']);
  });
});

describe('validation cache kept in a file', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const open = (code = 'code-1') =>
    createValidationCache({ file: { path: join(dir, 'entries.json'), code } });
  const withProblem = [...glossary, entry('content/definition/delta.md', 'Delta', 'author: edd')];

  it('hands the next process the same terms and problems, checking only the files that changed', () => {
    dir = mkdtempSync(join(tmpdir(), 'validation-cache-'));
    const first = open();
    const fresh = validateGlossary(withProblem, testSite, { cache: first });
    first.save();
    const second = open();
    const reused = validateGlossary(withProblem, testSite, { cache: second });
    expect(second.stats).toEqual({ checked: 0, reused: 4 });
    expect(reused.terms).toEqual(fresh.terms);
    expect(reused.problems.map(formatProblem)).toEqual([
      "content/definition/delta.md:5:1  author  'edd' is not an author in glossa.config.yaml  (did you mean 'ed'?)",
    ]);
    second.save();
    const edited = withProblem.map((file) =>
      file.path.endsWith('gamma.md') ? entry(file.path, 'Gamma', 'related: [nope]') : file,
    );
    const third = open();
    const { problems } = validateGlossary(edited, testSite, { cache: third });
    expect(third.stats).toEqual({ checked: 1, reused: 3 });
    expect(problems).toEqual(validateGlossary(edited, testSite).problems);
  });

  it('does not write the file again when nothing changed, though a file dated from git was checked', () => {
    dir = mkdtempSync(join(tmpdir(), 'validation-cache-'));
    const undated: SourceFile = {
      path: 'content/definition/delta.md',
      text: '---\ntitle: Delta\nsummary: Delta is a term of the cache tests.\n---\n\nBody.\n',
    };
    const gitDates = () => ({
      files: new Map([['content/definition/delta.md', { published: '2026-01-02T10:00:00Z' }]]),
      today: '2026-12-01',
      shallow: false,
    });
    const first = open();
    validateGlossary([...glossary, undated], testSite, { cache: first, gitDates });
    first.save();
    // A space the cache would not write: still there after a run that changed nothing.
    const path = join(dir, 'entries.json');
    const marked = readFileSync(path, 'utf8').replace('"code":"code-1"', '"code": "code-1"');
    writeFileSync(path, marked);
    const second = open();
    validateGlossary([...glossary, undated], testSite, { cache: second, gitDates });
    expect(second.stats).toEqual({ checked: 1, reused: 3 });
    second.save();
    expect(readFileSync(path, 'utf8')).toBe(marked);
  });

  it("checks every file again for other code, and keeps no file whose body is not its text's tail", () => {
    dir = mkdtempSync(join(tmpdir(), 'validation-cache-'));
    const crlf: SourceFile = {
      path: 'content/definition/crlf.md',
      text: '---\r\ntitle: Crlf\r\nsummary: Crlf is a term of the cache tests.\r\npublished: 2026-03-15\r\n---\r\n\r\nBody.\r\n',
    };
    const first = open();
    validateGlossary([...glossary, crlf], testSite, { cache: first });
    first.save();
    const second = open();
    const { terms } = validateGlossary([...glossary, crlf], testSite, { cache: second });
    expect(second.stats).toEqual({ checked: 1, reused: 3 });
    expect(terms.find((term) => term.slug === 'crlf')?.body).toBe('\nBody.\n');
    const other = open('code-2');
    validateGlossary(glossary, testSite, { cache: other });
    expect(other.stats).toEqual({ checked: 3, reused: 0 });
  });

  it('names one file a glossary folder and digests the code as a stable hex string', () => {
    expect(validationCacheFile('/cache', '/sites/a')).toMatch(
      /^\/cache\/check-content-[0-9a-f]{12}-entries\.json$/,
    );
    expect(validationCacheFile('/cache', '/sites/b')).not.toBe(validationCacheFile('/cache', '/sites/a'));
    expect(validationCodeDigest()).toMatch(/^[0-9a-f]{64}$/);
    expect(validationCodeDigest()).toBe(validationCodeDigest());
  });
});
