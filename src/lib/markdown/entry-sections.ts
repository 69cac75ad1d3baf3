import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SectionOf } from './entry-links.ts';
import { sectionFolders } from '../entries/read-glossary.ts';

/** How long a scan of content/ is trusted before a slug it does not know triggers another. */
const RESCAN_AFTER_MS = 1_000;

/**
 * Finds an entry's section by its slug from the file names under `<siteDir>/content/`, for the
 * Markdown pipeline that resolves `[x](./slug.md)` links. The pipeline is built once, before the
 * content loader reads anything, so the names are read from the folder itself: one directory
 * listing per section. A slug it does not know makes it read them again (at most once a second),
 * so an entry created while `astro dev` runs is found too.
 */
export function entrySections(siteDir: string): SectionOf {
  let index = new Map<string, string>();
  let scannedAt = -Infinity;
  const scan = () => {
    const next = new Map<string, string>();
    for (const section of sectionFolders(siteDir)) {
      for (const name of readdirSync(join(siteDir, 'content', section))) {
        // The first section wins, as in validation, which reports the duplicate slug.
        if (name.endsWith('.md') && !next.has(name.slice(0, -3))) next.set(name.slice(0, -3), section);
      }
    }
    index = next;
    scannedAt = Date.now();
  };
  return (slug) => {
    if (!index.has(slug) && Date.now() - scannedAt > RESCAN_AFTER_MS) scan();
    return index.get(slug);
  };
}
