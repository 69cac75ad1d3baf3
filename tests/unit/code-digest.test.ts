import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossaCodeDigest } from '../../src/integration/code-digest.ts';
import { installedVersion } from '../../src/lib/packages/installed-version.ts';

const manifest = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { version: string };

describe('glossaCodeDigest', () => {
  it('is one hex digest per process', () => {
    expect(glossaCodeDigest()).toMatch(/^[0-9a-f]{64}$/);
    expect(glossaCodeDigest()).toBe(glossaCodeDigest());
  });
});

describe('installedVersion', () => {
  it('reads the version of a package with an entry point, and of one without (a font)', () => {
    expect(installedVersion('satteri')).toBe(manifest('node_modules/satteri/package.json').version);
    expect(installedVersion('@fontsource/inter')).toBe(
      manifest('node_modules/@fontsource/inter/package.json').version,
    );
  });

  it('is empty for a package that is not installed', () => {
    expect(installedVersion('no-such-package-for-glossa')).toBe('');
  });
});
