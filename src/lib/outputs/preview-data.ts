import type { Term } from '../entries/term.ts';
import { termPath } from '../site/urls.ts';
import { previewShardCount, previewShardOf, type PreviewEntry, type PreviewShard } from './preview-shards.ts';

export {
  ENTRIES_PER_SHARD,
  previewShardCount,
  previewShardOf,
  previewShardPath,
  type PreviewEntry,
  type PreviewShard,
} from './preview-shards.ts';

/**
 * Every shard of a glossary's previews, in shard order. `href` puts image paths under the site's
 * root (absolute image URLs pass through unchanged), as the term page does.
 */
export function buildPreviewShards(terms: readonly Term[], href: (path: string) => string): PreviewShard[] {
  const count = previewShardCount(terms.length);
  const shards: PreviewShard[] = Array.from({ length: count }, () => ({}));
  for (const term of terms) {
    const path = termPath(term);
    const entry: PreviewEntry = { title: term.title, keyword: term.keyword, summary: term.summary };
    if (term.image) entry.image = { src: href(term.image.src), alt: term.image.alt };
    const shard = shards[previewShardOf(path, count)];
    if (shard) shard[path] = entry;
  }
  return shards;
}
