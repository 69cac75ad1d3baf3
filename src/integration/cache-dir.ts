import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Astro's cache folder for one glossary published to one folder: `<astroCacheDir>/site-<hash>/`.
 * It holds the content store and the incremental build's pages, so builds of different glossaries
 * running side by side (the build tests) never share them. Keyed on the folder the build is
 * published to, not the one Astro writes: scripts/build.ts builds into a staging folder named
 * after its pid, which would give every build a new, cold cache.
 */
export function glossaryCacheDir(astroCacheDir: URL, siteDir: string, publishDir: string): URL {
  const key = createHash('sha256').update(`${siteDir}\0${publishDir}`).digest('hex').slice(0, 12);
  return new URL(`site-${key}/`, astroCacheDir);
}

/**
 * The cache folder Astro uses for a glossary built from the project at `projectRoot` with Astro's
 * default cache folder (`node_modules/.astro/`): the glossary's own one, unless the glossary is
 * the project itself. scripts/build.ts uses it; the integration knows the configured folder.
 */
export function defaultGlossaryCacheDir(projectRoot: string, siteDir: string, publishDir: string): URL {
  const astroCacheDir = pathToFileURL(join(projectRoot, 'node_modules/.astro/'));
  return siteDir === projectRoot ? astroCacheDir : glossaryCacheDir(astroCacheDir, siteDir, publishDir);
}
