import { satteri } from '@astrojs/markdown-satteri';
import type { AstroConfig } from 'astro';
import { autolinkTerms } from './autolink.ts';
import { bodyHeadings } from './body-headings.ts';
import { keepDollarAmounts } from './dollar-amounts.ts';
import { dropUnsafeUrls } from './drop-unsafe-urls.ts';
import { entrySections } from './entry-sections.ts';
import { escapeRawHtml } from './escape-raw-html.ts';
import { MATH_FEATURES } from './formulas.ts';
import { headingAnchors } from './heading-anchors.ts';
import { labelTaskCheckboxes } from './label-task-checkboxes.ts';
import { prefixSitePaths } from './prefix-site-paths.ts';
import { renderFormulas } from './render-formulas.ts';
import { resolveEntryLinks } from './resolve-entry-links.ts';
import { scrollableTables } from './scrollable-tables.ts';
import { unindexFootnotes } from './unindex-footnotes.ts';

/** An entry body rendered to HTML, in the shape Astro's content store keeps (`rendered`). */
export interface RenderedBody {
  html: string;
  metadata: {
    headings: { depth: number; slug: string; text: string }[];
    localImagePaths: string[];
    remoteImagePaths: string[];
    imagePaths: string[];
    frontmatter: Record<string, unknown>;
  };
}

/** Renders one entry's body (without its front matter); `fileURL` resolves its relative images. */
export type EntryRenderer = (body: string, fileURL: URL) => Promise<RenderedBody>;

/**
 * The Markdown processor of entry bodies: Sätteri, Astro's native engine, with GitHub-flavoured
 * Markdown built in and formulas on. It replaced unified + remark-gfm: at 10,000 entries Markdown
 * took 21.7 s that way against 3.3 s here (bench/results). Raw HTML in entries is shown as text
 * and script links are dropped, so editors' Markdown can never add markup or scripts to a page;
 * `$…$` and `$$…$$` are formulas, rendered to MathML after raw HTML is escaped.
 */
export function glossaryMarkdownProcessor(siteDir: string, root: string) {
  return satteri({
    features: MATH_FEATURES,
    mdastPlugins: [keepDollarAmounts],
    hastPlugins: [
      escapeRawHtml,
      renderFormulas,
      dropUnsafeUrls,
      resolveEntryLinks(entrySections(siteDir)),
      prefixSitePaths(root),
      autolinkTerms(siteDir),
      bodyHeadings,
      headingAnchors,
      labelTaskCheckboxes,
      scrollableTables,
      unindexFootnotes,
    ],
  });
}

/**
 * Code blocks are coloured at build time by Shiki with its css-variables theme: each token names
 * its kind (var(--astro-code-token-keyword)) and global.css gives the colours for light and dark.
 * Shiki's dual themes tokenize every block once per theme: at 10,000 entries (1,000 code blocks)
 * they cost 1.3 s of Markdown time against 0.9 s.
 */
const HIGHLIGHTING = {
  syntaxHighlight: 'shiki',
  shikiConfig: { theme: 'css-variables' },
  gfm: true,
  smartypants: true,
} as const;

/** The site's remote-image rules as the Markdown renderer takes them: plain data a worker can be sent. */
export interface RemoteImageRules {
  domains: string[];
  remotePatterns: Record<string, string>[];
}

/**
 * The site's remote-image rules as the Markdown renderer takes them (Astro's config types its
 * patterns' parts as optional-or-undefined, the renderer as optional only).
 */
export function remoteImageRules(image: AstroConfig['image']): RemoteImageRules {
  return {
    domains: [...image.domains],
    remotePatterns: image.remotePatterns.map(
      (pattern) =>
        Object.fromEntries(Object.entries(pattern).filter(([, part]) => part !== undefined)) as Record<
          string,
          string
        >,
    ),
  };
}

const renderers = new Map<string, Promise<EntryRenderer>>();

/**
 * The renderer of the glossary in `siteDir`, served under `root`, made once per process (Shiki's
 * highlighter takes a while to start). The loader renders bodies with it rather than with the
 * site's `markdown` settings, so a host site that adds the glossary keeps its own Markdown
 * pipeline for its own pages, and the glossary's is the same wherever it is added.
 */
export function entryRenderer(
  siteDir: string,
  root: string,
  image: AstroConfig['image'],
): Promise<EntryRenderer> {
  const rules = remoteImageRules(image);
  const key = `${siteDir}\n${root}\n${JSON.stringify(rules)}`;
  let renderer = renderers.get(key);
  if (!renderer) {
    renderer = createEntryRenderer(siteDir, root, rules);
    renderers.set(key, renderer);
  }
  return renderer;
}

/**
 * A new renderer of the glossary in `siteDir` (see `entryRenderer`); the render workers make their
 * own from the same arguments (src/loader/render-pool.ts), so a body renders alike on any thread.
 */
export function createEntryRenderer(
  siteDir: string,
  root: string,
  image: RemoteImageRules,
): Promise<EntryRenderer> {
  return glossaryMarkdownProcessor(siteDir, root)
    .createRenderer({ ...HIGHLIGHTING, image })
    .then((markdown) => async (body, fileURL) => {
      // The body alone: a body opening with a `---` rule must not be read as front matter.
      const { code, metadata } = await markdown.render(body, { fileURL, frontmatter: {} });
      return {
        html: code,
        metadata: { ...metadata, imagePaths: [...metadata.localImagePaths, ...metadata.remoteImagePaths] },
      };
    });
}
