import type { APIRoute } from 'astro';
import { glossary, site } from '../data/glossary.ts';
import { buildMarkdownCopies } from '../lib/outputs/markdown-copy.ts';

/**
 * Every entry's Markdown copy in one bundle; the markdown-copies integration writes them out as
 * `/<section>/<slug>.md` files after the build and removes this file.
 */
export const GET: APIRoute = () => Response.json(buildMarkdownCopies(site, glossary));
