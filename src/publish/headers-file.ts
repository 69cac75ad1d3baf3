import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PART_FOLDER_NAME } from '../lib/search/index-parts.ts';
import { buildHeadersFile, type OutputListing } from '../lib/outputs/headers-file.ts';

/**
 * Writes `_headers` into a finished build, from what the build holds. A site that ships its own
 * `public/_headers` keeps it as it is: two sets of rules could set one header twice.
 * Returns whether the file was written.
 */
export function writeHeadersFile(outDir: string): boolean {
  const path = join(outDir, '_headers');
  if (existsSync(path)) return false;
  writeFileSync(path, buildHeadersFile(listOutput(outDir)));
  return true;
}

function listOutput(outDir: string): OutputListing {
  const entries = (dir: string) => {
    try {
      return readdirSync(join(outDir, dir), { withFileTypes: true });
    } catch {
      return [];
    }
  };
  const names = (dir: string, folders: boolean) =>
    entries(dir)
      .filter((entry) => entry.isDirectory() === folders)
      .map((entry) => entry.name);
  return {
    folders: names('.', true),
    astroFiles: names('_astro', false),
    pagefindFiles: names('pagefind', false),
    pagefindFolders: names('pagefind', true),
    pagefindParts: names('pagefind', true)
      .filter((name) => PART_FOLDER_NAME.test(name))
      .map((name) => ({
        name,
        files: names(`pagefind/${name}`, false),
        folders: names(`pagefind/${name}`, true),
      })),
  };
}
