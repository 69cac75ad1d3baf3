import { PARTS_FILE, partFoldersOf } from '../../lib/search/index-parts.ts';

/** The part of Pagefind's browser API that merging needs. */
export interface MergeableIndex {
  mergeIndex(indexPath: string, options?: { baseUrl?: string }): Promise<void>;
}

/**
 * Merges the other parts of a search index written in parts (src/lib/search/index-parts.ts) into
 * `api`, Pagefind's bundle already started on the first part at `indexUrl` (the folder holding
 * `pagefind.js`, an absolute URL). Their results then rank with the first part's by score. An
 * index without the parts file (one built before parts, or by Pagefind alone) is searched as it is.
 * `baseUrl` is what the first part was given: result URLs are relative to the glossary's root.
 */
export async function mergeIndexParts(
  api: MergeableIndex,
  indexUrl: string,
  options: { baseUrl?: string } = {},
  load: (url: string) => Promise<Response> = (url) => fetch(url),
): Promise<number> {
  // A missing, unreadable or malformed parts file leaves the first part to search alone.
  const folders = await load(new URL(PARTS_FILE, indexUrl).href)
    .then(async (response) => (response.ok ? partFoldersOf(await response.json()) : []))
    .catch(() => []);
  await Promise.all(folders.map((folder) => api.mergeIndex(new URL(folder, indexUrl).href, options)));
  return folders.length;
}
