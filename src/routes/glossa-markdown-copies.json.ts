import type { APIRoute } from 'astro';
import { glossary, site } from '../data/glossary.ts';
import { keptTexts } from '../data/kept-outputs.ts';
import { termPageKey } from '../data/page-keys.ts';
import { buildMarkdownCopies } from '../lib/outputs/markdown-copy.ts';
import { termMarkdownPath } from '../lib/site/urls.ts';

/**
 * Every entry's Markdown copy in one bundle; the markdown-copies integration writes them out as
 * `/<section>/<slug>.md` files after the build and removes this file. A build reuses the copy an
 * earlier build made while the entry's page key is unchanged: the page shows all the copy does.
 */
export const GET: APIRoute = () => {
  if (import.meta.env.DEV) return Response.json(buildMarkdownCopies(site, glossary));
  const kept = keptTexts('markdown-copies');
  const copies = buildMarkdownCopies(site, glossary, {
    get: (term) => kept.get(termMarkdownPath(term), termPageKey(term)),
    set: (term, copy) => kept.set(termMarkdownPath(term), termPageKey(term), copy),
  });
  kept.save();
  return Response.json(copies);
};
