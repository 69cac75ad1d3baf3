/** A page or endpoint the integration injects, its pattern relative to the glossary's root. */
export interface GlossaRoute {
  pattern: string;
  entrypoint: URL;
}

const ROUTES: readonly [pattern: string, file: string][] = [
  ['/', 'index.astro'],
  ['/a-z', 'a-z.astro'],
  ['/search', 'search.astro'],
  ['/search/names.json', 'search/names.json.ts'],
  ['/tags', 'tags/index.astro'],
  ['/tags/[key]', 'tags/[key].astro'],
  ['/categories', 'categories/index.astro'],
  ['/categories/[key]', 'categories/[key].astro'],
  ['/[section]', '[section]/index.astro'],
  ['/[section]/[slug]', '[section]/[slug].astro'],
  ['/[section]/a-z/[letter]', '[section]/a-z/[letter].astro'],
  ['/[section]/rss.xml', '[section]/rss.xml.ts'],
  ['/rss.xml', 'rss.xml.ts'],
  ['/glossary.json', 'glossary.json.ts'],
  ['/llms.txt', 'llms.txt.ts'],
  ['/glossa-markdown-copies.json', 'glossa-markdown-copies.json.ts'],
  ['/glossa-previews/[shard].json', 'glossa-previews/[shard].json.ts'],
  ['/glossa-redirects.json', 'glossa-redirects.json.ts'],
  ['/social-cards/[card].png', 'social-cards/[card].png.ts'],
  // Old addresses of entries (redirectFrom); only the paths getStaticPaths lists are built.
  ['/[...redirect]', '[...redirect].astro'],
];

/**
 * Every route of a glossary, with the file under `src/routes/` that renders it. The 404 page and
 * robots.txt are left out when the glossary is part of a larger site, whose own answer for them.
 */
export function glossaRoutes({ wholeSite }: { wholeSite: boolean }): GlossaRoute[] {
  const own: (readonly [string, string])[] = [
    ['/404', '404.astro'],
    ['/robots.txt', 'robots.txt.ts'],
  ];
  const routes = wholeSite ? [...ROUTES, ...own] : ROUTES;
  return routes.map(([pattern, file]) => ({
    pattern,
    entrypoint: new URL(`../routes/${file}`, import.meta.url),
  }));
}
