import type { Problem } from '../checks/problems.ts';
import { slugify } from './slugify.ts';
import { SLUG_PATTERN } from './term-schema.ts';
import { RESERVED_SECTIONS, RESERVED_SLUGS } from '../site/urls.ts';

// Problems with a file as a whole (its name, its place) point at its first line, so every
// problem has a position editors' tools can jump to.
export const FILE_START = { line: 1, column: 1 } as const;

const CONTENT_PATH = /^content\/([^/]+)\/([^/]+)\.md$/;

/**
 * The section and slug of an entry file from its path, or the problem with its place: outside a
 * section folder, a name that cannot be an address, or a name Glossa's own pages use.
 */
export function checkLocation(path: string): { section: string; slug: string } | { problem: Problem } {
  const match = CONTENT_PATH.exec(path);
  if (!match) {
    return {
      problem: {
        file: path,
        field: 'file',
        message: 'is not in a section folder',
        hint: 'move it to content/<section>/<slug>.md, e.g. content/definition/gamma.md',
        severity: 'error',
        ...FILE_START,
      },
    };
  }
  const [, section, slug] = match as unknown as [string, string, string];
  for (const [name, what] of [
    [section, 'section folder'],
    [slug, 'file name'],
  ] as const) {
    if (!SLUG_PATTERN.test(name)) {
      const better = renameHint(name, what === 'section folder' ? RESERVED_SECTIONS : RESERVED_SLUGS);
      return {
        problem: {
          file: path,
          field: 'file',
          message: `${what} '${name}' must be lowercase kebab-case ASCII (a-z, 0-9 and single hyphens)`,
          hint: better ? `rename it to '${better}'` : 'rename it, e.g. negative-gamma',
          severity: 'error',
          ...FILE_START,
        },
      };
    }
  }
  const reserved = (RESERVED_SECTIONS as readonly string[]).includes(section)
    ? `section folder '${section}' is reserved for Glossa's own pages`
    : (RESERVED_SLUGS as readonly string[]).includes(slug)
      ? `file name '${slug}' is reserved for the section's A–Z pages`
      : undefined;
  if (reserved) {
    return {
      problem: {
        file: path,
        field: 'file',
        message: reserved,
        hint: 'rename it',
        severity: 'error',
        ...FILE_START,
      },
    };
  }
  return { section, slug };
}

/**
 * A valid name to suggest for an invalid one: slugified, and moved off a reserved name (the hint
 * for `_astro` must not be another name that is refused).
 */
function renameHint(name: string, reserved: readonly string[]): string {
  const slug = slugify(name);
  return slug && reserved.includes(slug) ? `${slug}-entries` : slug;
}
