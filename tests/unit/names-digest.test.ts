import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bodyWordKeys, createNamesKey, createNamesKeyMemo } from '../../src/loader/names-digest.ts';

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

  it('gives each key once, in the order the body first has it, whatever came before or how it is spelled', () => {
    const body = 'GAMMA gamma Gammas, straße STRASSE and Straße; naïve Naïve.';
    const expected = ['gamma', 'gammas', 'straße', 'strasse', 'and', 'naïve'];
    expect(bodyWordKeys(body, 'en')).toEqual(expected);
    expect(bodyWordKeys('gamma and vega', 'en')).toEqual(['gamma', 'and', 'vega']);
    // Read again after others, and in another locale's table: the same keys.
    expect(bodyWordKeys(body, 'en')).toEqual(expected);
    expect(bodyWordKeys(body, 'de')).toEqual(bodyWordKeys(body, 'de'));
    expect(bodyWordKeys('', 'en')).toEqual([]);
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

describe('names key with a memo kept between syncs', () => {
  const bodies = [
    'Gamma and vega move together.',
    'Only vega here.',
    'Caf&eacute; gamma',
    'Theta decays.',
    'Word3 and word7 are new.',
  ];
  /** Each body's key from a fresh start and from one memo that saw every earlier glossary. */
  const keysBoth = (glossaries: (typeof glossary)[], settings = glossaries.map(() => setting)) => {
    const memo = createNamesKeyMemo();
    return glossaries.map((entries, i) => {
      const fresh = createNamesKey(entries, settings[i] ?? setting, { hash });
      const kept = createNamesKey(entries, settings[i] ?? setting, { hash, memo });
      return { fresh: bodies.map(fresh), kept: bodies.map(kept) };
    });
  };

  it('gives every body the key a fresh start gives, whichever names were added, renamed or removed', () => {
    const renamed = glossary.map((e) => (e.slug === 'vega' ? { ...e, aka: ['Kappa', 'Vol gamma'] } : e));
    const runs = keysBoth([
      glossary,
      glossary,
      [...glossary, entry('theta', 'Theta decay')],
      renamed,
      glossary.filter((e) => e.slug !== 'gamma'),
      // More changed first words at once than are looked for one by one.
      [...glossary, ...Array.from({ length: 10 }, (_, i) => entry(`n${i}`, `Word${i} name`))],
      glossary,
    ]);
    for (const { fresh, kept } of runs) expect(kept).toEqual(fresh);
    expect(runs[5]?.kept[4]).not.toBe(runs[4]?.kept[4]);
    // The runs did change keys, so the memo was put to the test.
    expect(runs[2]?.kept[3]).not.toBe(runs[1]?.kept[3]);
    expect(runs[4]?.kept[0]).not.toBe(runs[3]?.kept[0]);
  });

  it('starts afresh when the linking setting changes', () => {
    const other = { ...setting, policy: 'every' };
    const [first, second] = keysBoth([glossary, glossary], [setting, other]);
    expect(second?.kept).toEqual(second?.fresh);
    expect(second?.kept[1]).not.toBe(first?.kept[1]);
  });

  it('hands back the same key text without building it again when no name changed', () => {
    const memo = createNamesKeyMemo();
    const first = createNamesKey(glossary, setting, { hash, memo })('Only vega here.');
    const bodyWords = new Map<string, readonly string[]>();
    const second = createNamesKey(glossary, setting, { hash, memo, bodyWords })('Only vega here.');
    expect(second).toBe(first);
    // Its words were not even looked at.
    expect(bodyWords.size).toBe(0);
  });
});
