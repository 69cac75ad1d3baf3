import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  terms: defineCollection({
    loader: glob({ pattern: '**/*.md', base: process.env['BENCH_CONTENT'] ?? './content' }),
    schema: z.looseObject({ title: z.string(), related: z.array(z.string()).default([]) }),
  }),
};
