import { urlScheme } from './url-safety.ts';

/**
 * Links from one entry to another as editors write them in Markdown: to the other entry's file
 * (`[tcp](./tcp.md)`, `[tcp](tcp.md)`, `[tcp](../definition/tcp.md#history)`, the form that works
 * in a Git host's file view and in editors) or to its page (`[tcp](/definition/tcp/)`). A file
 * link is resolved by its file name alone: slugs are unique across sections, so the entry it
 * names is known wherever it sits, and the folder part cannot send readers to the wrong page.
 */

/** The section of the entry with this slug, or `undefined` when there is no such entry. */
export type SectionOf = (slug: string) => string | undefined;

/** A link to an entry's Markdown file, split into what it names. */
export interface EntryFileLink {
  /** The file name without `.md`, i.e. the slug it names (which may not exist). */
  slug: string;
  /** The `#fragment` without its `#`, decoded; `undefined` when there is none. */
  fragment: string | undefined;
  /** What follows the path as written (`?query#fragment`), carried over to the page URL. */
  suffix: string;
}

/**
 * Whether a body may hold a link to an entry file: every such link has `.md` in it, and most
 * bodies have none, so the pipeline and the content cache skip them at the cost of one test.
 */
export function mayLinkToEntryFiles(body: string): boolean {
  return /\.md\b/i.test(body);
}

/**
 * The entry file a destination names, or `undefined` for anything else: a URL with a scheme,
 * `//host`, a site path (`/definition/tcp.md` is the entry's published Markdown copy, a real
 * address), a bare `#fragment`, or a relative path that does not end in `.md`.
 */
export function parseEntryFileLink(url: string): EntryFileLink | undefined {
  if (url === '' || url.startsWith('/') || url.startsWith('#') || url.startsWith('?')) return undefined;
  if (urlScheme(url) !== undefined) return undefined;
  const cut = url.search(/[?#]/);
  const path = cut === -1 ? url : url.slice(0, cut);
  const suffix = cut === -1 ? '' : url.slice(cut);
  if (!path.toLowerCase().endsWith('.md')) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1, -'.md'.length);
  const hash = suffix.indexOf('#');
  return { slug: decode(name), fragment: hash === -1 ? undefined : decode(suffix.slice(hash + 1)), suffix };
}

/**
 * The site path (`/definition/tcp/#history`, before the glossary's root is added) a link to an
 * entry file stands for, or the destination unchanged when it is not one or names no entry.
 */
export function resolveEntryLink(url: string, sectionOf: SectionOf): string {
  const link = parseEntryFileLink(url);
  const section = link && sectionOf(link.slug);
  return link && section ? `/${section}/${link.slug}/${link.suffix}` : url;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
