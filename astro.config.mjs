// @ts-check
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { pagefind } from './src/integrations/pagefind.ts';
import { markdownSanitizeSchema } from './src/lib/markdown-sanitize.ts';
import { loadSiteConfig } from './src/lib/site-config.ts';
import { siteDir } from './src/site-dir.ts';

const site = loadSiteConfig(siteDir);
const isDefaultSite = siteDir === resolve('.');
// Each glossary (and each output of it) gets its own cache so test builds running in parallel
// never read or write each other's content store.
const cacheKey = createHash('sha256')
  .update(`${siteDir}\0${process.env.GLOSSA_OUT_DIR ?? ''}`)
  .digest('hex')
  .slice(0, 12);

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.GLOSSA_OUT_DIR ?? 'dist',
  publicDir: resolve(siteDir, 'public'),
  cacheDir: isDefaultSite ? 'node_modules/.astro' : `node_modules/.astro/site-${cacheKey}`,
  devToolbar: { enabled: false },
  integrations: [pagefind()],
  markdown: {
    syntaxHighlight: false,
    // GitHub-flavoured Markdown, sanitized the way GitHub does it: editors' raw HTML may format
    // text but can never add scripts, event handlers or styles to a page.
    processor: unified({
      remarkPlugins: [remarkGfm],
      rehypePlugins: [[rehypeSanitize, markdownSanitizeSchema]],
    }),
  },
});
