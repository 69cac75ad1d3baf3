import { describe, expect, it } from 'vitest';
import { findBodyMentions } from '../../../src/lib/autolink/body-mentions.ts';
import { adviseEditors, formatEditorReport } from '../../../src/lib/autolink/editor-report.ts';
import { buildGlossary } from '../../../src/lib/graph/glossary-graph.ts';
import { makeTerm } from '../../support/make-term.ts';
import type { Term } from '../../../src/lib/entries/term.ts';
import { parseSiteConfig, type SiteConfig } from '../../../src/lib/site/site-config.ts';
import { testSite, testSiteInput } from '../../support/test-site.ts';

/**
 * The entries of `glossary` whose page the site's graph gives no way onward, and those whose
 * advice begins with `message`, as files: the two must agree.
 */
function deadEndsTwoWays(
  glossary: Term[],
  site: SiteConfig,
  message: string,
): { noWayOnward: string[]; deadEnds: string[] } {
  const { mentions } = findBodyMentions(glossary, 'en');
  const graph = buildGlossary(glossary, site, mentions);
  const noWayOnward = glossary
    .filter((term) => {
      const ways = graph.waysOnward(term);
      return [ways.related, ways.glossary, ways.linkedFrom, ways.discover].every((list) => list.length === 0);
    })
    .map((term) => term.file)
    .sort();
  const deadEnds = adviseEditors(glossary, site, new Map())
    .filter((problem) => problem.message.startsWith(message))
    .map((problem) => problem.file);
  return { noWayOnward, deadEnds };
}

/** A site whose bodies are not read for names (`mentions: explicit`). */
const explicitSite = parseSiteConfig({ ...testSiteInput, mentions: 'explicit' });

describe('adviseEditors', () => {
  const terms = [
    makeTerm('gamma', { body: 'Gamma bends delta. Convex books love it.', related: ['delta'] }),
    makeTerm('delta', { body: 'Delta moves with the spot.', related: ['gamma'] }),
    makeTerm('index', { aka: ['benchmark'], body: 'An index weighs its members.', related: ['gamma'] }),
    makeTerm('tracker', { aka: ['benchmark'], body: 'A tracker follows an index.', related: ['gamma'] }),
    makeTerm('convexity', { body: 'Convex books gain from large moves; gamma measures it.' }),
    makeTerm('vanna', { body: 'Vanna and volga are named in twos: vanna, volga.' }),
    makeTerm('volga', { body: 'Nothing here.' }),
    makeTerm('a-note', { body: 'Vanna with volga, again.' }),
    makeTerm('b-note', { body: 'Volga with vanna, once more.' }),
    makeTerm('c-note', { body: 'Vanna, then volga.' }),
    makeTerm('lonely', { body: 'Stands apart.' }),
  ];
  const advice = adviseEditors(terms, testSite, new Map());

  it('reports ambiguous names, unlinked entries with the closest bodies, dead ends and co-mentioned pairs', () => {
    expect(formatEditorReport(advice).split('\n')).toEqual([
      'Advice (names, mentions and ways onward):',
      "content/definition/a-note.md:1:1  file  no other entry mentions or links to it, in its body or front matter  (name or link it in the entries whose bodies come closest: 'b-note', 'c-note', 'vanna')",
      "content/definition/b-note.md:1:1  file  no other entry mentions or links to it, in its body or front matter  (name or link it in the entries whose bodies come closest: 'a-note', 'c-note', 'vanna')",
      "content/definition/c-note.md:1:1  file  no other entry mentions or links to it, in its body or front matter  (name or link it in the entries whose bodies come closest: 'a-note', 'b-note', 'vanna')",
      "content/definition/convexity.md:1:1  file  no other entry mentions or links to it, in its body or front matter  (name or link it in the entries whose bodies come closest: 'gamma', 'delta')",
      "content/definition/index.md:1:1  aka[0]  'benchmark' is also a name of 'tracker', so it is never linked  (give each entry its own name, or keep the alias on one of them)",
      'content/definition/lonely.md:1:1  file  no other entry mentions or links to it, in its body or front matter  (name it in the body of an entry on the same subject)',
      'content/definition/lonely.md:1:1  related  the page offers no way onward: no links, mentions, tags or categories  (list related entries or name other entries in the body)',
      "content/definition/tracker.md:1:1  aka[0]  'benchmark' is also a name of 'index', so it is never linked  (give each entry its own name, or keep the alias on one of them)",
      "content/definition/tracker.md:1:1  file  no other entry mentions or links to it, in its body or front matter  (name or link it in the entries whose bodies come closest: 'index')",
      "content/definition/vanna.md:1:1  related  other bodies often name it together with 'volga'  (consider adding it to related)",
      "content/definition/volga.md:1:1  related  other bodies often name it together with 'vanna'  (consider adding it to related)",
      '',
      '',
    ]);
  });

  it('gives only warnings, and suggests only slugs that exist', () => {
    const slugs = new Set(terms.map((t) => t.slug));
    for (const problem of advice) {
      expect(problem.severity).toBe('warning');
      for (const [, slug] of `${problem.message} ${problem.hint ?? ''}`.matchAll(/'([a-z0-9-]+)'/g)) {
        if (slug !== 'benchmark') expect(slugs.has(slug ?? '')).toBe(true);
      }
    }
  });

  it('calls a page a dead end only when it lists, names and is linked from nothing', () => {
    const deadEnds = adviseEditors(
      [
        makeTerm('solo', { body: 'Plain words.', related: ['other'] }),
        makeTerm('other', { body: 'More plain words.' }),
        makeTerm('alone', { body: 'Quiet text.' }),
      ],
      testSite,
      new Map(),
    ).filter((problem) => problem.message.startsWith('the page offers no way onward'));
    expect(deadEnds.map((problem) => problem.file)).toEqual(['content/definition/alone.md']);
  });

  it("calls a page a dead end exactly when the site's graph gives it no way onward", () => {
    const glossary = [
      makeTerm('tagged', { body: 'Plain words.', tags: ['Greeks'] }),
      makeTerm('tag-mate', { body: 'Other plain words.', tags: ['greeks'] }),
      makeTerm('lone-tag', { body: 'Quiet.', tags: ['Solitary'] }),
      makeTerm('filed', { body: 'Quiet again.', categories: ['Risk'] }),
      makeTerm('filed-too', { body: 'Still quiet.', categories: ['Risk'] }),
      makeTerm('lister', { body: 'Says little.', mentions: ['target'] }),
      makeTerm('target', { body: 'Says nothing.' }),
      makeTerm('namer', { body: 'It reads the hermit closely.' }),
      makeTerm('hermit', { body: 'Silent.' }),
      makeTerm('island', { body: 'Empty of names.', categories: ['Lonely'] }),
      makeTerm('self-ref', { body: 'Alone.', mentions: ['self-ref'] }),
    ];
    const { noWayOnward, deadEnds } = deadEndsTwoWays(glossary, testSite, 'the page offers no way onward');
    expect(deadEnds).toEqual(noWayOnward);
    expect(deadEnds).toEqual([
      'content/definition/island.md',
      'content/definition/lone-tag.md',
      'content/definition/self-ref.md',
    ]);
  });

  it("under mentions: explicit, counts only front matter and the editor's links, and names no shared name", () => {
    const glossary = [
      makeTerm('gamma', { body: 'Gamma bends [delta](/definition/delta/).', tags: ['Greeks'] }),
      makeTerm('delta', { body: 'Delta moves with the spot; gamma bends it.', tags: ['greeks'] }),
      makeTerm('index', { aka: ['benchmark'], body: 'An index weighs its members.', mentions: ['tracker'] }),
      makeTerm('tracker', { aka: ['benchmark'], body: 'A tracker follows an index.' }),
    ];
    const lines = formatEditorReport(adviseEditors(glossary, explicitSite, new Map())).split('\n');
    expect(lines).toEqual([
      'Advice (names, mentions and ways onward):',
      "content/definition/gamma.md:1:1  file  no other entry mentions or links to it, in its body or front matter  (link to it, or list it in mentions, in the entries whose bodies come closest: 'delta')",
      "content/definition/index.md:1:1  file  no other entry mentions or links to it, in its body or front matter  (link to it, or list it in mentions, in the entries whose bodies come closest: 'tracker')",
      '',
      '',
    ]);
    // The same glossary read for names: 'gamma' is named in delta's body, and 'benchmark' is shared.
    const byNames = formatEditorReport(adviseEditors(glossary, testSite, new Map()));
    expect(byNames).toContain("'benchmark' is also a name of 'tracker'");
    expect(byNames).not.toContain('gamma.md:1:1  file');
  });

  it("under mentions: explicit, calls a page a dead end exactly when the site's graph gives it no way onward", () => {
    const glossary = [
      makeTerm('linker', { body: 'See [the hermit](/definition/hermit/), and the namer too.' }),
      makeTerm('hermit', { body: 'Silent.' }),
      makeTerm('namer', { body: 'It reads the hermit closely.' }),
      makeTerm('lister', { body: 'Says little.', mentions: ['target'] }),
      makeTerm('target', { body: 'Says nothing.' }),
      makeTerm('island', { body: 'Empty of names.', categories: ['Lonely'] }),
    ];
    const { noWayOnward, deadEnds } = deadEndsTwoWays(glossary, explicitSite, 'the page lists no way onward');
    expect(deadEnds).toEqual(noWayOnward);
    // The linker's body links on, but with no names read nothing is listed under it.
    expect(deadEnds).toEqual([
      'content/definition/island.md',
      'content/definition/linker.md',
      'content/definition/namer.md',
    ]);
  });
});
