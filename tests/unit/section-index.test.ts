import { describe, expect, it } from 'vitest';
import { groupByInitial, initialOf, jumpBarLetters } from '../../src/lib/graph/alphabet.ts';
import { buildGlossary } from '../../src/lib/graph/glossary-graph.ts';
import { planSectionIndex, sectionLetterPages } from '../../src/lib/graph/section-index.ts';
import { makeTerm } from '../support/make-term.ts';
import { testSite } from '../support/test-site.ts';

describe('A–Z grouping', () => {
  it('files titles under their unaccented initial, digits and symbols under #', () => {
    expect(['Éta', 'alpha', '3-Way Split', '“Quoted”', 'Zeta'].map((title) => initialOf(title))).toEqual([
      'E',
      'A',
      '#',
      '#',
      'Z',
    ]);
    expect(groupByInitial(['Beta', '0DTE', 'Bid', 'Ask'], (t) => t)).toEqual([
      { letter: '#', items: ['0DTE'] },
      { letter: 'A', items: ['Ask'] },
      { letter: 'B', items: ['Beta', 'Bid'] },
    ]);
  });

  it('files Greek and Cyrillic titles under their own letters, after the Latin ones', () => {
    const titles = ['Ζ-function', 'Ábaco', 'Жёлоб', 'zeta', 'Άλφα'];
    expect(titles.map((title) => initialOf(title))).toEqual(['Ζ', 'A', 'Ж', 'Z', 'Α']);
    const groups = groupByInitial(titles, (t) => t);
    expect(groups.map((g) => g.letter)).toEqual(['A', 'Z', 'Α', 'Ζ', 'Ж']);
    expect(jumpBarLetters(groups).slice(-4)).toEqual(['Z', 'Α', 'Ζ', 'Ж']);
  });

  it('lets the locale decide whether an accented letter is a letter of its own', () => {
    expect(initialOf('Åsa', 'en')).toBe('A');
    expect(initialOf('Åsa', 'sv')).toBe('Å');
    expect(groupByInitial(['Åsa', 'Zebra', 'Anna'], (t) => t, 'sv').map((g) => g.letter)).toEqual([
      'A',
      'Z',
      'Å',
    ]);
  });
});

describe('planSectionIndex', () => {
  const terms = ['apple', 'avocado', 'banana', 'cherry', 'citrus'].map((s) => makeTerm(s));
  const [section] = buildGlossary(terms, testSite).sections;
  if (!section) throw new Error('no section');

  it('lists a small section on one page, grouped by initial', () => {
    const plan = planSectionIndex(section, 5);
    expect(plan.kind).toBe('single');
    expect(plan.kind === 'single' && plan.groups.map((g) => [g.letter, g.items.length])).toEqual([
      ['A', 2],
      ['B', 1],
      ['C', 2],
    ]);
  });

  it('splits a section past the limit into one page per initial, with counts', () => {
    expect(planSectionIndex(section, 4)).toEqual({
      kind: 'by-letter',
      letters: [
        { letter: 'A', count: 2, path: '/definition/a-z/a/' },
        { letter: 'B', count: 1, path: '/definition/a-z/b/' },
        { letter: 'C', count: 2, path: '/definition/a-z/c/' },
      ],
    });
    expect(sectionLetterPages([section], 4).map((p) => [p.key, p.terms.map((t) => t.slug)])).toEqual([
      ['a', ['apple', 'avocado']],
      ['b', ['banana']],
      ['c', ['cherry', 'citrus']],
    ]);
    expect(sectionLetterPages([section], 5)).toEqual([]);
  });
});
