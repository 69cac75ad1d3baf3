import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedVersion } from '../lib/packages/installed-version.ts';

/**
 * The digest of the code a build's outputs come from: every module under `src/` (plugins,
 * builders, templates) and the installed version of each package Glossa depends on. What a build
 * keeps for the next one (rendered bodies, Markdown copies) is keyed on it too, so upgrading
 * Glossa or one of its libraries starts those caches afresh instead of publishing what the old
 * code made. Worked out once per process: about 300 files.
 */
export function glossaCodeDigest(): string {
  digest ??= computeDigest();
  return digest;
}
let digest: string | undefined;

const SOURCE = fileURLToPath(new URL('../', import.meta.url));
const MANIFEST = fileURLToPath(new URL('../../package.json', import.meta.url));

function computeDigest(): string {
  const hash = createHash('sha256');
  const modules = readdirSync(SOURCE, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(?:ts|astro|css)$/.test(name))
    .sort();
  for (const name of modules)
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(join(SOURCE, name)))
      .update('\0');
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { dependencies?: Record<string, string> };
  for (const name of Object.keys(manifest.dependencies ?? {}).sort()) {
    hash.update(name).update('@').update(installedVersion(name)).update('\0');
  }
  return hash.digest('hex');
}
