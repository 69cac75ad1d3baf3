import { parseEntryFile, type PositionLookup } from './entry-file.ts';
import { checkBodyLimits } from './markdown/body-limits.ts';
import { checkBodyUrls } from './markdown/check-body-urls.ts';
import { checkLinks } from './markdown/check-links.ts';
import { checkFormulas } from './markdown/formulas.ts';
import type { Problem, Severity } from './problems.ts';
import { checkPublicFiles, type PublicSvg } from './public-files.ts';
import type { SiteConfig } from './site-config.ts';
import { slugify } from './slugify.ts';
import { createSuggester, didYouMean } from './suggest.ts';
import type { Term } from './term.ts';
import { SLUG_PATTERN, TERM_FIELDS, TermFrontMatterSchema } from './term-schema.ts';
import { RESERVED_SECTIONS, RESERVED_SLUGS } from './urls.ts';

/** Something the reader found about a path while reading it (see read-glossary.ts). */
export interface SourceNote {
  field: string;
  message: string;
  hint: string;
  severity: Severity;
  line: number;
}

/** One Markdown file of the glossary as read from disk. */
export interface SourceFile {
  /** Path relative to the site folder, with forward slashes: `content/<section>/<slug>.md`. */
  path: string;
  text: string;
  /** What reading found: a file that cannot be read, invalid UTF-8, a file that is not an entry. */
  notes?: readonly SourceNote[];
  /** True when there is no text to validate (a folder or file that could not be read, a skipped file). */
  unreadable?: boolean;
}

/** Where each front-matter field of a file starts, 1-based; looked up lazily (see entry-file.ts). */
export type FieldPositions = PositionLookup;

/** The outcome of validating a whole glossary: every entry that parsed, and every problem found. */
export interface GlossaryValidation {
  terms: Term[];
  problems: Problem[];
  /** Field positions by file path, so later checks (warnings) can point at the right line. */
  positions: ReadonlyMap<string, FieldPositions>;
}

/** Facts about the site folder that the validator cannot read itself, since it stays pure. */
export interface ValidationContext {
  /**
   * Every file under `public/`, as site paths (`/images/curve.svg`). When given, an `image.src`
   * path that is not among them is an error: the page would show a broken picture.
   */
  publicFiles?: ReadonlySet<string>;
  /** The SVGs under `public/` with their text; checked for script (see public-files.ts) when given. */
  publicSvgs?: readonly PublicSvg[];
}

// Problems with a file as a whole (its name, its place) point at its first line, so every
// problem has a position editors' tools can jump to.
const FILE_START = { line: 1, column: 1 } as const;

const CONTENT_PATH = /^content\/([^/]+)\/([^/]+)\.md$/;

/**
 * Validates every file of a glossary and the references between them, returning all problems
 * at once (never just the first) so an editor can fix a batch in one pass. Pure: the caller
 * reads the files.
 */
export function validateGlossary(
  files: readonly SourceFile[],
  site: SiteConfig,
  context: ValidationContext = {},
): GlossaryValidation {
  const problems: Problem[] = [];
  const terms: Term[] = [];
  const lines = new Map<Term, FieldPositions>();
  // Slugs of every well-placed file, valid or not: a reference to an entry whose front matter is
  // broken is not "unknown" (that file's own problem is reported instead).
  const existing = new Set<string>();

  for (const file of files) {
    for (const note of file.notes ?? []) problems.push({ file: file.path, column: 1, ...note });
    if (file.unreadable) continue;
    const location = checkLocation(file.path);
    if ('problem' in location) {
      problems.push(location.problem);
      continue;
    }
    existing.add(location.slug);
    const parsed = parseEntryFile(file.path, file.text);
    if (!parsed.entry) {
      problems.push(...parsed.problems);
      continue;
    }
    const { data, body, bodyLine, positionOf } = parsed.entry;
    const at = (field: string) => positionOf(field) ?? { line: 1, column: 1 };
    const result = TermFrontMatterSchema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          for (const key of issue.keys) {
            const hint = didYouMean(key, TERM_FIELDS) ?? `known fields: ${TERM_FIELDS.join(', ')}`;
            problems.push({
              file: file.path,
              field: key,
              message: 'is not a known field',
              hint,
              severity: 'error',
              ...at(key),
            });
          }
          continue;
        }
        const top = String(issue.path[0] ?? 'front matter');
        const field = formatPath(issue.path);
        problems.push({
          file: file.path,
          field,
          message: issue.message,
          severity: 'error',
          ...(positionOf(field) ?? at(top)),
        });
      }
      continue;
    }
    const { author, ...front } = result.data;
    const term: Term = {
      ...front,
      author: author ?? site.defaultAuthor,
      slug: location.slug,
      section: location.section,
      file: file.path,
      body,
    };
    if (author !== undefined && !Object.hasOwn(site.authors, author)) {
      problems.push({
        file: file.path,
        field: 'author',
        message: `'${author}' is not an author in glossa.config.yaml`,
        hint:
          didYouMean(author, Object.keys(site.authors)) ??
          `known authors: ${Object.keys(site.authors).join(', ')}`,
        severity: 'error',
        ...at('author'),
      });
    }
    const src = term.image?.src;
    if (
      context.publicFiles &&
      src?.startsWith('/') &&
      !context.publicFiles.has(src.split(/[?#]/)[0] ?? src)
    ) {
      problems.push({
        file: file.path,
        field: 'image.src',
        message: `'${src}' is not a file in public/`,
        hint: didYouMean(src, context.publicFiles) ?? 'add the file under public/ or fix the path',
        severity: 'error',
        ...(positionOf('image.src') ?? at('image')),
      });
    }
    // Bounds first: a body past them is not parsed at all, since parsing is what would explode.
    const limits = checkBodyLimits(body);
    for (const problem of limits.length > 0 ? limits : checkBodyUrls(body)) {
      problems.push({
        file: file.path,
        field: 'body',
        message: problem.message,
        hint: problem.hint,
        severity: 'error',
        line: bodyLine + problem.line - 1,
        column: problem.column,
      });
    }
    // A warning, not an error: the page still shows the formula, as its TeX source in code.
    for (const problem of checkFormulas(body)) {
      problems.push({
        file: file.path,
        field: 'body',
        message: `formula '${problem.tex.length > 60 ? `${problem.tex.slice(0, 57)}…` : problem.tex}' does not parse: ${problem.message}`,
        hint: 'the page shows it as code until it is fixed; see https://temml.org/docs/en/supported',
        severity: 'warning',
        line: bodyLine + problem.line - 1,
        column: problem.column,
      });
    }
    if (body.trim() === '') {
      problems.push({
        file: file.path,
        field: 'body',
        message: 'is empty',
        hint: 'write the definition below the front matter',
        severity: 'warning',
        line: positionOf('title')?.line ?? 1,
      });
    }
    terms.push(term);
    lines.set(term, positionOf);
  }

  // An empty glossary is refused: a missing or emptied content/ once replaced a 98-page site
  // with a 5-page one and exited 0.
  if (!files.some((file) => !file.unreadable) && !problems.some((p) => p.severity === 'error')) {
    problems.push({
      file: 'content/',
      field: 'file',
      message: 'holds no entries',
      hint: 'add content/<section>/<slug>.md files, e.g. with npm run new -- "Term" --section definition',
      severity: 'error',
      ...FILE_START,
    });
  }
  problems.push(...checkReferences(terms, existing, lines));
  problems.push(...checkLinks({ terms, files, site, context, positions: lines }));
  if (context.publicFiles) {
    const sections = [...new Set(terms.map((term) => term.section))];
    problems.push(...checkPublicFiles(context.publicFiles, context.publicSvgs ?? [], { sections, terms }));
  }
  return {
    terms,
    problems,
    positions: new Map(terms.map((term) => [term.file, lines.get(term) ?? (() => undefined)])),
  };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

function checkLocation(path: string): { section: string; slug: string } | { problem: Problem } {
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

function checkReferences(
  terms: readonly Term[],
  existing: ReadonlySet<string>,
  positions: ReadonlyMap<Term, FieldPositions>,
): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, Term>();
  for (const term of terms) {
    const first = bySlug.get(term.slug);
    if (first) {
      problems.push({
        file: term.file,
        field: 'file',
        message: `slug '${term.slug}' is already used by ${first.file}`,
        hint: 'slugs must be unique across all sections: rename one of the two files',
        severity: 'error',
        ...FILE_START,
      });
      continue;
    }
    bySlug.set(term.slug, term);
  }

  const suggestSlug = createSuggester(existing);
  for (const term of terms) {
    const at = (field: string) => positions.get(term)?.(field) ?? { line: 1, column: 1 };
    for (const field of ['related', 'mentions'] as const) {
      term[field].forEach((slug, index) => {
        const target = bySlug.get(slug);
        const problem = (message: string, hint: string) =>
          // Positions are looked up only here: finding them re-reads the front matter (entry-file.ts).
          problems.push({
            file: term.file,
            field: `${field}[${index}]`,
            severity: 'error',
            message,
            hint,
            ...at(field),
          });
        if (slug === term.slug) {
          problem('refers to the entry itself', `remove '${slug}'`);
        } else if (!target && !existing.has(slug)) {
          problem(
            `'${slug}' is not an entry in this glossary`,
            suggestSlug(slug) ?? 'create the entry or remove the reference',
          );
        } else if (target?.draft && !term.draft) {
          problem(
            `'${slug}' is a draft and will not be published`,
            `publish ${target.file} (remove draft: true) or remove the reference`,
          );
        }
      });
    }
  }
  return problems;
}
