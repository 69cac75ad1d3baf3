import { describe, expect, it } from 'vitest';
import { buildGlossary } from '../../src/lib/graph/glossary-graph.ts';
import { formatProblem, GlossaryError } from '../../src/lib/checks/problems.ts';
import { parseSiteConfig, resolveAuthor, sectionLabel } from '../../src/lib/site/site-config.ts';
import { validateGlossary } from '../../src/lib/checks/validate-glossary.ts';
import { makeTerm } from '../support/make-term.ts';
import { testSite, testSiteInput } from '../support/test-site.ts';

const entryWithAuthor = (author: string) => ({
  path: 'content/definition/gamma.md',
  text: `---\ntitle: Gamma\nsummary: Gamma is how fast delta changes as the underlying price moves.\npublished: 2026-03-15\nauthor: ${author}\n---\n\nBody.\n`,
});

describe('keys that every JavaScript object inherits', () => {
  for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    it(`refuses author: ${key}, which names no author, with a did-you-mean or the known authors`, () => {
      const problems = validateGlossary([entryWithAuthor(key)], testSite).problems.map(formatProblem);
      expect(problems).toEqual([
        `content/definition/gamma.md:5:1  author  '${key}' is not an author in glossa.config.yaml  (known authors: ed)`,
      ]);
    });
  }

  it('suggests the closest author key for an inherited name that is close to one', () => {
    const site = parseSiteConfig({
      ...testSiteInput,
      authors: {
        ...testSiteInput.authors,
        'to-string': { name: 'T. String', url: 'https://example.org/t/' },
      },
    });
    const [problem] = validateGlossary([entryWithAuthor('toString')], site).problems;
    expect(problem?.hint).toBe("did you mean 'to-string'?");
  });

  it('refuses defaultAuthor: toString in the site configuration, naming the field', () => {
    expect(() => parseSiteConfig({ ...testSiteInput, defaultAuthor: 'toString' })).toThrow(GlossaryError);
    try {
      parseSiteConfig({ ...testSiteInput, defaultAuthor: 'toString' });
    } catch (error) {
      expect((error as GlossaryError).problems.map(formatProblem)).toEqual([
        'glossa.config.yaml  defaultAuthor  names no author in authors',
      ]);
    }
  });

  it('never resolves an inherited name to an author or a section label', () => {
    expect(resolveAuthor(testSite, 'constructor')).toEqual(testSite.authors['ed']);
    expect(sectionLabel(testSite, 'constructor')).toBe('Constructor');
    const glossary = buildGlossary([makeTerm('gamma', { section: 'constructor' })], testSite);
    expect(glossary.sections.map((s) => [s.key, s.label, s.description])).toEqual([
      ['constructor', 'Constructor', undefined],
    ]);
  });

  it('keeps tags named like inherited keys as ordinary tags', () => {
    const glossary = buildGlossary(
      [makeTerm('gamma', { tags: ['constructor', '__proto__', 'toString'] })],
      testSite,
    );
    expect(glossary.tags.map((t) => [t.key, t.name, t.terms.length])).toEqual([
      ['__proto__', '__proto__', 1],
      ['constructor', 'constructor', 1],
      ['tostring', 'toString', 1],
    ]);
  });
});
