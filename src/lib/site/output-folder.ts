import { isAbsolute, join, relative, sep } from 'node:path';

/** The folders and files a build reads, as absolute paths with symbolic links resolved. */
export interface BuildSources {
  /** The glossary's folder (GLOSSA_SITE_DIR). */
  siteDir: string;
  /** Its `content/` folder, the entries. */
  contentDir: string;
  /** Its `public/` folder, copied into the output as is. */
  publicDir: string;
  /** Its `glossa.config.yaml`. */
  configFile: string;
  /** The Glossa repository that builds it (`src/`, `scripts/`, `node_modules/`). */
  projectRoot: string;
}

/**
 * Why publishing into `outDir` would destroy something the build is made from, as the end of a
 * sentence ("is inside the site's content/ folder, so publishing would delete entries"), or
 * `undefined` when it is safe. Publishing replaces the whole output folder, so the output folder
 * may be neither a source nor inside one nor around one. Paths must be absolute and resolved
 * (symbolic links followed) by the caller, so that two spellings of one folder compare equal.
 */
export function findOutDirConflict(outDir: string, sources: BuildSources): string | undefined {
  const { siteDir, contentDir, publicDir, configFile, projectRoot } = sources;
  if (outDir === siteDir) return 'is the site folder itself, so publishing would delete the whole glossary';
  if (isInside(siteDir, outDir))
    return 'contains the site folder, so publishing would delete the whole glossary';
  for (const [dir, name, what] of [
    [contentDir, 'content/', 'entries'],
    [publicDir, 'public/', 'files'],
  ] as const) {
    if (outDir === dir) return `is the site's ${name} folder, so publishing would delete its ${what}`;
    if (isInside(outDir, dir))
      return `is inside the site's ${name} folder, so publishing would delete its ${what}`;
  }
  if (outDir === configFile) return "is the site's configuration file, so publishing would delete it";
  if (outDir === projectRoot || isInside(projectRoot, outDir))
    return 'contains Glossa itself, so publishing would delete the program that builds the site';
  for (const name of ['src', 'scripts', 'node_modules', '.git']) {
    const dir = join(projectRoot, name);
    if (outDir === dir || isInside(outDir, dir))
      return `is inside Glossa's own ${name}/ folder, so publishing would delete part of the program`;
  }
  return undefined;
}

/** Whether `path` is strictly inside `dir`. */
function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
