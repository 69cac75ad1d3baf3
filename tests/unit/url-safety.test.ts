import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { checkBodyUrls } from '../../src/lib/markdown/check-body-urls.ts';
import { dropUnsafeUrls } from '../../src/lib/markdown/drop-unsafe-urls.ts';
import { checkUrl, urlScheme } from '../../src/lib/markdown/url-safety.ts';

/** Bodies that would publish a script link, each the way an editor (or an attacker) could write it. */
const HOSTILE_BODIES: [string, string][] = [
  ['an inline link', '[x](javascript:alert(1))'],
  ['mixed case', '[x](JaVaScRiPt:alert(1))'],
  ['a decimal character reference', '[x](&#106;avascript:alert(1))'],
  ['a hex reference for the colon', '[x](javascript&#x3a;alert(1))'],
  ['a named reference for the colon', '[x](javascript&colon;alert(1))'],
  ['an angle-bracket autolink', '<javascript:alert(1)>'],
  ['a reference definition', 'See [r].\n\n[r]: javascript:alert(1)'],
  ['an angle-bracketed destination', '[x](<javascript:alert(1)>)'],
  ['a comment-style payload', '[x](javascript://%0aalert(1))'],
  ['a tab inside the scheme', '[x](java&#x09;script:alert(1))'],
  ['a newline reference inside the scheme', '[x](java&#10;script:alert(1))'],
  ['a leading control character', '[x](&#12;javascript:alert(1))'],
  ['vbscript', '[x](vbscript:msgbox(1))'],
  ['an HTML data URL', '[x](data:text/html,<script>alert(1)</script>)'],
  ['an SVG data URL in a link', '[x](data:image/svg+xml;base64,PHN2Zz4=)'],
  ['a file URL', '[x](file:///etc/passwd)'],
  ['a linked image', '[![alt](/a.png)](javascript:alert(1))'],
  ['an image source', '![x](javascript:alert(1))'],
];

const render = async (markdown: string) => {
  const result = await markdownToHtml(markdown, { hastPlugins: [dropUnsafeUrls] });
  return typeof result === 'string' ? result : result.html;
};

describe('urlScheme', () => {
  it('reads the scheme as a browser does, after dropping edge controls, tabs and newlines', () => {
    expect(urlScheme(' \u0001java\tscr\nipt:alert(1)')).toBe('javascript');
    expect(urlScheme('HTTPS://example.org')).toBe('https');
    expect(urlScheme('/definition/gamma/')).toBeUndefined();
    expect(urlScheme('gamma.md#x:y')).toBeUndefined();
    expect(urlScheme('java%73cript:alert(1)')).toBeUndefined();
  });
});

describe('checkUrl', () => {
  it('allows the web, mail, phone and anything that resolves against the page', () => {
    for (const url of [
      'https://a.org',
      'http://a.org',
      'mailto:a@b.org',
      'tel:+4412',
      '/x/',
      '../y/',
      '#h',
      '?q=1',
      '',
    ]) {
      expect(checkUrl(url), url).toEqual({ safe: true });
    }
  });

  it('refuses every other scheme, naming it', () => {
    expect(checkUrl('JavaScript:void(0)')).toEqual({ safe: false, scheme: 'javascript' });
    expect(checkUrl('data:text/html,x')).toEqual({ safe: false, scheme: 'data' });
    expect(checkUrl('ftp://a.org')).toEqual({ safe: false, scheme: 'ftp' });
  });
});

describe('checkBodyUrls', () => {
  it.each(HOSTILE_BODIES)('refuses a script destination written as %s', (_, body) => {
    const problems = checkBodyUrls(body);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.message).toMatch(/uses the [a-z]+: scheme, which is not allowed in entries/);
  });

  it('names the destination, its scheme and where it is, with the forms that are allowed', () => {
    expect(
      checkBodyUrls('Intro.\n\nSee [r] and [x](vbscript:msgbox).\n\n[r]: javascript:alert(1)\n'),
    ).toEqual([
      {
        message:
          "link 'vbscript:msgbox' uses the vbscript: scheme, which is not allowed in entries (it could run a script or reach something readers cannot open)",
        hint: 'use an https:// address, a site path such as /section/slug/, #a-heading, mailto: or tel:',
        line: 3,
        column: 13,
      },
      {
        message:
          "link definition 'javascript:alert(1)' uses the javascript: scheme, which is not allowed in entries (it could run a script or reach something readers cannot open)",
        hint: 'use an https:// address, a site path such as /section/slug/, #a-heading, mailto: or tel:',
        line: 5,
        column: 1,
      },
    ]);
  });

  it('shows control characters in a refused destination as escapes, so the report stays one line', () => {
    expect(checkBodyUrls('[x](java&#10;script:x)')[0]?.message).toContain("'java\\u000ascript:x'");
  });

  it('accepts the destinations editors write every day', () => {
    const body = [
      '[a](https://example.org/x?y=1#z) [b](/definition/gamma/) [c](#how-it-works) [d](mailto:ed@example.org)',
      '[e](tel:+441234) <https://example.org> www.example.org ed@example.org [f](../area/vega/)',
      '![chart](/images/chart.svg) ![remote](https://example.org/a.png)',
    ].join('\n\n');
    expect(checkBodyUrls(body)).toEqual([]);
  });

  it('still points at body images with a page-relative path', () => {
    expect(checkBodyUrls('![x](images/a.svg)').map((p) => p.message)).toEqual([
      "image 'images/a.svg' has a relative path, which would point somewhere else on every page showing it",
    ]);
  });
});

describe('dropUnsafeUrls', () => {
  it.each(HOSTILE_BODIES)('renders no script destination written as %s', async (_, body) => {
    const html = await render(body);
    expect(html).not.toMatch(/(href|src)="\s*(javascript|vbscript|data|file)/i);
    expect(html).not.toMatch(/(href|src)="[^"]*&#/);
  });

  it('leaves safe links exactly as they were', async () => {
    expect(await render('[a](https://example.org/) and [b](/x/)')).toBe(
      '<p><a href="https://example.org/">a</a> and <a href="/x/">b</a></p>\n',
    );
  });
});
