import { describe, expect, it } from 'vitest';
import { stagingPathRewriter, startMessage } from '../../src/publish/log-lines.ts';

describe('stagingPathRewriter', () => {
  const rewrite = stagingPathRewriter(
    '/srv/site/.glossa-tmp/dist-77.building',
    '/srv/site/dist',
    '/srv/site',
  );

  it('names the output folder where Astro names the staging folder, absolute or relative', () => {
    expect(rewrite('[build] directory: /srv/site/.glossa-tmp/dist-77.building/')).toBe(
      '[build] directory: /srv/site/dist/',
    );
    expect(rewrite('`sitemap-index.xml` created at `.glossa-tmp/dist-77.building`')).toBe(
      '`sitemap-index.xml` created at `dist`',
    );
    expect(rewrite('Search index written to /srv/site/.glossa-tmp/dist-77.building/pagefind.')).toBe(
      'Search index written to /srv/site/dist/pagefind.',
    );
  });

  it('leaves every other line as it is', () => {
    expect(rewrite('10:23:24 [content] Synced content')).toBe('10:23:24 [content] Synced content');
  });
});

describe('startMessage', () => {
  it('counts entries with thousands separators', () => {
    expect(startMessage(10_000)).toBe('Checking 10,000 entries…');
    expect(startMessage(1)).toBe('Checking 1 entry…');
    expect(startMessage(0)).toBe('Checking 0 entries…');
  });
});
