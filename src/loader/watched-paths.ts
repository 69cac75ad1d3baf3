import { resolve, sep } from 'node:path';
import { SCHEMA_FILE } from '../lib/entries/schema-extension.ts';
import { SITE_CONFIG_FILE } from '../lib/site/site-config.ts';

/**
 * Folders that benchmarks, build tests and builds fill with tens of thousands of files. Watching
 * them would exhaust the system's file watchers and slow the live preview, so the dev server
 * skips them wherever they are, except for a glossary being previewed from inside one.
 */
const BUSY_FOLDERS = /(?:^|\/)(?:bench\/\.work|tests\/\.output|\.glossa-tmp|dist)(?:\/|$)/;

/**
 * The paths of a glossary the live preview re-reads when they change: its entries, its public
 * files (adding a missing image must clear its `image.src` error), its configuration and its
 * schema extension.
 */
export function glossarySources(siteDir: string): string[] {
  return ['content', 'public', SITE_CONFIG_FILE, SCHEMA_FILE].map((name) => resolve(siteDir, name));
}

/**
 * Whether a changed path (absolute) is one of the glossary's sources, or inside one: a test for
 * one glossary, its sources resolved once. The watcher asks about every path it scans, 50,000
 * and more on a large glossary, and resolving four paths each time cost half a second of a save.
 */
export function glossarySourceTest(siteDir: string): (path: string) => boolean {
  const sources = glossarySources(siteDir);
  const folders = sources.map((source) => `${source}${sep}`);
  return (path) => sources.includes(path) || folders.some((folder) => path.startsWith(folder));
}

/**
 * The dev server's watcher filter (Vite's `server.watch.ignored`): busy folders are skipped, but
 * never the sources of the glossary being previewed, so a glossary under `bench/.work/` (where
 * the benchmark writes it) is watched like one anywhere else. Its entries (`content/`) are the
 * exception: the loader watches them itself (content-watcher.ts), at a fraction of the cost.
 */
export function createWatchFilter(siteDir: string): (path: string) => boolean {
  const isSource = glossarySourceTest(siteDir);
  const content = resolve(siteDir, 'content');
  const inContent = `${content}${sep}`;
  const slashed = sep === '/' ? (path: string) => path : (path: string) => path.split(sep).join('/');
  return (path) =>
    path === content || path.startsWith(inContent) || (BUSY_FOLDERS.test(slashed(path)) && !isSource(path));
}
