import type { TermFrontMatter } from './term-schema.ts';

/** Fields Glossa worked out because the editor left them out, and where from. */
export interface FilledFields {
  /** The summary is the body's first sentence (or its text up to `<!--more-->`). */
  summary?: 'body';
  /** The dates come from git history, or the entry is not committed yet and counts as new today. */
  published?: 'git' | 'today';
}

/**
 * A validated glossary entry: its front matter plus where it lives. `summary` and `published` are
 * always there: the validator fills in the ones an editor may leave out, so no page, feed or
 * output needs to know they were optional.
 */
export interface Term extends Omit<TermFrontMatter, 'author' | 'summary' | 'published'> {
  /** One sentence defining the term: written, or taken from the body. */
  summary: string;
  /** First publication date: written, or the file's first commit. */
  published: string;
  /** What was filled in rather than written; absent when the editor wrote every field. */
  filled?: FilledFields;
  /** The site's own fields (declared in glossa.schema.ts), as validated; absent when it declares none. */
  fields?: Readonly<Record<string, unknown>>;
  /** File name without `.md`; unique across the whole glossary. */
  slug: string;
  /** Folder under `content/`, e.g. `definition`. */
  section: string;
  /** Key of the credited author in the site configuration (the default author when none is given). */
  author: string;
  /** Path of the source file relative to the site folder. */
  file: string;
  /** Markdown body. */
  body: string;
}
