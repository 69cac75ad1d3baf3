import { defineCollection } from 'astro:content';
import { glossaryLoader } from './loader/glossary-loader.ts';
import { siteDir } from './site-dir.ts';

/** The whole glossary is one collection keyed by slug; the section is part of each entry's data. */
export const collections = {
  terms: defineCollection({ loader: glossaryLoader({ siteDir, projectRoot: process.cwd() }) }),
};
