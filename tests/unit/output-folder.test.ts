import { describe, expect, it } from 'vitest';
import { findOutDirConflict, type BuildSources } from '../../src/lib/site/output-folder.ts';

const sources: BuildSources = {
  siteDir: '/sites/acme',
  contentDir: '/sites/acme/content',
  publicDir: '/sites/acme/public',
  configFile: '/sites/acme/glossa.config.yaml',
  projectRoot: '/opt/glossa',
};

describe('findOutDirConflict', () => {
  it.each([
    ['/sites/acme/dist'],
    ['/sites/acme/build/site'],
    ['/sites/acme/contents'],
    ['/sites/acme/public-site'],
    ['/var/www/acme'],
    ['/opt/glossa/dist'],
    ['/opt/glossa/tests/.output/basic'],
  ])('accepts %s', (outDir) => {
    expect(findOutDirConflict(outDir, sources)).toBeUndefined();
  });

  it.each([
    ['/sites/acme/content', "is the site's content/ folder, so publishing would delete its entries"],
    [
      '/sites/acme/content/out',
      "is inside the site's content/ folder, so publishing would delete its entries",
    ],
    ['/sites/acme/public', "is the site's public/ folder, so publishing would delete its files"],
    ['/sites/acme/public/site', "is inside the site's public/ folder, so publishing would delete its files"],
    ['/sites/acme', 'is the site folder itself, so publishing would delete the whole glossary'],
    ['/sites', 'contains the site folder, so publishing would delete the whole glossary'],
    ['/', 'contains the site folder, so publishing would delete the whole glossary'],
    ['/sites/acme/glossa.config.yaml', "is the site's configuration file, so publishing would delete it"],
    ['/opt/glossa', 'contains Glossa itself, so publishing would delete the program that builds the site'],
    ['/opt/glossa/src', "is inside Glossa's own src/ folder, so publishing would delete part of the program"],
    [
      '/opt/glossa/node_modules/.cache/out',
      "is inside Glossa's own node_modules/ folder, so publishing would delete part of the program",
    ],
  ])('refuses %s: it %s', (outDir, reason) => {
    expect(findOutDirConflict(outDir, sources)).toBe(reason);
  });

  it('accepts the default dist/ of a glossary that lives in the Glossa repository itself', () => {
    const own = { ...sources, siteDir: '/opt/glossa', contentDir: '/opt/glossa/content' };
    expect(
      findOutDirConflict('/opt/glossa/dist', { ...own, publicDir: '/opt/glossa/public' }),
    ).toBeUndefined();
  });
});
