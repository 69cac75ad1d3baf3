import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sectionFolders } from '../../src/lib/entries/read-glossary.ts';
import { termPagesGlob } from '../../src/lib/site/urls.ts';

describe('termPagesGlob', () => {
  it('matches /<section>/<slug>/index.html for every section', () => {
    expect(termPagesGlob(['area', 'definition', 'term'])).toBe('{area,definition,term}/*/index.html');
  });

  it('needs no braces for a single section and gives nothing for none', () => {
    expect(termPagesGlob(['definition'])).toBe('definition/*/index.html');
    expect(termPagesGlob([])).toBeUndefined();
  });
});

describe('sectionFolders', () => {
  it('lists the section folders of a site, sorted', () => {
    expect(sectionFolders(resolve(import.meta.dirname, '../fixtures/basic'))).toEqual([
      'area',
      'definition',
      'term',
    ]);
  });

  it('gives no sections for a site without a content folder', () => {
    expect(sectionFolders(join(import.meta.dirname, 'no-such-site'))).toEqual([]);
  });
});
