import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TermSchemaExtension } from './term-schema.ts';

/**
 * The file, in the site folder, that declares a site's own entry fields:
 *
 * ```ts
 *  * export const extend = z.object({ difficulty: z.enum(['basic', 'advanced']).optional() });
 * ```
 *
 * A file rather than an option of `glossa()` because `check:content` runs without Astro and
 * cannot read astro.config.mjs; the loader, check:content and the build all import this one file,
 * so they validate the same fields.
 */
export const SCHEMA_FILE = 'glossa.schema.ts';

/**
 * Imports `<siteDir>/glossa.schema.ts` and returns its `extend` object, or undefined when the
 * site has no such file. Throws, naming the file, when it does not export a zod object.
 */
export async function loadSchemaExtension(siteDir: string): Promise<TermSchemaExtension | undefined> {
  const path = join(siteDir, SCHEMA_FILE);
  if (!existsSync(path)) return undefined;
  const module = (await import(/* @vite-ignore */ pathToFileURL(path).href)) as { extend?: unknown };
  if (!isZodObject(module.extend)) {
    throw new Error(
      `${SCHEMA_FILE} must export the site's fields as a zod object: export const extend = z.object({ … }) (z from 'zod' or 'astro/zod')`,
    );
  }
  return module.extend;
}

/** Duck-typed, since `astro/zod` and `zod` may be two copies of zod, and instanceof fails across them. */
function isZodObject(value: unknown): value is TermSchemaExtension {
  return (
    typeof value === 'object' &&
    value !== null &&
    'shape' in value &&
    typeof value.shape === 'object' &&
    'safeParse' in value &&
    typeof value.safeParse === 'function'
  );
}
