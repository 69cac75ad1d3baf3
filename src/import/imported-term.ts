import type { Problem } from '../lib/checks/problems.ts';

/** Where an imported entry came from: the source file (as the editor named it) and its line. */
export interface ImportOrigin {
  file: string;
  line: number;
}

/** A link the source lists beside the definition (Jekyll's `references`). */
export interface ImportReference {
  title?: string;
  url?: string;
}

/**
 * One term as a source format describes it, before it becomes an entry file: every reader
 * (CSV, JSON, Docusaurus, Hugo, Jekyll) produces these, and one planner turns them into files.
 */
export interface ImportedTerm {
  origin: ImportOrigin;
  title: string;
  /** The slug the source gives (its file name or id); otherwise made from the title. */
  slug?: string;
  /** The section folder the source names; otherwise `--section`. */
  section?: string;
  /** A short definition that can stand alone as the summary. */
  summary?: string;
  /** The definition in Markdown; empty for a stub. */
  body: string;
  /** `YYYY-MM-DD` (or an ISO date-time) from the source itself. */
  published?: string;
  updated?: string;
  keyword?: string;
  author?: string;
  aka: string[];
  tags: string[];
  categories: string[];
  /** Slugs of entries to read next; references to redirect stubs are moved onto their targets. */
  related: string[];
  mentions: string[];
  image?: { src: string; alt: string };
  draft?: boolean;
  /** Links shown in a "References" list at the end of the body. */
  references: ImportReference[];
  /**
   * True for a format that holds a whole glossary (Hugo, Jekyll, Docusaurus): a reference to a
   * term the source does not have is a broken link of the old site, dropped with a warning,
   * rather than a mistake in a spreadsheet row to fix.
   */
  dropUnknownReferences?: boolean;
}

/** A redirect stub of the source: the old slug now leads to `to`. */
export interface ImportedRedirect {
  origin: ImportOrigin;
  from: string;
  to: string;
  /** The stub's title, kept as a synonym of the target so search still finds it. */
  title?: string;
}

/** What a reader found in a source: the terms, the redirect stubs, and what was wrong. */
export interface ImportSource {
  terms: ImportedTerm[];
  redirects: ImportedRedirect[];
  problems: Problem[];
}

/** A blank term at an origin, for readers to fill in. */
export function emptyTerm(origin: ImportOrigin, title: string): ImportedTerm {
  return {
    origin,
    title,
    body: '',
    aka: [],
    tags: [],
    categories: [],
    related: [],
    mentions: [],
    references: [],
  };
}

/** A problem at an origin of the source. */
export function problemAt(
  origin: ImportOrigin,
  field: string,
  message: string,
  severity: 'error' | 'warning',
  hint?: string,
): Problem {
  return {
    file: origin.file,
    line: origin.line,
    column: 1,
    field,
    message,
    severity,
    ...(hint ? { hint } : {}),
  };
}

/** Items of a list value: an array, or a cell whose items are separated by `;` (or `,`). */
export function toList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
  if (value === undefined || value === null) return [];
  if (typeof value === 'object') return [];
  return String(value)
    .split(/[;,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A scalar value as trimmed text; empty for a missing value. */
export function toText(value: unknown): string {
  // A YAML 1.1 timestamp (`date: 2018-04-12` read by an older parser) arrives as a Date.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value === undefined || value === null || typeof value === 'object') return '';
  return String(value).trim();
}

/**
 * Whether a definition can be the entry's summary as it stands: one line of plain text no longer
 * than a summary may be. Longer or formatted definitions go to the body instead, where nothing
 * of them is lost.
 */
export function isShortDefinition(text: string, max: number): boolean {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 0 && line.length <= max && !/\n\s*\n/.test(text) && !/[[`$<*]/.test(line);
}
