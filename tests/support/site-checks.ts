import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinkChecker } from 'linkinator';
import { listFiles } from './build-fixture.ts';
import { validateStructuredData } from './validate-structured-data.ts';

/** Broken internal links and images of a built site, as `url (from page)` lines. */
export async function findBrokenLinks(outDir: string): Promise<{ broken: string[]; checked: number }> {
  const result = await new LinkChecker().check({
    path: outDir,
    recurse: true,
    // Only the site itself is checked: there is no network, and external links are the editor's call.
    linksToSkip: ['^https?://(?!localhost|127\\.0\\.0\\.1)'],
  });
  return {
    broken: result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.url} (from ${l.parent ?? '?'})`),
    checked: result.links.length,
  };
}

/**
 * Validates the JSON-LD of every built HTML page except the 404 page against schema.org and
 * search engines' rules; returns `page: error` lines.
 */
export async function findStructuredDataErrors(
  outDir: string,
  siteUrl: string,
): Promise<{ errors: string[]; pages: number }> {
  const pages = listFiles(outDir).filter((f) => f.endsWith('.html') && f !== '404.html');
  const errors: string[] = [];
  for (const file of pages) {
    const path = `/${file.replace(/index\.html$/, '')}`;
    const found = await validateStructuredData(readFileSync(join(outDir, file), 'utf8'), `${siteUrl}${path}`);
    errors.push(...found.map((e) => `${path}: ${e}`));
  }
  return { errors, pages: pages.length };
}
