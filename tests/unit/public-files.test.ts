import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/checks/problems.ts';
import { checkPublicFiles } from '../../src/lib/checks/public-files.ts';

const SITE = { sections: ['definition'], terms: [{ section: 'definition', slug: 'gamma' }] };
const svgProblems = (text: string) =>
  checkPublicFiles(new Set(['/images/x.svg']), [{ path: '/images/x.svg', text }], SITE).map(formatProblem);

describe('checkPublicFiles', () => {
  it.each([
    ['<svg>\n  <script>alert(1)</script>\n</svg>', '2:3', 'a <script> element'],
    ['<svg onload="alert(1)">\n</svg>', '1:6', 'an event-handler attribute'],
    [
      '<svg>\n<a href="javascript:alert(1)"><text>x</text></a></svg>',
      '2:4',
      'a script link (javascript:, vbscript: or data:)',
    ],
    [
      '<svg><a xlink:href=" JavaScript:alert(1)">x</a></svg>',
      '1:15',
      'a script link (javascript:, vbscript: or data:)',
    ],
    ['<svg>\n\n<foreignObject><div>x</div></foreignObject></svg>', '3:1', 'a <foreignObject> element'],
  ])('refuses an SVG with script: %j', (text, where, what) => {
    expect(svgProblems(text)).toEqual([
      `public/images/x.svg:${where}  file  contains ${what}, which runs in the site's origin when the SVG is opened  (remove it: an illustration needs no script (export the SVG again as plain shapes))`,
    ]);
  });

  it('accepts a plain illustration, including words like "online" and "onset" in its text', () => {
    expect(
      svgProblems(
        '<svg viewBox="0 0 10 10"><title>online onset</title><a href="/definition/gamma/"><path d="M0 0"/></a></svg>',
      ),
    ).toEqual([]);
  });

  it.each([
    '/definition/gamma/index.html',
    '/definition/gamma.md',
    '/glossary.json',
    '/rss.xml',
    '/definition/rss.xml',
    '/index.html',
    '/tags/x/index.html',
    '/_astro/a.js',
    '/pagefind/pagefind.js',
    '/sitemap-index.xml',
  ])('refuses %s, which the build also generates', (path) => {
    expect(checkPublicFiles(new Set([path]), [], SITE).map(formatProblem)).toEqual([
      `public${path}:1:1  file  has the same path as a page or file the build generates (${path})  (rename or move it: one of the two would silently replace the other)`,
    ]);
  });

  it('accepts files beside the generated ones', () => {
    expect(
      checkPublicFiles(
        new Set(['/images/gamma.svg', '/definition/gamma.png', '/favicon.svg', '/tags.txt']),
        [],
        SITE,
      ),
    ).toEqual([]);
  });
});
