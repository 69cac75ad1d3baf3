import type { APIRoute } from 'astro';
import { site } from '../data/glossary.ts';
import { buildRobotsTxt } from '../lib/outputs/robots.ts';

/** robots.txt, from the site configuration (staging sites disallow everything). */
export const GET: APIRoute = () =>
  new Response(buildRobotsTxt(site), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
