import type { APIRoute } from 'astro';
import { glossary, site } from '../data/glossary.ts';
import { buildLlmsTxt } from '../lib/outputs/llms-txt.ts';

/** llms.txt: the glossary's index for language models. */
export const GET: APIRoute = () =>
  new Response(buildLlmsTxt(site, glossary), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
