import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinkChecker } from 'linkinator';
import { parse } from 'node-html-parser';
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
 * Absolute links and images that point into the site itself (`https://glossary.example.org/…`)
 * but name no built file, as `url (from page)` lines. linkinator skips absolute URLs, since the
 * site is not served at its real address during tests; for a site whose whole origin Glossa
 * builds, such a URL is as broken as a relative one. `selector` narrows the elements checked.
 */
export function findBrokenSiteUrls(
  outDir: string,
  siteUrl: string,
  selector = 'a[href], img[src], link[href]',
): { broken: string[]; checked: number } {
  const broken = new Set<string>();
  let checked = 0;
  for (const file of listFiles(outDir).filter((f) => f.endsWith('.html'))) {
    const html = parse(readFileSync(join(outDir, file), 'utf8'));
    for (const element of html.querySelectorAll(selector)) {
      const url = element.getAttribute('href') ?? element.getAttribute('src') ?? '';
      const target = builtFileOf(siteUrl, url);
      if (target === undefined) continue;
      checked++;
      if (!existsSync(join(outDir, target))) broken.add(`${url} (from /${file})`);
    }
  }
  return { broken: [...broken], checked };
}

/**
 * The built file a URL of the site is served from (`https://…/a/` → `/a/index.html`), or
 * undefined for a URL on another origin.
 */
export function builtFileOf(siteUrl: string, url: string): string | undefined {
  const origin = siteUrl.replace(/\/$/, '');
  if (url !== origin && !url.startsWith(`${origin}/`)) return undefined;
  const path = decodeURIComponent(new URL(url).pathname);
  return path.endsWith('/') ? join(path, 'index.html') : path;
}

/**
 * Validates the JSON-LD of every built HTML page except the 404 page and redirect pages against schema.org and
 * search engines' rules; returns `page: error` lines.
 */
export async function findStructuredDataErrors(
  outDir: string,
  siteUrl: string,
): Promise<{ errors: string[]; pages: number }> {
  const pages = listFiles(outDir).filter((f) => f.endsWith('.html') && f !== '404.html');
  const errors: string[] = [];
  let described = 0;
  for (const file of pages) {
    const path = `/${file.replace(/index\.html$/, '')}`;
    const html = readFileSync(join(outDir, file), 'utf8');
    // A redirect page (an entry's old address) only sends readers on; search engines follow it
    // to the entry, whose page carries the structured data. Nothing to describe there.
    if (parse(html).querySelector('meta[http-equiv="refresh"]')) continue;
    described++;
    const found = await validateStructuredData(html, `${siteUrl}${path}`);
    errors.push(...found.map((e) => `${path}: ${e}`));
  }
  return { errors, pages: described };
}
