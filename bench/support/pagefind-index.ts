import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One indexed page as Pagefind stores it: a gzipped JSON fragment per page. */
export interface PagefindFragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

// Pagefind prefixes each decompressed fragment with this signature (see its `pagefind_dcd` check).
const SIGNATURE = 'pagefind_dcd';

/** Reads every page fragment of the Pagefind index in `<outDir>/pagefind/`, sorted by URL. */
export function readPagefindFragments(outDir: string): PagefindFragment[] {
  const dir = join(outDir, 'pagefind/fragment');
  return readdirSync(dir)
    .map((name) => {
      const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
      if (!text.startsWith(SIGNATURE)) throw new Error(`${name} is not a Pagefind fragment`);
      return JSON.parse(text.slice(SIGNATURE.length)) as PagefindFragment;
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}
