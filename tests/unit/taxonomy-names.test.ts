import { describe, expect, it } from 'vitest';
import { checkGlossary } from '../../src/lib/checks/check-glossary.ts';
import { formatProblem } from '../../src/lib/checks/problems.ts';
import type { SourceFile } from '../../src/lib/checks/validate-glossary.ts';
import { testSite } from '../support/test-site.ts';

const entry = (slug: string, related: string, tags: string, categories = '[]'): SourceFile => ({
  path: `content/definition/${slug}.md`,
  text: `---\ntitle: ${slug}\nsummary: ${slug} is a made-up term whose summary explains something about markets.\npublished: 2026-03-15\nrelated: [${related}]\ntags: ${tags}\ncategories: ${categories}\n---\n\nBody.\n`,
});

describe('tags and categories that differ only in case', () => {
  it('are one name, in the most common spelling, once per entry, with a warning naming the spellings', () => {
    const { terms, problems } = checkGlossary(
      [
        entry('gamma', 'delta', '[Performance, performance]', '[Risk]'),
        entry('delta', 'vega', '[Performance]', '[risk]'),
        entry('vega', 'gamma', '[performance, Greeks]', '[Risk]'),
      ],
      testSite,
    );
    expect(terms.map((t) => [t.slug, t.tags, t.categories])).toEqual([
      ['gamma', ['Performance'], ['Risk']],
      ['delta', ['Performance'], ['Risk']],
      ['vega', ['Performance', 'Greeks'], ['Risk']],
    ]);
    expect(problems.map(formatProblem)).toEqual([
      "content/definition/delta.md:7:1  categories  'Risk', 'risk' differ only in case, so they are one category, shown as 'Risk'  (write 'Risk' everywhere)",
      "content/definition/gamma.md:6:1  tags  'Performance', 'performance' differ only in case, so they are one tag, shown as 'Performance'  (write 'Performance' everywhere)",
    ]);
  });

  it('warns when distinct names share one address', () => {
    const { problems } = checkGlossary(
      [entry('gamma', 'delta', '[C]'), entry('delta', 'gamma', '[C!]')],
      testSite,
    );
    expect(problems.map(formatProblem)).toEqual([
      "content/definition/delta.md:6:1  tags  'C' and 'C!' share the address /tags/c/, so one tag page lists both  (rename one of them, or write them the same way)",
    ]);
  });
});
