import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEnv, readPage } from '../support/build-fixture.ts';
import { root } from '../support/run-script.ts';

// A host site with its own security.csp (SHA-384) and the cooking glossary under /glossary/.
const outDir = join(root, 'tests/.output/host-site-csp');

beforeAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  const build = spawnSync(
    join(root, 'node_modules/.bin/astro'),
    ['build', '--root', join(root, 'tests/fixtures/host-site-csp')],
    { cwd: root, encoding: 'utf8', env: buildEnv({ GLOSSA_OUT_DIR: outDir }) },
  );
  if (build.status !== 0) throw new Error(`host site build failed:\n${build.stdout}\n${build.stderr}`);
});

describe("a host site's own Content-Security-Policy", () => {
  it("allows the glossary's inline loader by its hash, next to the host's own SHA-384 hashes", () => {
    const page = readPage(outDir, '/glossary/technique/braise/');
    const policy =
      page.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
    const loader = page
      .querySelectorAll('script:not([src]):not([type="application/ld+json"])')
      .find((s) => s.parentNode?.tagName !== 'TEMPLATE');
    const hash = createHash('sha256')
      .update(loader?.textContent ?? '')
      .digest('base64');
    const scriptSrc = policy.split(';').find((d) => d.trim().startsWith('script-src ')) ?? '';
    expect(scriptSrc).toContain(`'sha256-${hash}'`);
    expect(scriptSrc).toMatch(/'sha384-/);
    // The host's policy is the host's: Glossa adds no directives of its own to it.
    expect(policy).not.toContain("object-src 'none'");
  });
});
