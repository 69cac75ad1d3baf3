import type { APIRoute } from 'astro';
import { glossary, site } from '../data/glossary.ts';
import { buildGlossaryJson } from '../lib/outputs/glossary-json.ts';

/** Every published entry as data; its shape is documented in README.md. */
export const GET: APIRoute = () => Response.json(buildGlossaryJson(site, glossary));
