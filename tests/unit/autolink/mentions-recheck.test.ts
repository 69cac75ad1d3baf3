import { describe, expect, it } from 'vitest';
import { recheckAdviceWords } from '../../../src/lib/autolink/advice-words.ts';
import { findBodyMentions } from '../../../src/lib/autolink/body-mentions.ts';
import { buildEditorReport } from '../../../src/lib/autolink/editor-report.ts';
import { recheckMentions } from '../../../src/lib/autolink/mentions-recheck.ts';
import type { BodyMention } from '../../../src/lib/autolink/plan.ts';
import type { SnapshotEntry } from '../../../src/lib/checks/check-snapshot.ts';
import type { EntryChange } from '../../../src/lib/checks/recheck-glossary.ts';
import type { Term } from '../../../src/lib/entries/term.ts';
import { makeTerm } from '../../support/make-term.ts';

/** A snapshot entry of `term` with what the rechecks read of it. */
function entryOf(term: Term): SnapshotEntry {
  return {
    path: term.file,
    stamp: '',
    digest: term.body,
    problems: [],
    slug: term.slug,
    facts: {
      section: term.section,
      title: term.title,
      aka: term.aka,
      draft: term.draft,
      related: term.related,
      mentions: term.mentions,
      tags: term.tags,
      categories: term.categories,
      redirectFrom: term.redirectFrom,
      bodyStart: 0,
      own: [],
      fingerprints: [],
      urls: [],
      unclosed: [],
      overLimits: false,
      bodyMentions: undefined,
      adviceWords: undefined,
    },
  };
}

const before = [
  makeTerm('negative-gamma', { body: 'Negative gamma hurts a short book. See [vega](/definition/vega/).' }),
  makeTerm('gamma', { body: 'Gamma bends delta; a short gamma book loses on big moves.' }),
  makeTerm('delta', { body: 'Delta moves with the spot, and with gamma.' }),
  makeTerm('vega', { body: 'Vega is the price of volatility.' }),
  makeTerm('volatility', { aka: ['vol'], body: 'Volatilities are quoted per year.' }),
];

/** The mentions after a change, found again from the kept ones, and how many bodies were read. */
function afterChange(terms: Term[], changes: EntryChange[]) {
  const kept = findBodyMentions(before, 'en').mentions;
  // An edited file's mentions are not kept: its text changed (check-snapshot.ts).
  const edited = new Set(changes.map((change) => change.after?.path));
  const keptByFile = new Map(
    before.filter((t) => !edited.has(t.file)).map((t) => [t.file, kept.get(t.slug)]),
  );
  return recheckMentions(terms, (t) => keptByFile.get(t.file) as BodyMention[] | undefined, changes, {
    locale: 'en',
    ambiguous: findBodyMentions(before, 'en').ambiguous,
  });
}

describe('recheckMentions', () => {
  it('reads again only the edited body when no name changes', () => {
    const edited = makeTerm('vega', { body: 'Vega is the price of volatility; delta too.' });
    const terms = before.map((t) => (t.slug === 'vega' ? edited : t));
    const found = afterChange(terms, [{ before: entryOf(before[3] as Term), after: entryOf(edited) }]);
    expect(found.found).toBe(1);
    expect(found.mentions).toEqual(findBodyMentions(terms, 'en').mentions);
  });

  it('reads again the bodies that hold a renamed entry’s old or new name in a row, and finds what a full reading finds', () => {
    const renamed = makeTerm('gamma', { title: 'Short Book', body: 'Gamma bends delta.' });
    const terms = before.map((t) => (t.slug === 'gamma' ? renamed : t));
    const found = afterChange(terms, [{ before: entryOf(before[1] as Term), after: entryOf(renamed) }]);
    const full = findBodyMentions(terms, 'en');
    expect(found.mentions).toEqual(full.mentions);
    expect(found.ambiguous).toEqual(full.ambiguous);
    // Gamma's own, negative-gamma's and delta's name gamma; vega's and volatility's do not.
    expect(found.found).toBe(3);
  });

  it('finds the bodies that link to an entry added or deleted, and an alias it shares', () => {
    const added = makeTerm('vol-surface', { aka: ['vol'], body: 'A surface of vol.' });
    const terms = [...before.filter((t) => t.slug !== 'vega'), added];
    const found = afterChange(terms, [
      { before: entryOf(before[3] as Term), after: undefined },
      { before: undefined, after: entryOf(added) },
    ]);
    const full = findBodyMentions(terms, 'en');
    expect(found.mentions).toEqual(full.mentions);
    expect(found.ambiguous).toEqual(full.ambiguous);
    expect(full.ambiguous).toEqual([{ name: 'vol', slugs: ['volatility', 'vol-surface'] }]);
  });
});

describe('recheckAdviceWords', () => {
  const crowd = Array.from({ length: 160 }, (_, i) =>
    makeTerm(`filler-${i}`, { body: `Common words everywhere, filler number ${i} of many.` }),
  );
  const glossary = [
    ...crowd,
    makeTerm('quokka', { body: 'Zebrafish marmalade quibbles with the ptarmigan.' }),
    makeTerm('ptarmigan', { body: 'Zebrafish marmalade quibbles again, everywhere.' }),
  ];
  const closestOf = (terms: Term[], postings?: ReturnType<typeof recheckAdviceWords>['postings']) =>
    buildEditorReport({ terms, bodyMentions: new Map(), ambiguous: [], positions: new Map(), postings })
      .filter((p) => p.message.startsWith('no other entry'))
      .map((p) => `${p.file} ${p.hint}`);

  it('names the same closest bodies from the kept words as from reading every body, before and after an edit', () => {
    const first = recheckAdviceWords(glossary, () => undefined, [], undefined);
    expect(closestOf(glossary, first.postings)).toEqual(closestOf(glossary));
    const kept = first.kept();
    expect(kept?.state.common).toContain('common');
    const edited = makeTerm('filler-3', { body: 'Now it names zebrafish marmalade too.' });
    const terms = glossary.map((t) => (t.slug === 'filler-3' ? edited : t));
    const again = recheckAdviceWords(
      terms,
      (t) => kept?.words.get(t.file),
      [{ before: entryOf(glossary[3] as Term), after: entryOf(edited) }],
      kept?.state,
    );
    expect(closestOf(terms, again.postings)).toEqual(closestOf(terms));
    expect(again.kept()?.state.removals).toBe(1);
  });
});

describe('the body mentions of a body over the limits', () => {
  it('are none, and the body is never parsed', () => {
    // 40,000 character references in one paragraph: parsed, it is a string V8 cannot hold.
    const bomb = makeTerm('amp-bomb', { body: 'Gamma a &amp; b '.repeat(40_000) });
    const gamma = makeTerm('gamma', { body: 'Gamma is a Greek.' });
    const delta = makeTerm('delta', { body: 'Delta moves with gamma.' });
    const found = findBodyMentions([bomb, gamma, delta], 'en');
    expect(found.mentions.get('amp-bomb')).toEqual([]);
    // The other bodies are read as ever.
    expect(found.mentions.get('delta')?.map((mention) => mention.slug)).toEqual(['gamma']);
  });
});
