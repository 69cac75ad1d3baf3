import { describe, expect, it } from 'vitest';
import { BODY_LIMITS, checkBodyLimits, formatSize } from '../../src/lib/markdown/body-limits.ts';
import { collectBodyUrls } from '../../src/lib/markdown/body-urls.ts';
import { absolutizeBody } from '../../src/lib/outputs/markdown-copy.ts';
import { formatProblem } from '../../src/lib/checks/problems.ts';
import { validateGlossary } from '../../src/lib/checks/validate-glossary.ts';
import { testSite } from '../support/test-site.ts';

const FRONT =
  'title: Big\nsummary: Big is an entry used only to test the bounds on entry bodies.\npublished: 2026-03-15';
const report = (body: string) =>
  validateGlossary([{ path: 'content/definition/big.md', text: `---\n${FRONT}\n---\n\n${body}\n` }], testSite)
    .problems.filter((p) => p.severity === 'error')
    .map(formatProblem);

describe('checkBodyLimits', () => {
  it('refuses a body over 1 MB, saying how big it is and what the limit is', () => {
    expect(report('word '.repeat(420_000))).toEqual([
      'content/definition/big.md:6:1  body  is 2.1 MB; the limit is 1 MB  (split the entry into several entries that link to each other)',
    ]);
  });

  it('refuses a paragraph with thousands of character references, which the parser handles in quadratic memory', () => {
    const problems = report(`Intro.\n\n${'a &amp; b '.repeat(40_000)}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      'content/definition/big.md:9:1  body  has a paragraph with 40,000 character references such as &amp;; the limit is 1,000 per paragraph',
    );
  });

  it('counts references per paragraph, so many short paragraphs with a few each are fine', () => {
    expect(
      checkBodyLimits(Array.from({ length: 200 }, () => 'AT&amp;T and R&amp;D '.repeat(50)).join('\n\n')),
    ).toEqual([]);
  });

  it('refuses blockquotes nested 10,000 deep, pointing at the line', () => {
    expect(report(`Intro.\n\n${'> '.repeat(10_000)}x`)).toEqual([
      'content/definition/big.md:9:1  body  nests blockquotes and lists 10,000 levels deep; the limit is 32  (flatten the structure: few readers can follow more than three or four levels)',
    ]);
  });

  it('refuses lists nested past the limit, counting a level per two columns of indentation', () => {
    const list = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
    expect(checkBodyLimits(list).map((p) => p.message)).toEqual([
      'nests blockquotes and lists 40 levels deep; the limit is 32',
    ]);
  });

  it('accepts ordinary nesting and ignores what sits inside fenced code', () => {
    const body = `> quote\n> > reply\n\n- a\n  - b\n    - c\n\n\`\`\`\n${'> '.repeat(100)}\n\`\`\`\n`;
    expect(checkBodyLimits(body)).toEqual([]);
  });

  it('keeps the default bounds far above what an entry needs', () => {
    expect(BODY_LIMITS).toEqual({ maxBytes: 1_000_000, maxReferencesPerParagraph: 1_000, maxDepth: 32 });
    expect([formatSize(2_100_000), formatSize(1_000_000), formatSize(900_400), formatSize(12)]).toEqual([
      '2.1 MB',
      '1 MB',
      '900 KB',
      '12 bytes',
    ]);
  });
});

describe('walking a deeply nested body', () => {
  const deep = `${'> '.repeat(10_000)}[x](/a/) ![i](/i.png)`;

  it('collects its links without overflowing the call stack', () => {
    expect(collectBodyUrls(deep).map((u) => u.url)).toEqual(['/a/', '/i.png']);
  });

  it('writes its Markdown copy without overflowing the call stack', () => {
    expect(absolutizeBody(deep, 'https://example.org/d/x/')).toContain('[x](https://example.org/a/)');
  });
});

describe('the Markdown copy of a link whose title holds "]("', () => {
  it('makes the link absolute and leaves the title exactly as written', () => {
    const body = 'See [gamma](../gamma/ "go ](../gamma/ now") and ![i](/i.png "x](y").\n\n[r]: ../z/ "t](u"';
    expect(absolutizeBody(body, 'https://example.org/d/x/')).toBe(
      'See [gamma](https://example.org/d/gamma/ "go ](../gamma/ now") and ![i](https://example.org/i.png "x](y").\n\n[r]: https://example.org/d/z/ "t](u"',
    );
  });
});
