import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Glossa's own manifest: packages without an entry point are looked for from here up.
const MANIFEST = fileURLToPath(new URL('../../../package.json', import.meta.url));

/**
 * The installed version of a package: from the nearest package.json above its entry point that
 * names it (not every package exports its package.json), empty when it cannot be found.
 */
export function installedVersion(name: string): string {
  let dir: string;
  try {
    dir = dirname(fileURLToPath(import.meta.resolve(name)));
  } catch {
    // No entry point (a font package, say): the package's folder, wherever npm put it.
    return versionInNodeModules(name);
  }
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === name) return manifest.version ?? '';
    } catch {
      // No package.json here: look one folder up.
    }
    const parent = dirname(dir);
    if (parent === dir) return '';
    dir = parent;
  }
}

function versionInNodeModules(name: string): string {
  for (let dir = dirname(MANIFEST); ; dir = dirname(dir)) {
    try {
      return (
        (
          JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as {
            version?: string;
          }
        ).version ?? ''
      );
    } catch {
      if (dirname(dir) === dir) return '';
    }
  }
}
