import { summaryFromBody } from './body-summary.ts';
import { isBefore, isEntryDate } from './dates.ts';
import type { PositionLookup } from './entry-file.ts';
import type { GitDates } from './git-dates.ts';
import { checkBodyLimits } from '../markdown/body-limits.ts';
import type { Problem } from '../checks/problems.ts';
import type { FilledFields } from './term.ts';

/** The fields an editor may leave out, as written (undefined when left out). */
export interface WrittenFields {
  summary: string | undefined;
  published: string | undefined;
  updated: string | undefined;
}

/** The same fields once filled in, or the problems that kept them from being filled. */
export type FilledIn =
  | {
      fields: { summary: string; published: string; updated?: string };
      filled: FilledFields | undefined;
      problems: Problem[];
    }
  | { fields: undefined; problems: Problem[] };

/**
 * Fills in a left-out summary (from the body, see body-summary.ts) and left-out dates (from git:
 * the file's first and last commit, or today for a file not committed yet). Dates the editor
 * wrote are never replaced: git fills `updated` only when `published` came from git too. Without
 * a summary and without prose in the body, or without a date and without git, the problem names
 * the field to write.
 */
export function fillInFields(
  file: { path: string },
  written: WrittenFields,
  body: string,
  {
    locale,
    git,
    positionOf,
  }: { locale: string; git: () => GitDates | undefined; positionOf: PositionLookup },
): FilledIn {
  const problems: Problem[] = [];
  const at = (field: string) => positionOf(field) ?? positionOf('title') ?? { line: 1, column: 1 };
  const filled: FilledFields = {};

  let summary = written.summary;
  if (summary === undefined) {
    // A body past its bounds is reported by the body checks and never parsed.
    summary = checkBodyLimits(body).length === 0 ? summaryFromBody(body, locale) : '';
    if (summary) filled.summary = 'body';
    else
      problems.push({
        file: file.path,
        field: 'summary',
        message: 'is required when the body has no sentence to take it from',
        hint: 'write summary: one sentence that defines the term, or start the body with one',
        severity: 'error',
        ...at('summary'),
      });
  }

  let { published, updated } = written;
  if (published === undefined) {
    const history = git();
    if (!history) {
      problems.push({
        file: file.path,
        field: 'published',
        message: 'is required: the site is not in a git repository, so no first commit can give it',
        hint: 'add the date of first publication, e.g. published: 2026-03-15',
        severity: 'error',
        ...at('published'),
      });
    } else {
      const dates = history.files.get(file.path);
      published = dates?.published ?? history.today;
      filled.published = dates ? 'git' : 'today';
      updated ??= dates?.updated;
      if (
        written.updated !== undefined &&
        isEntryDate(written.updated) &&
        isBefore(written.updated, published)
      ) {
        problems.push({
          file: file.path,
          field: 'updated',
          message: `must not be before published (${published}, the file's first commit)`,
          hint: 'correct updated, or write published yourself',
          severity: 'error',
          ...at('updated'),
        });
      }
    }
  }

  if (summary === '' || published === undefined || problems.length > 0)
    return { fields: undefined, problems };
  return {
    fields: { summary, published, ...(updated === undefined ? {} : { updated }) },
    filled: Object.keys(filled).length > 0 ? filled : undefined,
    problems,
  };
}

/**
 * The glossary-wide warning for dates taken from a shallow clone: its oldest commit is only the
 * clone's, so every "first commit" date is wrong.
 */
export function shallowCloneWarning(): Problem {
  return {
    file: 'content/',
    field: 'published',
    message: 'comes from git for some entries, but this is a shallow clone: their dates are wrong',
    hint: 'fetch the whole history (git fetch --unshallow; in CI, e.g. actions/checkout with fetch-depth: 0)',
    severity: 'warning',
    line: 1,
    column: 1,
  };
}
