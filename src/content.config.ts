import { defineCollection } from 'astro:content';
import { glossaryLoader } from './loader/glossary-loader.ts';

/** The whole glossary is one collection keyed by slug; the section is part of each entry's data. */
export const collections = {
  glossa: defineCollection({ loader: glossaryLoader() }),
};
