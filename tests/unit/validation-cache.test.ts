import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/checks/problems.ts';
import { validateGlossary, type SourceFile } from '../../src/lib/checks/validate-glossary.ts';
import { createValidationCache } from '../../src/lib/checks/validation-cache.ts';
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
