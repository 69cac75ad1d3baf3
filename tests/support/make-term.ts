import type { Term } from '../../src/lib/entries/term.ts';

/** A valid Term with sensible defaults, for unit tests of pure modules. */
export function makeTerm(slug: string, overrides: Partial<Term> = {}): Term {
  const title = slug
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
  return {
    slug,
    section: 'definition',
    title,
    summary: `${title} is a term used in unit tests of the glossary modules.`,
    keyword: 'Meaning',
    published: '2026-03-01',
    author: 'ed',
    categories: [],
    tags: [],
    aka: [],
    related: [],
    mentions: [],
    redirectFrom: [],
    featured: false,
    autolink: true,
    draft: false,
    file: `content/definition/${slug}.md`,
    body: 'Body.',
    ...overrides,
  };
}
