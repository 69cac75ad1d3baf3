import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, listFiles, type FixtureBuild } from '../support/build-fixture.ts';

// Vite's import.meta.env.DEV follows NODE_ENV, and hosts often set NODE_ENV=development to get
// devDependencies installed; a build there must still leave drafts out.
let build: FixtureBuild;
beforeAll(() => {
  build = buildFixture('drafts', { NODE_ENV: 'development' });
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
});

describe('a glossary built with NODE_ENV=development', () => {
  it('publishes the published entry', () => {
    expect(listFiles(build.outDir)).toContain('definition/published-entry/index.html');
  });

  it('leaves the draft out of every page and output', () => {
    const files = listFiles(build.outDir).filter(
      (f) => !f.startsWith('pagefind/') && !f.startsWith('_astro/'),
    );
    expect(files.some((f) => f.startsWith('definition/unfinished-draft'))).toBe(false);
    for (const file of files.filter((f) => /\.(html|xml|json|txt|md)$/.test(f))) {
      const text = readFileSync(join(build.outDir, file), 'utf8');
      expect(text, file).not.toContain('unfinished-draft');
      expect(text, file).not.toContain('Unfinished Draft');
    }
  });
});
