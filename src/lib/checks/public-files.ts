import type { Problem } from './problems.ts';
import { RESERVED_SECTIONS } from '../site/urls.ts';

/**
 * Checks on `public/`, whose files are copied into the site as they are. Two things there can
 * hurt: an SVG with script runs in the site's own origin when its URL is opened (an `<img>` would
 * not run it, but a link to the file or a visitor opening it would), and a file whose path is also
 * a generated page silently replaces or is replaced by that page. Pure: the caller reads the files.
 */

/** An SVG under `public/` with its text. */
export interface PublicSvg {
  /** Site path, e.g. `/images/curve.svg`. */
  path: string;
  text: string;
}

/** The sections and entries whose generated paths public files must not take. */
export interface GeneratedSite {
  sections: readonly string[];
  terms: readonly { section: string; slug: string }[];
}

// Each pattern names something that can run script inside an SVG document. `foreignObject`
// embeds HTML, with all of HTML's ways of running script.
const SVG_DANGERS: readonly [RegExp, string][] = [
  [/<script\b/i, 'a <script> element'],
  [/\son[a-z]+\s*=/i, 'an event-handler attribute'],
  [/\bhref\s*=\s*["']?\s*(?:javascript|vbscript|data):/i, 'a script link (javascript:, vbscript: or data:)'],
  [/<foreignObject\b/i, 'a <foreignObject> element'],
];

/** Files the build writes at the root of the site. */
const ROOT_OUTPUTS = [
  '/index.html',
  '/404.html',
  '/rss.xml',
  '/glossary.json',
  '/glossa-markdown-copies.json',
  '/llms.txt',
  '/robots.txt',
  '/sitemap-index.xml',
  '/sitemap-0.xml',
];

/** The shape of an entry's page and of its Markdown copy: `/<section>/<slug>/index.html`, `/<section>/<slug>.md`. */
const ENTRY_SHAPED = /^\/[^/]+\/[^/]+(?:\/index\.html|\.md)$/;

/** Every problem with the files of `public/`, each naming the file (and line, for SVGs). */
export function checkPublicFiles(
  publicFiles: ReadonlySet<string>,
  svgs: readonly PublicSvg[],
  site: GeneratedSite,
): Problem[] {
  const problems: Problem[] = [];
  for (const svg of svgs) {
    svg.text.split('\n').forEach((line, index) => {
      for (const [pattern, what] of SVG_DANGERS) {
        const match = pattern.exec(line);
        if (!match) continue;
        problems.push({
          file: `public${svg.path}`,
          field: 'file',
          message: `contains ${what}, which runs in the site's origin when the SVG is opened`,
          hint: 'remove it: an illustration needs no script (export the SVG again as plain shapes)',
          severity: 'error',
          line: index + 1,
          column: match.index + 1 + (match[0].startsWith(' ') ? 1 : 0),
        });
      }
    });
  }

  const generated = new Set(ROOT_OUTPUTS);
  for (const section of site.sections) {
    generated.add(`/${section}/index.html`);
    generated.add(`/${section}/rss.xml`);
  }
  // Entry pages only where a public file has their shape: writing out both paths of 100,000
  // entries to check five pictures cost a second.
  const entryShaped = new Set([...publicFiles].filter((path) => ENTRY_SHAPED.test(path)));
  if (entryShaped.size > 0) {
    for (const term of site.terms) {
      for (const path of [`/${term.section}/${term.slug}/index.html`, `/${term.section}/${term.slug}.md`])
        if (entryShaped.has(path)) generated.add(path);
    }
  }
  const ownFolders = [
    ...RESERVED_SECTIONS.map((name) => `/${name}/`),
    ...site.sections.map((s) => `/${s}/a-z/`),
  ];
  for (const path of [...publicFiles].sort()) {
    const taken =
      generated.has(path) ||
      ['/_astro/', '/pagefind/'].some((folder) => path.startsWith(folder)) ||
      (path.endsWith('/index.html') && ownFolders.some((folder) => path.startsWith(folder)));
    if (!taken) continue;
    problems.push({
      file: `public${path}`,
      field: 'file',
      message: `has the same path as a page or file the build generates (${path})`,
      hint: 'rename or move it: one of the two would silently replace the other',
      severity: 'error',
      line: 1,
      column: 1,
    });
  }
  return problems;
}
