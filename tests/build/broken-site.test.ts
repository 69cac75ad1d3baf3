import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixture, buildSite, buildSiteFolder } from '../support/build-fixture.ts';
import { copyFixture } from '../support/run-script.ts';

describe('building a glossary with broken entries', () => {
  it('fails with every problem named by file, line and field, and writes no site', () => {
    const build = buildFixture('broken');
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('The glossary has 3 problems:');
    expect(build.output).toContain(
      "content/definition/gamma.md:5:1  related[0]  'dleta' is not an entry in this glossary  (did you mean 'delta'?)",
    );
    expect(build.output).toContain(
      'content/definition/delta.md:4:1  published  must be a real date written as YYYY-MM-DD, e.g. 2026-03-15',
    );
    expect(build.output).toContain('content/definition/vega.md:1:1  title  is required');
    expect(existsSync(`${build.outDir}/index.html`)).toBe(false);
  });
});

describe('warnings in a build', () => {
  const withWarning = (strict: boolean) => {
    const site = copyFixture('basic');
    writeFileSync(
      join(site, 'content/term/short.md'),
      '---\ntitle: Short\nsummary: Too short to define it.\npublished: 2026-03-15\n---\n\nA body.\n',
    );
    if (strict) {
      const config = join(site, 'glossa.config.yaml');
      writeFileSync(config, `${readFileSync(config, 'utf8')}strict: true\n`);
    }
    return site;
  };

  it('are printed and never stop a build', () => {
    const site = withWarning(false);
    try {
      const build = buildSite(site, 'warnings-printed', {}, { log: true });
      expect(build.status).toBe(0);
      expect(build.output).toContain(
        'content/term/short.md:3:1  summary  should be at least 40 characters (one full sentence)',
      );
      expect(existsSync(`${build.outDir}/term/short/index.html`)).toBe(true);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });

  it('fail the build under strict: true, listed like errors, before anything is published', () => {
    const site = withWarning(true);
    try {
      const build = buildSiteFolder(site, 'warnings-strict');
      expect(build.status).not.toBe(0);
      expect(build.output).toContain(
        'The glossary has 4 problems (warnings count, since glossa.config.yaml sets strict: true):',
      );
      expect(build.output).toContain(
        '  content/term/short.md:3:1  summary  should be at least 40 characters (one full sentence)',
      );
      expect(existsSync(`${build.outDir}/index.html`)).toBe(false);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
