import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { gzipBytes, listSized, median } from '../measure.ts';

/** What a built site weighs, as the benchmark saves it (`output`). */
export interface PageWeights {
  pages: number;
  termPages: number;
  totalMiB: number;
  termHtml: { medianRaw: number; maxRaw: number; medianGzip: number; maxGzip: number };
  cssGzipPerPage: number;
  jsBytesBeforeSearch: number;
}

/**
 * Sizes up a built site: its pages, the raw and gzipped size of its term pages, and the CSS and
 * scripts the median term page loads before search is used (read with a real HTML parser).
 */
export function measurePageWeights(outDir: string): PageWeights {
  const files = listSized(outDir);
  const pages = files.filter((f) => f.path.endsWith('.html'));
  const termPages = pages.filter((f) => /^(definition|area|term)\/[^/]+\/index\.html$/.test(f.path));
  const htmlOf = (path: string) => readFileSync(join(outDir, path));
  const raw = termPages.map((f) => f.bytes);
  const gz = termPages.map((f) => gzipBytes(htmlOf(f.path)));
  const medianPage = termPages[raw.indexOf(median(raw))] ?? termPages[0];
  const sample = parse(htmlOf(medianPage?.path ?? '').toString());
  const assetBytes = (href: string | undefined) => (href ? gzipBytes(readFileSync(join(outDir, href))) : 0);
  const cssGzip =
    sample
      .querySelectorAll('link[rel="stylesheet"]')
      .reduce((n, l) => n + assetBytes(l.getAttribute('href')), 0) +
    sample.querySelectorAll('style').reduce((n, s) => n + gzipBytes(s.textContent), 0);
  // Scripts inside a <template> are inert until the search box inserts them, so they are not
  // loaded before search; the HTML parser lists them like any other element, hence the filter.
  const loadedScripts = sample
    .querySelectorAll('script')
    .filter((s) => s.closest('template') === null && s.getAttribute('type') !== 'application/ld+json');
  const jsBytes = loadedScripts.reduce((n, s) => {
    const src = s.getAttribute('src');
    return n + (src ? assetBytes(src) : Buffer.byteLength(s.textContent));
  }, 0);
  return {
    pages: pages.length,
    termPages: termPages.length,
    totalMiB: files.reduce((n, f) => n + f.bytes, 0) / 2 ** 20,
    termHtml: {
      medianRaw: median(raw),
      maxRaw: Math.max(...raw),
      medianGzip: median(gz),
      maxGzip: Math.max(...gz),
    },
    cssGzipPerPage: cssGzip,
    jsBytesBeforeSearch: jsBytes,
  };
}

/** The table's rows for the page weights. */
export function pageWeightRows(weights: PageWeights): [string, string, string][] {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const { termHtml } = weights;
  return [
    ['pages / term pages', `${weights.pages} / ${weights.termPages}`, ''],
    ['total output', `${weights.totalMiB.toFixed(1)} MiB`, ''],
    [
      'term page HTML median (raw / gzip)',
      `${kb(termHtml.medianRaw)} / ${kb(termHtml.medianGzip)}`,
      'target ≤ 25 KB / ≤ 8 KB',
    ],
    ['term page HTML largest (raw / gzip)', `${kb(termHtml.maxRaw)} / ${kb(termHtml.maxGzip)}`, ''],
    ['CSS per page (gzip)', kb(weights.cssGzipPerPage), 'target ≤ 8 KB, shared file'],
    ['JS a term page loads before search', `${weights.jsBytesBeforeSearch} B`, 'target 0'],
  ];
}
