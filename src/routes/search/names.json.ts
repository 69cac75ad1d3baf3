import type { APIRoute } from 'astro';
import { glossary } from '../../data/glossary.ts';
import { buildSearchNames } from '../../lib/search/suggest.ts';

/** Every title and synonym, fetched by search only when a query has no real match. */
export const GET: APIRoute = () => Response.json({ names: buildSearchNames(glossary.terms) });
