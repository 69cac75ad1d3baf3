import type { APIRoute } from 'astro';
import { glossary } from '../data/glossary.ts';
import { buildRedirectsBundle } from '../lib/outputs/redirects.ts';

/**
 * Every old address of the published entries in one file; after the build the redirects-file
 * integration writes `_redirects` from it, the sitemap leaves those addresses out, and the file
 * is removed.
 */
export const GET: APIRoute = () => Response.json(buildRedirectsBundle(glossary.terms));
