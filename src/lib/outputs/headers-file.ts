/**
 * The `_headers` file that Netlify and Cloudflare Pages read from the output folder: security
 * headers for every response, a year-long immutable cache for files whose names carry a hash of
 * their content, and revalidation on every visit for everything else.
 *
 * The two hosts combine rules differently when one path matches several that set the same header
 * (Netlify keeps the last, Cloudflare joins the values with a comma, which would send both cache
 * lifetimes at once), so each header is set by exactly one of the rules a path can match: security
 * headers only by `/*`, Cache-Control only by rules whose paths never overlap.
 */

/** Files whose name changes whenever their content does: cached for a year, never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else, pages first: may be kept, but is checked with the host on every visit. */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/** Headers sent with every response; none of them changes how a Glossa page works. */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  // Only the site itself may frame its pages (clickjacking). frame-ancestors works only in a
  // header, never in a <meta> policy; X-Frame-Options is for browsers that predate it.
  ['Content-Security-Policy', "frame-ancestors 'self'"],
  ['X-Frame-Options', 'SAMEORIGIN'],
];

/** Cloudflare Pages reads at most this many rules from `_headers` and ignores the rest. */
export const MAX_RULES = 100;

/** What the caching rules need to know about a finished build's output folder. */
export interface OutputListing {
  /** Names of the folders at the top of the output folder. */
  folders: readonly string[];
  /** Names of the files in `_astro/` (Astro's bundled scripts and styles). */
  astroFiles: readonly string[];
  /** Names of the files at the top of `pagefind/`. */
  pagefindFiles: readonly string[];
  /** Names of the folders in `pagefind/`. */
  pagefindFolders: readonly string[];
  /**
   * The other parts of an index written in parts (src/lib/search/index-parts.ts), each a folder
   * of `pagefind/` laid out as it is: its name, its files and its folders.
   */
  pagefindParts?: readonly { name: string; files: readonly string[]; folders: readonly string[] }[];
}

/** Astro names bundled assets `<name>.<8-character hash>.<ext>`. */
const ASTRO_HASHED = /\.[\w-]{8}\.\w+$/;
/** Pagefind's metadata file carries its hash: `pagefind.en_f4a0154c47.pf_meta`. */
const PAGEFIND_META = /^pagefind\.[\w-]+_[0-9a-f]+\.pf_meta$/;
/** Pagefind's folders whose every file is named by a hash of its content. */
const PAGEFIND_HASHED_FOLDERS = ['fragment', 'index', 'filter'];

/** The text of `_headers` for an output folder described by `listing`. */
export function buildHeadersFile(listing: OutputListing): string {
  const immutable: string[] = [];
  // A file copied from public/_astro/ would have a name without a hash: then the folder is not
  // safe to cache forever, and it is left to the host's default (revalidation).
  if (listing.astroFiles.length > 0 && listing.astroFiles.every((name) => ASTRO_HASHED.test(name))) {
    immutable.push('/_astro/*');
  }
  const indexes = [
    { path: '/pagefind/', files: listing.pagefindFiles, folders: listing.pagefindFolders },
    ...(listing.pagefindParts ?? []).map((part) => ({ ...part, path: `/pagefind/${part.name}/` })),
  ];
  for (const index of indexes) {
    for (const folder of PAGEFIND_HASHED_FOLDERS) {
      if (index.folders.includes(folder)) immutable.push(`${index.path}${folder}/*`);
    }
    immutable.push(
      ...[...index.files]
        .sort()
        .filter((name) => PAGEFIND_META.test(name))
        .map((name) => `${index.path}${name}`),
    );
  }

  // Pages live at / and in the top-level folders; pagefind.js and its other unhashed files must be
  // revalidated too, or a visitor would keep a search script that names last build's index.
  const revalidate = [
    '/',
    ...[...listing.folders]
      .filter((name) => name !== '_astro' && name !== 'pagefind')
      .sort()
      .map((name) => `/${name}/*`),
    ...indexes.flatMap((index) =>
      [...index.files]
        .sort()
        .filter((name) => !PAGEFIND_META.test(name))
        .map((name) => `${index.path}${name}`),
    ),
  ];
  // Past Cloudflare's limit later rules would be dropped silently; revalidation is both hosts'
  // default, so those rules are the ones to leave out.
  const fitsLimit = 1 + revalidate.length + immutable.length <= MAX_RULES;

  const rule = (path: string, headers: readonly (readonly [string, string])[]) =>
    [path, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return (
    [
      '# Written by Glossa at each build, for hosts that read _headers (Netlify, Cloudflare Pages).',
      rule('/*', SECURITY_HEADERS),
      ...(fitsLimit ? revalidate.map((path) => rule(path, [['Cache-Control', REVALIDATE]])) : []),
      ...immutable.map((path) => rule(path, [['Cache-Control', IMMUTABLE]])),
    ].join('\n\n') + '\n'
  );
}
