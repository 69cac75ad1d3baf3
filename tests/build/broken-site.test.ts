import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFixture } from '../support/build-fixture.ts';

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
