import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isEntryDate, toTimestamp } from '../../src/lib/entries/dates.ts';
import { buildGlossary } from '../../src/lib/graph/glossary-graph.ts';
import { renderEntryTemplate } from '../../src/lib/entries/new-entry.ts';
import { validateGlossary } from '../../src/lib/checks/validate-glossary.ts';
import { SLUG_PATTERN } from '../../src/lib/entries/term-schema.ts';
import { taxonomyKey, tagPath } from '../../src/lib/site/urls.ts';
import { makeTerm } from '../support/make-term.ts';
import { testSite } from '../support/test-site.ts';

describe('tag keys', () => {
  it('gives C#, C++ and C three distinct, readable tag pages', () => {
    expect(['C#', 'C++', 'C', 'F#'].map(tagPath)).toEqual([
      '/tags/c-sharp/',
      '/tags/c-plus-plus/',
      '/tags/c/',
      '/tags/f-sharp/',
    ]);
    const glossary = buildGlossary(
      [
        makeTerm('roslyn', { tags: ['C#'] }),
        makeTerm('clang', { tags: ['C++'] }),
        makeTerm('gcc', { tags: ['C'] }),
      ],
      testSite,
    );
    expect(glossary.tags.map((t) => [t.key, t.name, t.terms.map((x) => x.slug)])).toEqual([
      ['c', 'C', ['gcc']],
      ['c-sharp', 'C#', ['roslyn']],
      ['c-plus-plus', 'C++', ['clang']],
    ]);
  });

  it('keeps the keys existing tags already had', () => {
    expect(['Market Structure', 'ünïcode', 'Q&A', 'stop-loss'].map(taxonomyKey)).toEqual([
      'market-structure',
      'ünïcode',
      'qa',
      'stop-loss',
    ]);
  });
});

describe('rename hints for invalid file and folder names', () => {
  const hintFor = (path: string) =>
    validateGlossary([{ path, text: '---\ntitle: x\n---\n' }], testSite).problems[0]?.hint ?? '';

  it.each([
    ['content/_astro/gamma.md', 'astro'],
    ['content/definition/négatif-γάμμα.md', 'negatif-gamma'],
    ['content/Tags/gamma.md', 'tags-entries'],
    ['content/definition/Stop__Loss.md', 'stop-loss'],
    ['content/definition/Ελληνικά.md', 'ellinika'],
  ])('suggests a name for %s that is itself valid', (path, expected) => {
    const hint = hintFor(path);
    expect(hint).toBe(`rename it to '${expected}'`);
    const suggested = /'(.*)'/.exec(hint)?.[1] ?? '';
    expect(suggested).toMatch(SLUG_PATTERN);
    // The hint names the one invalid segment: the section folder, or else the file name.
    const [, section = '', file = ''] = path.split('/');
    const renamed = SLUG_PATTERN.test(section)
      ? `content/${section}/${suggested}.md`
      : `content/${suggested}/${file}`;
    expect(
      validateGlossary([{ path: renamed, text: '---\ntitle: x\n---\n' }], testSite).problems.map(
        (p) => p.field,
      ),
    ).not.toContain('file');
  });
});

describe('years before 100', () => {
  it.each(['0001-01-01', '0050-03-15', '0099-12-31'])('accepts %s as a real date', (date) => {
    expect(isEntryDate(date)).toBe(true);
  });

  it('still refuses impossible days in those years and orders them before later ones', () => {
    expect(isEntryDate('0050-02-30')).toBe(false);
    expect(isEntryDate('0000-00-00')).toBe(false);
    expect(toTimestamp('0050-03-15', '+00:00')).toBeLessThan(toTimestamp('1950-03-15', '+00:00'));
  });
});

describe('the new-entry template', () => {
  it.each([
    ['a 90-character title', `${'Long '.repeat(18).trim()} title`],
    ['a title with a newline', 'Line one\ntags: [injected]'],
    ['a title with YAML syntax', '- [x]: & *y'],
  ])('is valid YAML with exactly the template fields for %s', (_name, title) => {
    const front = parse(
      renderEntryTemplate({ title, published: '2026-03-15', author: 'ed' }).split('---\n')[1] ?? '',
    );
    expect(Object.keys(front)).toEqual(['title', 'summary', 'published', 'author', 'related', 'draft']);
    expect(front.title).toBe(title.replace(/\s+/g, ' '));
  });
});
