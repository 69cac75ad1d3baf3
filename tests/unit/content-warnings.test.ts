import { describe, expect, it } from 'vitest';
import {
  createReferenceCounts,
  findContentWarnings,
  nameFingerprint,
} from '../../src/lib/checks/content-warnings.ts';
import { createValidationCache } from '../../src/lib/checks/validation-cache.ts';
import { formatProblem } from '../../src/lib/checks/problems.ts';
import { validateGlossary, type SourceFile } from '../../src/lib/checks/validate-glossary.ts';
import { testSite } from '../support/test-site.ts';

function entry(slug: string, fields: Record<string, string>): SourceFile {
  const front = {
    title: slug,
    summary: `${slug} is a made-up term whose summary explains something about markets.`,
    published: '2026-03-15',
    ...fields,
  };
  const yaml = Object.entries(front)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return { path: `content/definition/${slug}.md`, text: `---\n${yaml}\n---\n\nBody.\n` };
}

function warnings(files: SourceFile[]): string[] {
  const { terms, positions, problems } = validateGlossary(files, testSite);
  expect(problems).toEqual([]);
  return findContentWarnings(terms, positions).map(formatProblem);
}

describe('findContentWarnings', () => {
  it('says nothing about entries that link to each other and have real summaries', () => {
    expect(
      warnings([entry('gamma', { related: '[delta]' }), entry('delta', { related: '[gamma]' })]),
    ).toEqual([]);
  });

  it('warns about an entry that nothing links to, pointing at its title', () => {
    expect(
      warnings([
        entry('gamma', { related: '[delta]' }),
        entry('delta', { related: '[delta-two]' }),
        entry('delta-two', { related: '[delta]' }),
      ]),
    ).toEqual([
      "content/definition/gamma.md:2:1  file  is an orphan: no other entry lists it in related or mentions  (add 'gamma' to the related list of an entry on the same subject)",
    ]);
  });

  it('does not call a draft an orphan', () => {
    expect(
      warnings([
        entry('gamma', { related: '[delta]' }),
        entry('delta', { related: '[gamma]' }),
        entry('wip', { related: '[gamma]', draft: 'true' }),
      ]),
    ).toEqual([]);
  });

  it('warns about an entry with no related terms', () => {
    expect(
      warnings([entry('gamma', { mentions: '[delta]' }), entry('delta', { related: '[gamma]' })]),
    ).toEqual([
      'content/definition/gamma.md:2:1  related  is empty, so the page suggests nothing to read next  (list the file names, without .md, of two or three entries on the same subject)',
    ]);
  });

  it('suggests for an empty related list the entries whose bodies name the entry, most mentions first', () => {
    const withBody = (file: SourceFile, body: string): SourceFile => ({
      ...file,
      text: file.text.replace('Body.', body),
    });
    expect(
      warnings([
        entry('basting', { title: 'Basting', related: '[]', tags: '[cooking]' }),
        withBody(
          entry('roasting', { related: '[basting]' }),
          'Roasting needs basting. Basting keeps it moist.',
        ),
        withBody(entry('braising', { related: '[roasting]' }), 'Unlike basting, braising uses a lid.'),
        entry('searing', { related: '[braising]', mentions: '[searing-two]' }),
        entry('searing-two', {
          title: 'Searing Two',
          related: '[]',
          tags: '[cooking]',
          mentions: '[searing]',
        }),
        withBody(entry('sauce', { related: '[basting]', tags: '[cooking]', draft: 'true' }), 'Basting.'),
      ]).filter((line) => line.includes('related  is empty')),
    ).toEqual([
      'content/definition/basting.md:5:1  related  is empty, so the page suggests nothing to read next  (list two or three slugs of entries on the same subject, e.g. related: [roasting, braising])',
      // Nothing mentions "Searing Two", so the entries sharing its tags are offered (never a draft).
      'content/definition/searing-two.md:5:1  related  is empty, so the page suggests nothing to read next  (list two or three slugs of entries on the same subject, e.g. related: [basting])',
    ]);
  });

  it('warns about a summary that only repeats the title', () => {
    expect(
      warnings([
        entry('gamma', {
          related: '[delta]',
          title: 'Gamma Exposure',
          summary: 'Gamma exposure is the exposure to gamma, or gamma exposures.',
        }),
        entry('delta', { related: '[gamma]' }),
      ]),
    ).toEqual([
      'content/definition/gamma.md:3:1  summary  only repeats the title  (say what the term means or does, in words a newcomer would use)',
    ]);
  });

  it('warns, without failing, about a short, a long and a two-sentence summary', () => {
    const long = `A summary ${'that keeps adding words about delta hedging '.repeat(5)}until the end.`;
    expect(
      warnings([
        entry('gamma', { related: '[delta]', summary: 'Practical Byzantine Fault Tolerance.' }),
        entry('delta', { related: '[vega]', summary: JSON.stringify(long) }),
        entry('vega', {
          related: '[gamma]',
          summary: `"Short for 'Good morning.' A universal greeting among traders in chat rooms."`,
        }),
      ]),
    ).toEqual([
      'content/definition/gamma.md:3:1  summary  should be at least 40 characters (one full sentence)  (say what the term means in a sentence a newcomer would understand)',
      'content/definition/delta.md:3:1  summary  should be at most 200 characters; move detail into the body  (cards and search results cut a longer summary)',
      'content/definition/vega.md:3:1  summary  should be one sentence, not 2; move the rest into the body  (the summary is the meta description and the line on cards)',
    ]);
  });

  it('counts a sentence with abbreviations in it as one sentence', () => {
    for (const summary of [
      'The U.S. Federal Reserve sets the rate that banks charge each other overnight.',
      'A port such as 443 (e.g. HTTPS) that a server listens on for connections.',
      'TCP vs. UDP is the choice between delivery that is ordered and delivery that is fast.',
    ]) {
      expect(
        warnings([
          entry('gamma', { related: '[delta]', summary: JSON.stringify(summary) }),
          entry('delta', { related: '[gamma]' }),
        ]),
      ).toEqual([]);
    }
  });

  it('warns about near-duplicate titles and synonyms, once per pair, on the later entry', () => {
    expect(
      warnings([
        entry('option-greeks', { related: '[greeks]', title: 'Option Greeks' }),
        entry('greeks', {
          related: '[option-greeks]',
          title: 'Greeks',
          aka: '[Options Greeks, option greeks]',
        }),
      ]),
    ).toEqual([
      "content/definition/greeks.md:6:1  aka[0]  'Options Greeks' is nearly the same as 'Option Greeks' in content/definition/option-greeks.md  (merge the two entries, or keep one and list the other name under its aka)",
    ]);
  });
});

describe('words in other scripts', () => {
  const site = (locale: string) => ({ ...testSite, locale });
  const check = (locale: string, files: SourceFile[]) => {
    const { terms, positions, problems } = validateGlossary(files, site(locale));
    expect(problems).toEqual([]);
    return findContentWarnings(terms, positions, { locale }).map(formatProblem);
  };

  it('does not call a Japanese or Cyrillic summary a repeat of its title', () => {
    expect(
      check('ja', [
        entry('gamma', {
          related: '[delta]',
          title: 'ガンマ',
          summary: 'ガンマは原資産の価格が動いたときにデルタがどれだけ変わるかを表す指標です。',
        }),
        entry('delta', {
          related: '[gamma]',
          title: 'デルタ',
          summary: 'デルタは原資産の価格が一単位動いたときにオプションの価値がどれだけ変わるかを表します。',
        }),
      ]),
    ).toEqual([]);
    expect(
      check('ru', [
        entry('gamma', {
          related: '[delta]',
          title: 'Гамма',
          summary: 'Гамма показывает, как быстро меняется дельта опциона при движении цены базового актива.',
        }),
        entry('delta', { related: '[gamma]', title: 'Дельта', summary: 'Гамма гамма, гамма дельта.' }),
      ]),
    ).toEqual([
      'content/definition/delta.md:3:1  summary  should be at least 40 characters (one full sentence)  (say what the term means in a sentence a newcomer would understand)',
      'content/definition/delta.md:3:1  summary  only repeats the title  (say what the term means or does, in words a newcomer would use)',
    ]);
  });

  it('finds near-duplicate Cyrillic titles', () => {
    expect(
      check('ru', [
        entry('gamma', {
          related: '[gamma-two]',
          title: 'Гамма-риск',
          summary: 'Гамма-риск показывает, как быстро меняется дельта опциона при движении цены.',
        }),
        entry('gamma-two', {
          related: '[gamma]',
          title: 'гамма риск',
          summary: 'Гамма риск показывает, как быстро меняется дельта опциона при движении цены.',
        }),
      ]),
    ).toEqual([
      "content/definition/gamma-two.md:2:1  title  'гамма риск' is nearly the same as 'Гамма-риск' in content/definition/gamma.md  (merge the two entries, or keep one and list the other name under its aka)",
    ]);
  });
});

describe('nameFingerprint', () => {
  it('folds case, accents, punctuation, spacing and plurals', () => {
    expect(nameFingerprint('Stop-Loss Orders')).toBe(nameFingerprint('stop loss order'));
    expect(nameFingerprint('Volatilities')).toBe(nameFingerprint('volatility'));
    expect(nameFingerprint('Décalage')).toBe('decalage');
    expect(nameFingerprint('Gamma')).not.toBe(nameFingerprint('Vega'));
  });
});

describe('validateGlossary with the public files', () => {
  const withImage = (src: string) =>
    entry('gamma', { related: '[gamma-two]', image: `\n  src: ${src}\n  alt: A curve` });

  it('rejects an image.src that is not in public/, pointing at the src line', () => {
    const { problems } = validateGlossary([withImage('/images/curv.svg')], testSite, {
      publicFiles: new Set(['/images/curve.svg', '/logo.svg']),
    });
    expect(problems.map(formatProblem)).toEqual([
      "content/definition/gamma.md:7:3  image.src  '/images/curv.svg' is not a file in public/  (did you mean '/images/curve.svg'?)",
      "content/definition/gamma.md:5:1  related[0]  'gamma-two' is not an entry in this glossary  (create the entry or remove the reference)",
    ]);
  });

  it('accepts an image that exists and any absolute URL', () => {
    const publicFiles = new Set(['/images/curve.svg']);
    for (const src of ['/images/curve.svg', 'https://example.org/a.png']) {
      const { problems } = validateGlossary([withImage(src)], testSite, { publicFiles });
      expect(problems.filter((p) => p.field === 'image.src')).toEqual([]);
    }
  });
});

describe('findContentWarnings with reference counts kept between checks', () => {
  it('finds the orphans a fresh check finds, over any run of edits, adds and deletes', () => {
    let seed = 5;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const slugs = Array.from({ length: 14 }, (_, i) => `term-${i}`);
    const pick = () => slugs[Math.floor(random() * slugs.length)] as string;
    const fileOf = (slug: string) => {
      const related = (random() < 0.5 ? [pick()] : [pick(), pick()]).filter(
        (s, i, all) => s !== slug && all.indexOf(s) === i,
      );
      const mentions = random() < 0.3 ? [pick()].filter((s) => s !== slug && !related.includes(s)) : [];
      return entry(slug, { related: `[${related.join(', ')}]`, mentions: `[${mentions.join(', ')}]` });
    };
    let files = new Map(slugs.slice(0, 8).map((slug) => [slug, fileOf(slug)]));
    const cache = createValidationCache();
    const counts = createReferenceCounts();
    let orphans = 0;
    for (let step = 0; step < 200; step++) {
      const slug = pick();
      const next = new Map(files);
      if (next.has(slug) && random() < 0.3) next.delete(slug);
      else next.set(slug, fileOf(slug));
      // A file whose references go to a missing entry is refused: it stays out of this round,
      // and so, in turn, do the files that refer to it.
      let valid = [...next.values()];
      for (let size = -1; size !== valid.length;) {
        size = valid.length;
        const known = new Set(valid.map((file) => file.path.slice('content/definition/'.length, -3)));
        valid = valid.filter((file) => [...file.text.matchAll(/term-\d+/g)].every(([s]) => known.has(s)));
      }
      files = next;
      if (valid.length === 0) continue;
      const { terms, positions, problems } = validateGlossary(valid, testSite, { cache });
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      const kept = findContentWarnings(terms, positions, { references: counts }).map(formatProblem);
      expect(kept).toEqual(findContentWarnings(terms, positions).map(formatProblem));
      orphans += kept.filter((line) => line.includes('orphan')).length;
    }
    // Entries did become orphans and stop being ones, so the counts were put to the test.
    expect(orphans).toBeGreaterThan(50);
  });
});
