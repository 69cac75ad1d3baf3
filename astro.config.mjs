// @ts-check
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { draftsInDevOnly } from './src/integrations/drafts-in-dev-only.ts';
import { contentStoreFromDisk } from './src/integrations/content-store-from-disk.ts';
import { markdownCopies } from './src/integrations/markdown-copies.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { bodyHeadings } from './src/lib/markdown/body-headings.ts';
import { dropUnsafeUrls } from './src/lib/markdown/drop-unsafe-urls.ts';
import { escapeRawHtml } from './src/lib/markdown/escape-raw-html.ts';
import { labelTaskCheckboxes } from './src/lib/markdown/label-task-checkboxes.ts';
import { unindexFootnotes } from './src/lib/markdown/unindex-footnotes.ts';
import { GLOSSARY_JSON_PATH } from './src/lib/outputs/glossary-json.ts';
import { buildLastmodIndex, isSitemapPage } from './src/lib/outputs/sitemap-lastmod.ts';
import { sectionFolders } from './src/lib/read-glossary.ts';
import { loadSiteConfig } from './src/lib/site-config.ts';
import { termPagesGlob } from './src/lib/urls.ts';
import { siteDir } from './src/site-dir.ts';

const site = loadSiteConfig(siteDir);
const isDefaultSite = siteDir === resolve('.');
const outDir = process.env.GLOSSA_OUT_DIR ?? 'dist';
// Each glossary (and each output folder of it) gets its own cache so test builds running side
// by side never read or write each other's content store.
const cacheKey = createHash('sha256').update(`${siteDir}\0${outDir}`).digest('hex').slice(0, 12);

/** @type {Map<string, string> | undefined} */
let lastmodIndex;
/**
 * Sitemap lastmod dates come from the built /glossary.json (the sitemap is written after every
 * page), so they are the dates the pages' JSON-LD carries, read once.
 * @param {string} url
 */
function lastmodOf(url) {
  if (!lastmodIndex) {
    const data = JSON.parse(readFileSync(resolve(outDir, `.${GLOSSARY_JSON_PATH}`), 'utf8'));
    lastmodIndex = buildLastmodIndex(site.url, data.terms);
  }
  return lastmodIndex.get(url);
}

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One shared stylesheet file, cached across pages, instead of the same CSS inlined in each page.
    inlineStylesheets: 'never',
    // Renders the next pages while earlier ones are written: a page's mkdir and write otherwise
    // leave the main thread idle about half the time. 10,000 entries: 11 s of rendering → 7.9 s.
    concurrency: 4,
  },
  outDir,
  publicDir: resolve(siteDir, 'public'),
  cacheDir: isDefaultSite ? 'node_modules/.astro' : `node_modules/.astro/site-${cacheKey}`,
  devToolbar: { enabled: false },
  vite: {
    server: {
      // Benchmarks and build tests write tens of thousands of files inside the project; watching
      // them would exhaust the system's file watchers and slow `npm run dev` for nothing.
      watch: { ignored: ['**/bench/.work/**', '**/tests/.output/**', '**/.glossa-tmp/**', '**/dist/**'] },
    },
  },
  integrations: [
    draftsInDevOnly(),
    contentStoreFromDisk(),
    markdownCopies(),
    pagefind({ glob: termPagesGlob(sectionFolders(siteDir)) }),
    sitemap({
      filter: isSitemapPage,
      serialize: (item) => {
        const lastmod = lastmodOf(item.url);
        return lastmod ? { ...item, lastmod } : item;
      },
    }),
  ],
  markdown: {
    syntaxHighlight: false,
    // Sätteri, Astro's native Markdown engine, with GitHub-flavoured Markdown built in (tables,
    // footnotes, strikethrough, task lists, autolinks). It replaced unified + remark-gfm: at 10,000
    // entries Markdown took 21.7 s that way against 3.3 s here (bench/results). Raw HTML in entries
    // is shown as text, so editors' Markdown can never add markup or scripts to a page.
    processor: satteri({
      hastPlugins: [escapeRawHtml, dropUnsafeUrls, bodyHeadings, labelTaskCheckboxes, unindexFootnotes],
    }),
  },
});
