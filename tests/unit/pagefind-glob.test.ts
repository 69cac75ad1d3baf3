import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { globNaming } from '../../src/integrations/pagefind.ts';

describe('the glob that names a part’s pages for Pagefind', () => {
  const pages = [
    'definition/negative-gamma/index.html',
    'definition/delta-hedge/index.html',
    'area/basis/index.html',
    'en/term/ünterminated/index.html',
    'index.html',
    'notes/index.html',
  ];

  it('groups the pages by folder and matches those pages and no other', () => {
    const glob = globNaming(pages);
    expect(glob).toBe(
      '{definition/{negative-gamma,delta-hedge}/index.html,area/basis/index.html,en/term/ünterminated/index.html,index.html,notes/index.html}',
    );
    const matches = picomatch(glob ?? '');
    for (const page of pages) expect(matches(page)).toBe(true);
    for (const other of [
      'definition/gamma/index.html',
      'definition/negative-gamma/other.html',
      'area/basis/index.htm',
      'definition/basis/index.html',
      'en/index.html',
    ])
      expect(matches(other)).toBe(false);
  });

  it('gives up where a path holds glob syntax, or the glob would be too long for Pagefind', () => {
    expect(globNaming(['definition/call{put,spread}/index.html'])).toBeUndefined();
    expect(globNaming(['definition/*/index.html'])).toBeUndefined();
    expect(globNaming(['definition/a[b]/index.html'])).toBeUndefined();
    expect(globNaming([])).toBeUndefined();
    expect(globNaming(['definition/basis/index.html'])).toBe('definition/basis/index.html');
    const many = Array.from({ length: 20_000 }, (_, i) => `definition/a-long-entry-name-${i}/index.html`);
    expect(globNaming(many)).toBeUndefined();
    expect(globNaming(many.slice(0, 6_000))?.startsWith('definition/{a-long-entry-name-0,')).toBe(true);
  });
});
