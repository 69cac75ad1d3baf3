import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, readPage, type FixtureBuild } from '../support/build-fixture.ts';

let build: FixtureBuild;
beforeAll(() => {
  build = buildFixture('social-cards', {}, 'browse-letters');
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
}, 120_000);

describe('the letter bars', () => {
  it('on the home page link each letter with entries to its group on the A–Z page, and no other', () => {
    const bar = readPage(build.outDir, '/').querySelector('nav[aria-label="Browse A–Z by letter"]');
    const links = bar?.querySelectorAll('a').map((a) => [a.text, a.getAttribute('href')]);
    expect(links).toEqual([
      ['D', '/docs/glossary/a-z/#letter-d'],
      ['G', '/docs/glossary/a-z/#letter-g'],
      ['O', '/docs/glossary/a-z/#letter-o'],
    ]);
    expect(bar?.querySelectorAll('span[aria-disabled="true"]')).toHaveLength(27 - 3);
    const az = readPage(build.outDir, '/a-z/');
    for (const [, href] of links ?? [])
      expect(az.getElementById(href?.split('#')[1] ?? '')?.tagName).toBe('H2');
  });

  it('on the A–Z page end every letter group with a link back to the top of the content', () => {
    const az = readPage(build.outDir, '/a-z/');
    const groups = az.querySelectorAll('.letter-group');
    expect(groups).toHaveLength(3);
    for (const group of groups) {
      expect(group.querySelector('.back-to-top a')?.getAttribute('href')).toBe('#main');
    }
    expect(az.getElementById('main')?.tagName).toBe('MAIN');
  });
});
