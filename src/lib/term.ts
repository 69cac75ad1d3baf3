import type { TermFrontMatter } from './term-schema.ts';

/** A validated glossary entry: its front matter plus where it lives. */
export interface Term extends Omit<TermFrontMatter, 'author'> {
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
