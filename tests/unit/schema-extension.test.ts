import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { checkSite } from '../../src/cli/check-site.ts';
import type { glossaryLoader } from '../../src/loader/glossary-loader.ts';
import { formatProblem } from '../../src/lib/checks/problems.ts';
import { loadSchemaExtension } from '../../src/lib/entries/schema-extension.ts';
import { extendTermSchema } from '../../src/lib/entries/term-schema.ts';
import { validateGlossary, type SourceFile } from '../../src/lib/checks/validate-glossary.ts';
import { testSite } from '../support/test-site.ts';

const extend = z.object({
  difficulty: z.enum(['basic', 'advanced'], { error: 'must be one of basic, advanced' }),
  sources: z.array(z.url({ error: 'must be a URL' })).default([]),
});

const entry = (extra: string): SourceFile => ({
  path: 'content/definition/gamma.md',
  text: `---\ntitle: Gamma\nsummary: Gamma is how fast delta changes when the underlying price moves.\npublished: 2026-03-15\n${extra}\n---\n\nBody.\n`,
});

describe('a site’s own fields', () => {
  it('are validated and kept apart from Glossa’s, under fields', () => {
    const { terms, problems } = validateGlossary([entry('difficulty: basic')], testSite, { extend });
    expect(problems).toEqual([]);
    expect(terms[0]?.fields).toEqual({ difficulty: 'basic', sources: [] });
    expect(Object.hasOwn(terms[0] ?? {}, 'difficulty')).toBe(false);
  });

  it('get the same file:line:col field message errors as Glossa’s', () => {
    const { problems } = validateGlossary([entry('difficulty: hard\nsources: [nowhere]')], testSite, {
      extend,
    });
    expect(problems.map(formatProblem)).toEqual([
      'content/definition/gamma.md:5:1  difficulty  must be one of basic, advanced',
      'content/definition/gamma.md:6:1  sources[0]  must be a URL',
    ]);
  });

  it('leave an undeclared field an error, with "did you mean" among the declared names too', () => {
    const { problems } = validateGlossary([entry('difficulty: basic\ndificulty: basic')], testSite, {
      extend,
    });
    expect(problems.map(formatProblem)).toEqual([
      "content/definition/gamma.md:6:1  dificulty  is not a known field  (did you mean 'difficulty'?)",
    ]);
    expect(validateGlossary([entry('difficulty: basic')], testSite).problems.map(formatProblem)).toEqual([
      'content/definition/gamma.md:5:1  difficulty  is not a known field  (known fields: title, summary, keyword, published, updated, author, categories, tags, aka, related, mentions, image, redirectFrom, featured, autolink, draft)',
    ]);
  });

  it('may not replace one of Glossa’s fields', () => {
    expect(() => extendTermSchema(z.object({ summary: z.number(), slug: z.string() }))).toThrow(
      "glossa.schema.ts declares 'summary', 'slug', which Glossa already defines: rename them (e.g. 'siteSummary')",
    );
  });

  it('are read from glossa.schema.ts by check:content, as by the build', async () => {
    const site = join(import.meta.dirname, '../fixtures/extended');
    expect(Object.keys((await loadSchemaExtension(site))?.shape ?? {})).toEqual(['formula', 'difficulty']);
    const check = await checkSite(site);
    expect(check.problems.map(formatProblem)).toEqual([]);
    expect(check.validation?.terms.map((t) => [t.slug, t.fields])).toEqual([
      ['delta', { difficulty: 'basic' }],
      ['gamma', { formula: '\\Gamma = \\partial^2 V / \\partial S^2', difficulty: 'intermediate' }],
    ]);
  });
});

describe('glossaryLoader({ extend })', () => {
  it('types the collection’s declared fields without a cast (checked by tsc in npm run check)', () => {
    type Data = z.output<ReturnType<typeof glossaryLoader<typeof extend>>['schema']>;
    expectTypeOf<NonNullable<Data['fields']>>().toEqualTypeOf<{
      difficulty: 'basic' | 'advanced';
      sources: string[];
    }>();
    expectTypeOf<Data['summary']>().toEqualTypeOf<string>();
  });
});
