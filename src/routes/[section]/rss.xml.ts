import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { glossary, site } from '../../data/glossary.ts';
import { buildFeed, toRssOptions } from '../../lib/outputs/feed-items.ts';

export const getStaticPaths = (() =>
  glossary.sections.map((section) => ({ params: { section: section.key } }))) satisfies GetStaticPaths;

/** The RSS feed of one section. */
export const GET: APIRoute = ({ params }) => rss(toRssOptions(buildFeed(site, glossary, params['section'])));
