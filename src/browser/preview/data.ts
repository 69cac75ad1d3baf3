import { previewShardOf, type PreviewEntry, type PreviewShard } from '../../lib/outputs/preview-shards.ts';

/** Where the shards are and how many there are, as the page's preview template says. */
export interface PreviewSource {
  /** URL of shard 0, with `0` standing for the shard number: `/glossa-previews/0.json`. */
  first: string;
  count: number;
}

/**
 * Returns a lookup of entries' previews that fetches each shard once, on first need. A shard that
 * fails to load gives no preview (the link still works), and is tried again on the next hover.
 */
export function createPreviewLookup(
  source: PreviewSource,
): (path: string) => Promise<PreviewEntry | undefined> {
  const shards = new Map<number, Promise<PreviewShard | undefined>>();
  return async (path) => {
    const index = previewShardOf(path, source.count);
    let shard = shards.get(index);
    if (!shard) {
      const url = source.first.replace(/0\.json$/, `${index}.json`);
      shard = fetch(url)
        .then((response) => (response.ok ? (response.json() as Promise<PreviewShard>) : undefined))
        .catch(() => undefined);
      shards.set(index, shard);
    }
    const found = await shard;
    if (!found) shards.delete(index);
    return found?.[path];
  };
}
