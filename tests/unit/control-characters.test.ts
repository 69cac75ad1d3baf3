import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { stripXmlForbidden } from '../../src/lib/checks/control-characters.ts';
import { buildGlossary } from '../../src/lib/graph/glossary-graph.ts';
import { buildFeed, toRssOptions } from '../../src/lib/outputs/feed-items.ts';
import { formatProblem } from '../../src/lib/checks/problems.ts';
import { validateGlossary } from '../../src/lib/checks/validate-glossary.ts';
import { makeTerm } from '../support/make-term.ts';
import { testSite } from '../support/test-site.ts';

const FILE = 'content/definition/gamma.md';
const SUMMARY = 'Gamma is how fast delta changes as the underlying price moves.';
const report = (fields: string) =>
  validateGlossary([{ path: FILE, text: `---\n${fields}\n---\n\nBody.\n` }], testSite).problems.map(
    formatProblem,
  );

describe('control characters in editor text', () => {
  it.each([
    ['a NUL in the title', `title: "Gam\\0ma"\nsummary: ${SUMMARY}`, '2:1  title', 'U+0000 at character 4'],
    [
      'U+0001 in the title',
      `title: "Gam\\x01ma"\nsummary: ${SUMMARY}`,
      '2:1  title',
      'U+0001 at character 4',
    ],
    ['a tab in the title', `title: "Gam\\tma"\nsummary: ${SUMMARY}`, '2:1  title', 'U+0009 at character 4'],
    [
      'an escape in the summary',
      `title: Gamma\nsummary: "Gamma is how fast \\e[31mdelta changes as the price moves."`,
      '3:1  summary',
      'U+001B at character 19',
    ],
    [
      'a C1 control in a tag',
      `title: Gamma\nsummary: ${SUMMARY}\ntags: ["hedg\\x85ing"]`,
      '4:1  tags[0]',
      'U+0085 at character 5',
    ],
    [
      'a backspace in an aka',
      `title: Gamma\nsummary: ${SUMMARY}\naka: ["G\\bamma"]`,
      '4:1  aka[0]',
      'U+0008 at character 2',
    ],
    [
      'a form feed in a category',
      `title: Gamma\nsummary: ${SUMMARY}\ncategories: ["Gr\\feeks"]`,
      '4:1  categories[0]',
      'U+000C at character 3',
    ],
    [
      'DEL in the keyword',
      `title: Gamma\nsummary: ${SUMMARY}\nkeyword: "Mech\\x7Fanism"`,
      '4:1  keyword',
      'U+007F at character 5',
    ],
  ])('refuses %s, saying which character and where', (_name, fields, where, found) => {
    expect(report(`${fields}\npublished: 2026-03-15`)).toEqual([
      `${FILE}:${where}  must not contain control characters (found ${found}); retype the text or paste it as plain text`,
    ]);
  });

  it('strips what XML 1.0 forbids from every feed value as a second line of defence', () => {
    const glossary = buildGlossary(
      [
        makeTerm('gamma', {
          title: 'Gam\u0000ma\u0001',
          summary: 'S\u001fummary \ud800x',
          categories: ['C\u000bat'],
        }),
      ],
      testSite,
    );
    const options = toRssOptions(buildFeed(testSite, glossary));
    expect(options.items[0]).toMatchObject({ title: 'Gamma', description: 'Summary x', categories: ['Cat'] });
    expect(SyntaxValidator.validate(`<t>${stripXmlForbidden('a\u0000b\u0008c\td\ne\uffff😀')}</t>`)).toBe(
      true,
    );
    expect(stripXmlForbidden('tab\tand\nnewline, emoji 😀 and é stay')).toBe(
      'tab\tand\nnewline, emoji 😀 and é stay',
    );
  });
});
