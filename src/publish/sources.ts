import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BuildSources } from '../lib/site/output-folder.ts';
import { SITE_CONFIG_FILE } from '../lib/site/site-config.ts';

/**
 * An absolute path with every symbolic link in it followed, for a path that may not exist yet:
 * the longest part that exists is resolved and the rest appended, so `alias/out` where `alias`
 * links to `content/` compares equal to `content/out`.
 */
export function resolveReal(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(resolveReal(parent), basename(absolute));
  }
}

/** What a build of the glossary in `siteDir` by the Glossa repository at `projectRoot` reads. */
export function buildSourcesOf(siteDir: string, projectRoot: string): BuildSources {
  return {
    siteDir: resolveReal(siteDir),
    contentDir: resolveReal(join(siteDir, 'content')),
    publicDir: resolveReal(join(siteDir, 'public')),
    configFile: resolveReal(join(siteDir, SITE_CONFIG_FILE)),
    projectRoot: resolveReal(projectRoot),
  };
}
