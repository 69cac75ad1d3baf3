import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bodyWordKeys, createNamesKey } from '../../src/loader/names-digest.ts';

const setting = { root: '/', locale: 'en', policy: 'page' };
const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);
const entry = (slug: string, title: string, aka: string[] = []) => ({
  slug,
  section: 'definition',
  title,
  aka,
});
const glossary = [
  entry('gamma', 'Gamma'),
  entry('negative-gamma', 'Negative gamma'),
  entry('vega', 'Vega', ['Kappa']),
];

describe('names key of a body', () => {
  const before = createNamesKey(glossary, setting, { hash });

  it('lists the names beginning with a word of the body, in its order, inflected forms and any case included', () => {
    const group = (word: string, ...lines: string[]) => hash(`${word}\n${lines.join('\n')}`);
    expect(before('Gammas fall; a NEGATIVE view of kappa.')).toBe(
      [
        'page\n/\nen',
        group('gamma', 'gamma\u0001definition\u0001Gamma\u0001'),
        group('negative', 'negative-gamma\u0001definition\u0001Negative gamma\u0001'),
        group('kappa', 'vega\u0001definition\u0001Vega\u0001Kappa'),
      ].join('\n'),
    );
  });

  it('reads the words of a body as the name index does, once per body text when given a memo', () => {
    expect(bodyWordKeys("Gammas and the gamma's vega-hedge.", 'en')).toEqual([
      'gammas',
      'gamma',
      'and',
      'the',
      "gamma's",
      'vega',
      'hedge',
    ]);
    const bodyWords = new Map<string, readonly string[]>();
    const keyOf = createNamesKey(glossary, setting, { hash, bodyWords });
    keyOf('Only vega here.');
    expect([...bodyWords]).toEqual([['Only vega here.', ['only', 'vega', 'here']]]);
  });

  it('stays the same when an entry is added whose names begin with no word of the body', () => {
    const after = createNamesKey([...glossary, entry('theta', 'Theta decay')], setting, { hash });
    expect(after('Gamma and vega move together.')).toBe(before('Gamma and vega move together.'));
  });

  it('changes when an added name begins with a word of the body, even a longer name over a shorter one', () => {
    const after = createNamesKey([...glossary, entry('gamma-scalping', 'Gamma scalping')], setting, { hash });
    expect(after('Gamma and vega move together.')).not.toBe(before('Gamma and vega move together.'));
    expect(after('Only vega here.')).toBe(before('Only vega here.'));
  });

  it('changes when a named entry moves to another section, since its address changes', () => {
    const moved = glossary.map((e) => (e.slug === 'vega' ? { ...e, section: 'area' } : e));
    const after = createNamesKey(moved, setting, { hash });
    expect(after('Only vega here.')).not.toBe(before('Only vega here.'));
    expect(after('Only gamma here.')).toBe(before('Only gamma here.'));
  });

  it('falls back on all the names for a body that writes characters as references', () => {
    const after = createNamesKey([...glossary, entry('theta', 'Theta')], setting, { hash });
    expect(before('Caf&eacute; gamma')).toMatch(/^all /);
    expect(after('Caf&eacute; gamma')).not.toBe(before('Caf&eacute; gamma'));
  });
});
