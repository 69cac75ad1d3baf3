import { createHash } from 'node:crypto';

/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key and
 * code are unchanged since the last build is copied from it instead of rendered. Astro keys a page
 * on nothing but the `cacheKey` its route returns (the content store is left out of its code
 * hash), and a glossary page shows other entries (related, backlinks, mentions, cards, lists), so
 * the key must cover everything the page prints: a route passes the very values its template
 * prints, computed by the same functions.
 */
export interface PageKeys {
  /** The key of a page that prints `view`; equal views give equal keys. */
  keyOf(view: unknown): string;
}

/**
 * Keys for the pages of one glossary. Each entry of `terms` that appears anywhere in a view is
 * hashed as a whole (every field, the body included) and only once per build: a page listing an
 * entry is rendered again when anything about that entry changes, which may be more often than
 * needed but never less. `shared` is what every page prints besides its own view (the header's
 * sections, say).
 */
export function createPageKeys(terms: readonly object[], shared: unknown): PageKeys {
  const known = new Set<unknown>(terms);
  const digests = new Map<unknown, string>();
  const digestOf = (term: unknown): string => {
    let digest = digests.get(term);
    if (digest === undefined) {
      digest = hash(JSON.stringify(term));
      digests.set(term, digest);
    }
    return digest;
  };
  // An entry's digest stands for the entry, so a list of ten entries costs ten short strings.
  const replacer = (_key: string, value: unknown) => (known.has(value) ? `term:${digestOf(value)}` : value);
  const sharedText = JSON.stringify(shared, replacer);
  return {
    keyOf: (view) =>
      createHash('sha256')
        .update(`${sharedText}\n${JSON.stringify(view, replacer)}`)
        .digest('base64url'),
  };
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
