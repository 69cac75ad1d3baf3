import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEntryFile } from '../../src/lib/entries/entry-file.ts';
import { GlossaryError, formatProblem } from '../../src/lib/checks/problems.ts';
import { loadSiteConfig, parseSiteConfig } from '../../src/lib/site/site-config.ts';
import { testSiteInput } from '../support/test-site.ts';

const FILE = 'content/definition/gamma.md';
const problemsOf = (yaml: string) =>
  parseEntryFile(FILE, `---\n${yaml}\n---\n\nBody.\n`).problems.map(formatProblem);
const configProblems = (over: Record<string, unknown>) => {
  try {
    parseSiteConfig({ ...testSiteInput, ...over });
    return [];
  } catch (error) {
    return (error as GlossaryError).problems.map(formatProblem);
  }
};

describe('front matter YAML that attacks the parser', () => {
  it('refuses an unknown tag with its line and column, not a bare ReferenceError', () => {
    expect(problemsOf('title: !foo x\nsummary: s')).toEqual([
      `${FILE}:2:8  front matter  is not valid YAML: Unresolved tag: !foo  (quote the value: a leading ! marks a YAML tag, e.g. title: "!important")`,
    ]);
  });

  it('refuses an alias bomb at its first alias, before anything expands', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 8 }, (_, i) => {
        const prev = String.fromCharCode(97 + i);
        const next = String.fromCharCode(98 + i);
        return `${next}: &${next} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`;
      }),
      'title: !foo *i',
    ].join('\n');
    const problems = problemsOf(bomb);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${FILE}:\\d+:\\d+  front matter  `));
  });

  it('refuses a plain alias, which entries have no use for', () => {
    expect(problemsOf('title: &t Gamma\naka: [*t]')).toEqual([
      `${FILE}:3:7  front matter  uses the YAML alias *t, which entries do not allow  (write the value out in full, or quote it if * is part of the text)`,
    ]);
  });

  it('reads ampersands, asterisks and exclamation marks inside text as text', () => {
    const parsed = parseEntryFile(
      FILE,
      '---\ntitle: AT&T and R&D\nsummary: A *bold* claim! Really & truly\n---\n\nBody.\n',
    );
    expect(parsed.entry?.data).toEqual({ title: 'AT&T and R&D', summary: 'A *bold* claim! Really & truly' });
  });
});

describe('site configuration values that used to fail only inside the build', () => {
  it.each([
    ['+99:99', 'timezone'],
    ['+15:00', 'timezone'],
    ['+05:60', 'timezone'],
  ])('refuses timezone %s, naming the field', (timezone) => {
    expect(configProblems({ timezone })).toEqual([
      'glossa.config.yaml  timezone  must be an offset from -14:00 to +14:00 such as +00:00 or -05:00',
    ]);
  });

  it('accepts the real extremes and half-hour offsets', () => {
    for (const timezone of ['+14:00', '-12:00', '+05:30', '+05:45', '-00:00'])
      expect(configProblems({ timezone })).toEqual([]);
  });

  it.each(['en-GBXXXXXXXXXX', 'en_GB', 'EN', 'e'])('refuses the malformed locale %s', (locale) => {
    expect(configProblems({ locale })).toEqual([
      'glossa.config.yaml  locale  must be a language tag such as en or en-GB',
    ]);
  });

  it.each([
    ['https://example.org/?utm=1', 'must not have a query (?…): page paths are appended to it'],
    ['https://example.org/#top', 'must not have a fragment (#…): page paths are appended to it'],
    ['https://admin:secret@example.org/', 'must not contain a user name or password'],
    ['https://example.org/\nevil', 'must not contain spaces, newlines or control characters'],
    ['https://exa mple.org/', 'must not contain spaces, newlines or control characters'],
  ])('refuses the site url %j', (url, message) => {
    expect(configProblems({ url })).toEqual([`glossa.config.yaml  url  ${message}`]);
  });

  it('accepts a site served from a sub-folder', () => {
    expect(parseSiteConfig({ ...testSiteInput, url: 'https://example.org/glossary/' }).url).toBe(
      'https://example.org/glossary',
    );
  });

  it('names the configuration file and line when its YAML is an alias bomb', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glossa-config-'));
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 6; i++)
      lines.push(`${'bcdefg'[i]}: &${'bcdefg'[i]} [${Array(10).fill(`*${'abcdef'[i]}`).join(', ')}]`);
    writeFileSync(join(dir, 'glossa.config.yaml'), `${lines.join('\n')}\nname: x\n`);
    expect(() => loadSiteConfig(dir)).toThrow(GlossaryError);
    try {
      loadSiteConfig(dir);
    } catch (error) {
      expect((error as GlossaryError).problems.map(formatProblem)[0]).toMatch(
        /^glossa\.config\.yaml( |:).*\(file\) {2}is not valid YAML: /,
      );
    }
  });
});
