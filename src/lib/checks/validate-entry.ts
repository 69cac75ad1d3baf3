import type { z } from 'zod';
import { checkEntryBody } from './body-checks.ts';
import { checkBodyLimits } from '../markdown/body-limits.ts';
import { checkAgainstSite } from './entry-checks.ts';
import { findEntryWarnings, type EntryWarnings } from './entry-warnings.ts';
import { findBodyLinkParts, type BodyLinkParts } from '../markdown/check-links.ts';
import { foreignFieldHint } from '../entries/field-aliases.ts';
import { parseEntryFile, type PositionLookup } from '../entries/entry-file.ts';
import { checkLocation } from '../entries/entry-location.ts';
import { fillInFields } from '../entries/fill-in.ts';
import type { GitDates } from '../entries/git-dates.ts';
import type { Problem } from './problems.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { didYouMean } from './suggest.ts';
import type { Term } from '../entries/term.ts';
import type { TermFrontMatterSchema } from '../entries/term-schema.ts';

/** What the checks of one file need besides its text: the same for every file of a glossary. */
export interface EntryEnvironment {
  site: SiteConfig;
  /** The front-matter schema, Glossa's own or extended by the site (see term-schema.ts). */
  schema: z.ZodType;
  /** Every field the schema knows, for "did you mean" on an unknown one. */
  knownFields: readonly string[];
  /** The site's declared fields, which a term keeps under `fields`. */
  own: readonly string[];
  publicFiles: ReadonlySet<string> | undefined;
  /** The site's git history, read on first use (an entry that leaves out `published`). */
  git: () => GitDates | undefined;
}

/** What the checks of one file found: its problems and, when it is a valid entry, its term. */
export interface EntryValidation {
  problems: Problem[];
  /** The slug of a well-placed file, valid or not (references to it are not "unknown"). */
  slug?: string;
  term?: Term;
  /** Where each front-matter field of the term's file starts. */
  positionOf?: PositionLookup;
  /** True when a date came from git, so the outcome depends on more than the file's text. */
  usedGit: boolean;
  /** True when the term's body goes past a bound (body-limits.ts), so nothing parses it. */
  overLimits?: boolean;
  /** What the checks across entries read of this one, found with the rest of its checks. */
  findings?: EntryFindings;
  /**
   * Where the term's body starts in the file's text, when an outcome read from disk says so
   * (stored-outcomes.ts): the body itself is cut from a file that may not have been read.
   */
  bodyStart?: number;
}

/**
 * The parts of the checks across entries that read one entry alone: its editorial warnings and
 * names (entry-warnings.ts) and what its body links to (check-links.ts). Found once with the
 * file's other checks, they are kept with its outcome by the validation cache, so a check after
 * an edit works them out for the edited files only.
 */
export interface EntryFindings {
  warnings: EntryWarnings;
  /** Empty for a body past its bounds, which nothing parses. */
  links: BodyLinkParts;
}

/**
 * Every check of one entry file on its own: where it sits, its front matter against the schema,
 * the fields filled in, its author and picture against the site, its body. Rules across entries
 * (unique slugs, references) are validate-glossary.ts's. The notes the reader attached to the file
 * are not reported here, and the file must be readable.
 */
export function validateEntryFile(
  file: { path: string; text: string },
  env: EntryEnvironment,
): EntryValidation {
  const problems: Problem[] = [];
  let usedGit = false;
  const location = checkLocation(file.path);
  if ('problem' in location) return { problems: [location.problem], usedGit };
  const slug = location.slug;
  const parsed = parseEntryFile(file.path, file.text);
  if (!parsed.entry) return { problems: parsed.problems, slug, usedGit };
  const { data, body, bodyLine, positionOf } = parsed.entry;
  const at = (field: string) => positionOf(field) ?? { line: 1, column: 1 };
  const result = env.schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const hint =
            foreignFieldHint(key) ??
            didYouMean(key, env.knownFields) ??
            `known fields: ${env.knownFields.join(', ')}`;
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
    return { problems, slug, usedGit };
  }
  const { author, summary, published, updated, ...rest } = result.data as z.output<
    typeof TermFrontMatterSchema
  > &
    Record<string, unknown>;
  const { front, fields } = splitDeclared(rest, env.own);
  const filledIn = fillInFields(file, { summary, published, updated }, body, {
    locale: env.site.locale,
    git: () => {
      usedGit = true;
      return env.git();
    },
    positionOf,
  });
  problems.push(...filledIn.problems);
  if (!filledIn.fields) return { problems, slug, usedGit };
  const term: Term = {
    ...front,
    ...filledIn.fields,
    ...(filledIn.filled ? { filled: filledIn.filled } : {}),
    ...(fields ? { fields } : {}),
    author: author ?? env.site.defaultAuthor,
    slug,
    section: location.section,
    file: file.path,
    body,
  };
  problems.push(...checkAgainstSite(file, term, author, env.site, env.publicFiles, positionOf));
  const limits = checkBodyLimits(body);
  problems.push(...checkEntryBody(file, body, bodyLine, positionOf, limits));
  const findings: EntryFindings = {
    warnings: findEntryWarnings(term, positionOf, env.site.locale),
    links: limits.length > 0 ? { urls: [], unclosed: [] } : findBodyLinkParts(body),
  };
  return {
    problems,
    slug,
    term,
    positionOf,
    usedGit,
    findings,
    ...(limits.length > 0 ? { overLimits: true } : {}),
  };
}

/** Glossa's fields apart from the site's declared ones, which a term keeps under `fields`. */
function splitDeclared<T extends Record<string, unknown>>(
  data: T,
  own: readonly string[],
): { front: T; fields: Record<string, unknown> | undefined } {
  if (own.length === 0) return { front: data, fields: undefined };
  const front: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) (own.includes(key) ? fields : front)[key] = value;
  return { front: front as T, fields };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}
