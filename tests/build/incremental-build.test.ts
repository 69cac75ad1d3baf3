import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incrementalFixture } from '../support/incremental-fixture.ts';
import { fingerprint } from '../support/build-fixture.ts';

// `astro build` twice on one glossary, an entry edited in between, against a cold build of the
// edited glossary: the rebuild must copy the pages nothing changed and match the cold build in
// every byte of dist/, search index included. The fixture has two halves that share nothing
// (rigging, knots), so an edit in one must leave the other's pages to the cache.

const { siteDir, rebuiltDir, coldDir, reset, build, cleanUp } = incrementalFixture('incremental');

/** The pages a build copied from the previous one (Astro's log marks each "(restored)"). */
function restoredPages(log: string): string[] {
  // The fixture's build has already taken out the colour codes Astro adds when CI is set.
  return [...log.matchAll(/(\/\S+) \(restored\)/g)].map((match) => match[1] ?? '').sort();
}

/** Pages built from `content/<section>/<slug>.md` (rigging and knots are the fixture's sections). */
const isTermPage = (path: string) => /^(rigging|knot)\/[^/]+\/index\.html$/.test(path);

let firstBuild: Record<string, string>;
let firstLog: string;
let rebuildLog: string;

beforeAll(() => {
  reset();
  firstLog = build(rebuiltDir);
  firstBuild = fingerprint(rebuiltDir);
  // One entry edited the way an editor would: a new sentence, a new summary, one more related entry.
  const halyard = join(siteDir, 'content/rigging/halyard.md');
  writeFileSync(
    halyard,
    readFileSync(halyard, 'utf8')
      .replace(
        'summary: A halyard is the line that hoists a sail up the mast and holds it there.',
        'summary: A halyard is the line that hoists a sail and keeps its luff taut.',
      )
      .replace('related: [mainsail]', 'related: [mainsail, boom-vang]')
      .concat('\nCoil the tail and hang it clear of the winch.\n'),
  );
  rebuildLog = build(rebuiltDir, { GLOSSA_BUILD_TRACE: '1' });
  build(coldDir);
}, 300_000);

afterAll(cleanUp);

describe('a rebuild after editing one entry', () => {
  it('checks the edited file again and takes the others’ outcomes from the last build', () => {
    expect(rebuildLog).toMatch(/; 1 files checked, \d+ reused/);
    expect(Number(/; 1 files checked, (\d+) reused/.exec(rebuildLog)?.[1])).toBeGreaterThan(5);
  });

  it('writes a dist/ byte-identical to a cold build of the same content, search index included', () => {
    const rebuilt = fingerprint(rebuiltDir);
    const cold = fingerprint(coldDir);
    expect(Object.keys(rebuilt)).toEqual(Object.keys(cold));
    expect(Object.keys(rebuilt).filter((path) => path.startsWith('pagefind/')).length).toBeGreaterThan(0);
    const differing = Object.keys(cold).filter((path) => rebuilt[path] !== cold[path]);
    expect(differing).toEqual([]);
  });

  it('indexed every part of the search index while the first build rendered its pages', () => {
    expect(firstLog).toMatch(
      /Search index written to \S+ in [\d.]+ s: 4 parts, 0 of them reused from the last build and 4 indexed while pages rendered\./,
    );
  });

  it('indexes again only the part of the search index that holds the edited article', () => {
    // The other pages that changed (Mainsail, the boom vang, the jib) changed outside their articles.
    // Its part is indexed while the pages render when Astro re-renders every page of it (here, as
    // the fixture is small), at the end otherwise.
    expect(rebuildLog).toMatch(
      /Search index written to \S+ in [\d.]+ s: 4 parts, 3 of them reused from the last build( and 1 indexed while pages rendered)?\./,
    );
    expect(
      Object.keys(fingerprint(rebuiltDir)).filter((path) =>
        /^pagefind\/part-\d+\/pagefind-entry\.json$/.test(path),
      ),
    ).toHaveLength(3);
  });

  it('renders the edited entry and the pages that show it, and copies the others', () => {
    const restored = restoredPages(rebuildLog).map((path) => path.slice(1));
    const termPages = Object.keys(fingerprint(rebuiltDir)).filter(isTermPage);
    // Mainsail lists the halyard as related; the boom vang is newly linked from it; the jib's
    // "Discover more" cards show it (same category). No knot page shows it, nor the sails tag.
    expect(termPages.filter((path) => !restored.includes(path))).toEqual([
      'rigging/boom-vang/index.html',
      'rigging/halyard/index.html',
      'rigging/jib/index.html',
      'rigging/mainsail/index.html',
    ]);
    expect(restored).toEqual([
      'categories/knots/index.html',
      'knot/bowline/index.html',
      'knot/clove-hitch/index.html',
      'knot/index.html',
      'knot/rolling-hitch/index.html',
      'knot/sheet-bend/index.html',
      'tags/bends/index.html',
      'tags/hitches/index.html',
      'tags/loops/index.html',
      'tags/sails/index.html',
    ]);
  });

  it('re-renders every term page whose HTML changed, and one more that shows the entry unchanged', () => {
    const rebuilt = fingerprint(rebuiltDir);
    const changed = Object.keys(rebuilt).filter(
      (path) => isTermPage(path) && firstBuild[path] !== rebuilt[path],
    );
    const restored = restoredPages(rebuildLog).map((path) => path.slice(1));
    const rendered = Object.keys(rebuilt).filter((path) => isTermPage(path) && !restored.includes(path));
    // A key hashes each entry a page shows as a whole: Mainsail shows only the halyard's title,
    // which stayed, so its page came out the same; rendering it again was the price of a simple key.
    expect(rendered.filter((path) => !changed.includes(path))).toEqual(['rigging/mainsail/index.html']);
    expect(changed.filter((path) => !rendered.includes(path))).toEqual([]);
  });
});
