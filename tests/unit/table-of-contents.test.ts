import { describe, expect, it } from 'vitest';
import { buildTableOfContents } from '../../src/lib/pages/table-of-contents.ts';

const h = (depth: number, text: string) => ({ depth, slug: text.toLowerCase().replace(/ /g, '-'), text });

describe('buildTableOfContents', () => {
  it('lists the h2 sections with the h3 subsections under each, leaving deeper ones out', () => {
    expect(
      buildTableOfContents([
        h(2, 'One'),
        h(3, 'One a'),
        h(4, 'Deep'),
        h(2, 'Two'),
        h(2, 'Three'),
        h(3, 'Three a'),
      ]),
    ).toEqual([
      { slug: 'one', text: 'One', children: [{ slug: 'one-a', text: 'One a', children: [] }] },
      { slug: 'two', text: 'Two', children: [] },
      { slug: 'three', text: 'Three', children: [{ slug: 'three-a', text: 'Three a', children: [] }] },
    ]);
  });

  it('gives an entry with fewer than three sections no table of contents', () => {
    expect(buildTableOfContents([h(2, 'One'), h(3, 'A'), h(3, 'B'), h(3, 'C'), h(2, 'Two')])).toEqual([]);
    expect(buildTableOfContents([])).toEqual([]);
  });

  it('drops an h3 that comes before any h2 rather than inventing a section for it', () => {
    expect(
      buildTableOfContents([h(3, 'Orphan'), h(2, 'A'), h(2, 'B'), h(2, 'C')]).map((i) => i.slug),
    ).toEqual(['a', 'b', 'c']);
  });

  it('leaves out the footnotes heading Sätteri adds, which is not a section', () => {
    const footnotes = { depth: 2, slug: 'footnote-label', text: 'Footnotes' };
    expect(buildTableOfContents([h(2, 'A'), h(2, 'B'), footnotes])).toEqual([]);
    expect(buildTableOfContents([h(2, 'A'), h(2, 'B'), h(2, 'C'), footnotes]).map((i) => i.slug)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});
