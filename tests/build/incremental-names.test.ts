import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incrementalFixture } from '../support/incremental-fixture.ts';
import { fingerprint, readPage } from '../support/build-fixture.ts';

// A new entry's name may turn up in other bodies, which must then link to it; every other body's
// rendering is kept from the previous build (src/loader/names-digest.ts). The rebuild must still
// match a cold build of the same content in every byte.

const { siteDir, rebuiltDir, coldDir, reset, build, cleanUp } = incrementalFixture('incremental-names');

/** The loader's count of bodies it rendered, from the build's log. */
const bodiesRendered = (log: string) => /(\d+ of \d+ bodies rendered)/.exec(log)?.[1];

let firstLog: string;
let rebuildLog: string;
let againLog: string;
let rebuiltAgain: Record<string, string>;
/** The loader's count of bodies it read for the names they hold (GLOSSA_BUILD_TRACE). */
const namesLookedUp = (log: string) => /names looked up in (\d+) bodies/.exec(log)?.[1];
const trace = { GLOSSA_BUILD_TRACE: '1' };

beforeAll(() => {
  reset();
  firstLog = build(rebuiltDir);
  // The clove hitch's body says "two half hitches"; no other body holds the word "half".
  writeFileSync(
    join(siteDir, 'content/knot/half-hitch.md'),
    [
      '---',
      'title: Half Hitch',
      'summary: A half hitch is a single turn of a line round an object, trapped under itself.',
      'published: 2026-02-05',
      'categories: [Knots]',
      'tags: [hitches]',
      '---',
      '',
      'Two of them in a row make a round turn hold against a steady pull.',
      '',
    ].join('\n'),
  );
  rebuildLog = build(rebuiltDir, trace);
  build(coldDir);
}, 300_000);

afterAll(cleanUp);

describe('a rebuild after adding an entry', () => {
  it('renders the new body and the one body that names it, and no other', () => {
    expect(bodiesRendered(firstLog)).toBe('8 of 8 bodies rendered');
    expect(bodiesRendered(rebuildLog)).toBe('2 of 9 bodies rendered');
  });

  it('links the older body to the new entry', () => {
    const links = readPage(rebuiltDir, '/knot/clove-hitch/')
      .querySelector('.prose')
      ?.querySelectorAll('a[data-autolink]')
      .map((a) => `${a.textContent} → ${a.getAttribute('href')}`);
    expect(links).toEqual(['half hitches → /knot/half-hitch/']);
  });

  it('writes a dist/ byte-identical to a cold build, the new link in the older body included', () => {
    const rebuilt = fingerprint(rebuiltDir);
    const cold = fingerprint(coldDir);
    expect(Object.keys(rebuilt)).toEqual(Object.keys(cold));
    expect(Object.keys(cold).filter((path) => rebuilt[path] !== cold[path])).toEqual([]);
  });

  it('reads every body for the names it holds, since the names changed', () => {
    expect(namesLookedUp(rebuildLog)).toBe('9');
  });
});

describe('the next build, with nothing changed since', () => {
  beforeAll(() => {
    againLog = build(rebuiltDir, trace);
    rebuiltAgain = fingerprint(rebuiltDir);
  }, 300_000);

  it('reads no body for names: the seven that hold none of the new ones were kept for them', () => {
    expect(bodiesRendered(againLog)).toBe('0 of 9 bodies rendered');
    expect(namesLookedUp(againLog)).toBe('0');
    const cold = fingerprint(coldDir);
    expect(Object.keys(cold).filter((path) => rebuiltAgain[path] !== cold[path])).toEqual([]);
  });
});
