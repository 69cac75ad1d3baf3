import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { glossary, site } from '../data/glossary.ts';
import { buildFeed, toRssOptions } from '../lib/outputs/feed-items.ts';

/** The RSS feed of the whole glossary. */
export const GET: APIRoute = () => rss(toRssOptions(buildFeed(site, glossary)));
