/**
 * The search index of a large glossary is written in parts: Pagefind indexes each part's term
 * pages on their own, the first part where Pagefind's bundle expects its index (`pagefind/`) and
 * every other one in a folder of its own (`pagefind/part-2/`, …), and the browser merges them
 * (Pagefind's `mergeIndex`), ranking the results of all parts together by score. A rebuild then
 * indexes again only the parts whose pages' indexed text changed; the others are copied as the
 * last build wrote them. It also costs less: at 10,000 entries eight parts took 10.5–13 s and
 * 240 MB against 17–21 s and 1.7 GB for one index of the same pages.
 */

/** How many term pages go in one part of the search index unless the site says otherwise. */
export const DEFAULT_PART_SIZE = 1250;

/**
 * At most this many parts: a reader's first query fetches every part's metadata, and each query
 * word a chunk of every part's word index, so more parts means more, smaller requests.
 */
export const MAX_PARTS = 16;

/** The file, in the first part's folder, that lists the other parts' folders. */
export const PARTS_FILE = 'glossa-parts.json';

/** What `PARTS_FILE` holds: the other parts' folders, relative to the first part's folder. */
export interface PartsManifest {
  parts: string[];
}

/** How many parts an index of `pages` term pages is cut into: one per `partSize` pages, at most `MAX_PARTS`. */
export function partCount(pages: number, partSize: number = DEFAULT_PART_SIZE): number {
  if (!Number.isInteger(partSize) || partSize < 1)
    throw new RangeError(`part size must be a whole number of at least 1, not ${partSize}`);
  return Math.min(MAX_PARTS, Math.max(1, Math.ceil(pages / partSize)));
}

/**
 * The part (0 to `parts` − 1) a page belongs to, from its path alone: a page stays in its part
 * whatever other pages are added, changed or removed, as long as the number of parts stands.
 */
export function partOf(path: string, parts: number): number {
  if (parts <= 1) return 0;
  // FNV-1a over the UTF-16 code units: spreads similar paths evenly, and runs in the browser too.
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193) >>> 0;
  return hash % parts;
}

/** The name of another part's folder (`part-2`, …), as `partFolder` writes it without its slash. */
export const PART_FOLDER_NAME = /^part-\d+$/;

/** The folder of part `part` (0-based) relative to the index's folder: the first part's is the index's own. */
export function partFolder(part: number): string {
  return part === 0 ? '' : `part-${part + 1}/`;
}

/** The manifest of an index in `parts` parts. */
export function partsManifest(parts: number): PartsManifest {
  return { parts: Array.from({ length: parts - 1 }, (_, i) => partFolder(i + 1)) };
}

/**
 * Reads a manifest's folders, refusing anything but the folders `partsManifest` writes: the
 * browser resolves them against the index's address, and a manifest must not send it elsewhere.
 */
export function partFoldersOf(manifest: unknown): string[] {
  const parts = (manifest as Partial<PartsManifest> | null)?.parts;
  if (!Array.isArray(parts)) return [];
  return parts.filter(
    (part): part is string =>
      typeof part === 'string' && part.endsWith('/') && PART_FOLDER_NAME.test(part.slice(0, -1)),
  );
}

/**
 * What of a built page Pagefind reads, so a part is indexed again only when it changed: the
 * `<html …>` tag (Pagefind takes the page's language from it) and the element the index is read
 * from (`<article … data-pagefind-body>` up to its own end tag). The lists around the article
 * (Related, Linked from, cards), which an edit of another entry changes on many pages, are
 * outside it. A page without such an article counts whole.
 */
export function indexedText(html: string): string {
  const htmlTag = /<html\b[^>]*>/i.exec(html)?.[0] ?? '';
  const start = html.search(/<article\b[^>]*\bdata-pagefind-body\b/i);
  if (start < 0) return html;
  // Nested articles are counted, so the slice ends at the indexed article's own end tag.
  const tags = /<(\/?)article\b/gi;
  tags.lastIndex = start + 1;
  let depth = 1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return `${htmlTag}\n${html.slice(start, match.index)}`;
  }
  return html;
}
