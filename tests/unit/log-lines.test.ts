import { describe, expect, it } from 'vitest';
import {
  closingLine,
  quietBuildLog,
  stagingPathRewriter,
  startMessage,
} from '../../src/publish/log-lines.ts';

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

describe('quietBuildLog', () => {
  const run = (lines: string[], options?: { verbose?: boolean }) => {
    const quiet = quietBuildLog(options);
    return lines.map(quiet).filter((line) => line !== undefined);
  };

  it('drops route lines, stray timings, internal notes and the copies bundle, and keeps phases', () => {
    expect(
      run([
        '11:28:09 [build] Building static entrypoints...',
        '11:28:09 [glossa:content-store-from-disk] Content store read from /x/data-store.json at render time.',
        ' generating static routes ',
        '11:28:10   ├─ /definition/gamma/index.html (+5ms) ',
        '11:28:10   ├─ /glossa-markdown-copies.json (+30ms) ',
        ' (+6ms) ',
        '11:28:10   └─ /index.html (+9ms) ',
        '11:28:10 [build] 98 page(s) built in 2.65s',
      ]),
    ).toEqual([
      '11:28:09 [build] Building static entrypoints...',
      ' generating static routes ',
      '11:28:10 [build] 98 page(s) built in 2.65s',
    ]);
  });

  it('keeps route lines with --verbose, but never the bundle that is not in the output', () => {
    expect(
      run(['12:00:00   ├─ /a/index.html (+5ms) ', '12:00:00   ├─ /glossa-markdown-copies.json (+3ms) '], {
        verbose: true,
      }),
    ).toEqual(['12:00:00   ├─ /a/index.html (+5ms) ']);
  });

  it('prints the problem list without the stack trace Astro adds under it', () => {
    expect(
      run([
        'The glossary has 1 problem:',
        '  content/definition/vega.md:1:1  title  is required',
        '  Location:',
        '    /work/main/src/loader/glossary-loader.ts:56:58',
        '  Stack trace:',
        '    at syncGlossary (/work/main/src/loader/glossary-loader.ts:56:58)',
        '',
        'Build failed: dist was left unchanged.',
      ]),
    ).toEqual([
      'The glossary has 1 problem:',
      '  content/definition/vega.md:1:1  title  is required',
      '',
      'Build failed: dist was left unchanged.',
    ]);
  });

  it('reads coloured lines as their text, and passes them on coloured', () => {
    const route = '\u001b[2m11:31:34\u001b[22m   \u001b[34m├─\u001b[31m \u001b[2m/404.html\u001b[22m';
    const phase = '\u001b[2m11:31:32\u001b[22m \u001b[34m[build]\u001b[31m Collecting build info...';
    expect(run([route, phase])).toEqual([phase]);
  });

  it('prints a warning once, however often Astro repeats it', () => {
    const warning = 'content/a.md:1:1  related  is empty (warning)';
    expect(run([`11:00:00 [WARN] ${warning}`, `11:00:02 [WARN] ${warning}`])).toEqual([
      `11:00:00 [WARN] ${warning}`,
    ]);
  });
});

describe('closingLine', () => {
  it('names what was built, where and how long it took, in words that agree', () => {
    expect(closingLine(98, 60, 'dist', 4.14)).toBe('Built 98 pages (60 entries) into dist/ in 4.1 s');
    expect(closingLine(1, 1, 'out/', 0.5)).toBe('Built 1 page (1 entry) into out/ in 0.5 s');
    expect(closingLine(10_005, 10_000, '/srv/site', 22.9)).toBe(
      'Built 10,005 pages (10,000 entries) into /srv/site/ in 22.9 s',
    );
  });
});
