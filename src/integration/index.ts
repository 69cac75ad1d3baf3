import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { contentStoreFromDisk } from '../integrations/content-store-from-disk.ts';
import { draftsInDevOnly } from '../integrations/drafts-in-dev-only.ts';
import { markdownCopies } from '../integrations/markdown-copies.ts';
import { redirectsFile } from '../integrations/redirects-file.ts';
import { pagefind } from '../integrations/pagefind.ts';
import { socialCardReport } from '../integrations/social-card-report.ts';
import { buildContentSecurityPolicy, hostCspAddition } from '../lib/site/content-security-policy.ts';
import { readLoader, scriptHash } from '../lib/pages/inline-loader.ts';
import { isSitemapPage } from '../lib/outputs/sitemap-lastmod.ts';
import { sectionFolders } from '../lib/entries/read-glossary.ts';
import { loadSiteConfig } from '../lib/site/site-config.ts';
import { joinRoot, termPagesGlob } from '../lib/site/urls.ts';
import { glossaryCacheDir } from './cache-dir.ts';
import { glossaCodeDigest } from './code-digest.ts';
import { showPreviewErrors } from './dev-errors.ts';
import { copyPublicFiles, servePublicFiles } from './public-files.ts';
import { createWatchFilter } from '../loader/watched-paths.ts';
import { glossaRoutes } from './routes.ts';
import type { GlossaRuntimeConfig } from './runtime-config.ts';
import { createRedirectFilter, createSitemapLastmod } from './sitemap-lastmod.ts';
import { glossaVirtualModules, type ReplaceableComponent } from './virtual-modules.ts';

/** The live preview's script that reloads a page showing an older glossary. */
const STALE_PAGE_SCRIPT = fileURLToPath(new URL('../browser/live-preview/stale-page.ts', import.meta.url));

/** Options of the `glossa()` integration. */
export interface GlossaOptions {
  /**
   * The folder holding `glossa.config.yaml`, `content/` and `public/`, relative to the Astro
   * project root. Default: the project root itself.
   */
  siteDir?: string | undefined;
  /**
   * Where the glossary sits inside the Astro site, for a glossary added to a site that has pages
   * of its own: `'/glossary/'` serves it at `<base>/glossary/`. Default `'/'`: the glossary is the
   * whole site, and the `url` in `glossa.config.yaml` gives the site address and its base path.
   */
  prefix?: string | undefined;
  /**
   * The site's own Astro components for parts of every page, by part: `{ Footer:
   * './src/components/MyFooter.astro' }` (paths relative to the project root). Parts: `Header`
   * (site name, sections, search box) and `Footer`. Default: Glossa's own.
   */
  components?: Partial<Record<ReplaceableComponent, string>> | undefined;
  /**
   * Stylesheets loaded after Glossa's own on every page (paths relative to the project root),
   * typically setting the theme's `--glossa-*` custom properties. Default: none.
   */
  customCss?: readonly string[] | undefined;
}

/**
 * Glossa as one Astro integration: validates the site configuration once and serves it to routes
 * and components as `virtual:glossa/config`, injects the glossary's routes, and adds the sitemap, the Pagefind index and the Markdown copies.
 */
export function glossa(options: GlossaOptions = {}): AstroIntegration {
  // The glossary's public/ folder when Astro's publicDir is the host site's, not the glossary's.
  let glossaryPublic: { dir: string; root: string; prefix: string } | undefined;
  // The glossary folder, for the live preview's error overlay (src/integration/dev-errors.ts).
  let siteDirOfServer: string | undefined;
  // Astro's final output folder, known only once every integration has set up.
  let outDir: URL | undefined;
  const finalOutDir = () => {
    if (!outDir) throw new Error('glossa: the output folder is not known before astro:config:done');
    return outDir;
  };
  return {
    name: 'glossa',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, injectRoute, injectScript }) => {
        const projectRoot = resolve(fileURLToPath(config.root));
        const siteDir = resolve(projectRoot, options.siteDir ?? '.');
        const site = loadSiteConfig(siteDir);
        siteDirOfServer = siteDir;
        // The live preview's pages reload when they missed a reload (dev-errors.ts); never in a build.
        if (command === 'dev') injectScript('page', `import ${JSON.stringify(STALE_PAGE_SCRIPT)};`);
        const prefix = joinRoot('', options.prefix ?? '/');
        const standalone = prefix === '/' && config.site === undefined;
        // A glossary that is the whole site takes its address and base path from its own config;
        // one inside a host site lives at the host's address, under the host's base and the prefix.
        const siteUrl = new URL(site.url);
        const base = standalone ? siteUrl.pathname : config.base;
        const root = joinRoot(base, prefix);
        const origin = standalone ? siteUrl.origin : new URL(config.site ?? site.url).origin;
        // See glossaryCacheDir; a build writes where GLOSSA_PUBLISH_DIR says it will be published.
        const publishDir = process.env['GLOSSA_PUBLISH_DIR'] ?? fileURLToPath(config.outDir);
        const cacheDir =
          siteDir === projectRoot ? config.cacheDir : glossaryCacheDir(config.cacheDir, siteDir, publishDir);
        const published: GlossaRuntimeConfig = {
          site: { ...site, url: `${origin}${root}`.replace(/\/+$/, '') },
          siteDir,
          projectRoot,
          root,
          prefix,
          cacheDir: fileURLToPath(cacheDir),
          codeDigest: glossaCodeDigest(),
        };
        const lastmodOf = createSitemapLastmod(published, finalOutDir);
        const loaderHash = scriptHash(readLoader());
        const csp = standalone
          ? buildContentSecurityPolicy(loaderHash)
          : hostCspAddition(config.security.csp, loaderHash);
        const isRedirect = createRedirectFilter(published, finalOutDir);
        glossaryPublic = standalone ? undefined : { dir: resolve(siteDir, 'public'), root, prefix };
        // A host site that lists its own pages keeps its sitemap; the glossary's pages join it.
        const hasSitemap = config.integrations.some((integration) => integration.name === '@astrojs/sitemap');

        for (const route of glossaRoutes({ wholeSite: prefix === '/' })) {
          injectRoute({
            pattern: `${prefix}${route.pattern.replace(/^\//, '')}`,
            entrypoint: route.entrypoint,
          });
        }

        updateConfig({
          ...(standalone ? { site: siteUrl.origin, base } : {}),
          ...(siteDir === projectRoot ? {} : { cacheDir }),
          // A whole-site glossary gets its own policy; inside a host site the host's applies, and
          // allows the glossary's inline loader once it knows its hash.
          ...(csp ? { security: { csp } } : {}),
          trailingSlash: 'always',
          // A rebuild copies each page whose cacheKey (src/data/page-keys.ts) and code are unchanged
          // from the previous build instead of rendering it again.
          experimental: { incrementalBuild: true },
          ...(standalone ? { publicDir: pathToFileURL(`${resolve(siteDir, 'public')}/`) } : {}),
          build: {
            format: 'directory',
            // One shared stylesheet file, cached across pages, instead of the same CSS inlined in each page.
            inlineStylesheets: 'never',
            // Renders the next pages while earlier ones are written: a page's mkdir and write otherwise
            // leave the main thread idle about half the time. 10,000 entries: 11 s of rendering → 7.9 s.
            concurrency: 4,
          },
          // No `markdown` settings: the loader renders entry bodies with the glossary's own pipeline
          // (src/lib/markdown/pipeline.ts), so a host site's Markdown pages keep the host's.
          vite: {
            build: {
              // The modules that wait in <template>s (SearchClient, PreviewClient) must stay files:
              // Astro inlines a script under this limit, which would put it in every page's HTML.
              assetsInlineLimit: (file: string) =>
                /Client\.astro_astro_type_script/.test(file) ? false : undefined,
            },
            // Busy folders are not watched, except the glossary being previewed (src/loader/watched-paths.ts).
            server: { watch: { ignored: [createWatchFilter(siteDir)] } },
            plugins: [glossaVirtualModules(published, options.components ?? {}, options.customCss ?? [])],
          },
          integrations: [
            draftsInDevOnly(),
            contentStoreFromDisk(),
            markdownCopies({ subdir: prefix }),
            socialCardReport(),
            pagefind({
              subdir: prefix,
              glob: termPagesGlob(sectionFolders(siteDir)),
              cacheDir: fileURLToPath(cacheDir),
              partSize: site.searchPartSize,
            }),
            ...(hasSitemap
              ? []
              : [
                  sitemap({
                    filter: (url) => isSitemapPage(url, root) && !isRedirect(url),
                    serialize: (item) => {
                      const lastmod = lastmodOf(item.url);
                      return lastmod ? { ...item, lastmod } : item;
                    },
                  }),
                ]),
            // After the sitemap, which reads the redirects bundle this removes.
            redirectsFile({ subdir: prefix, root, writeFile: prefix === '/' }),
          ],
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      // Inside a host site, the host's public/ is Astro's; the glossary's own files (images,
      // favicon) are served and copied under the glossary's root instead.
      'astro:server:setup': ({ server }) => {
        if (siteDirOfServer) showPreviewErrors(server, siteDirOfServer);
        if (glossaryPublic) server.middlewares.use(servePublicFiles(glossaryPublic.dir, glossaryPublic.root));
      },
      'astro:build:done': async ({ dir }) => {
        if (glossaryPublic)
          await copyPublicFiles(glossaryPublic.dir, join(fileURLToPath(dir), glossaryPublic.prefix));
      },
    },
  };
}
