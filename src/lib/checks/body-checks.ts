import type { PositionLookup } from '../entries/entry-file.ts';
import { checkBodyLimits } from '../markdown/body-limits.ts';
import { checkBodyUrls } from '../markdown/check-body-urls.ts';
import { checkFormulas } from '../markdown/formulas.ts';
import type { Problem } from './problems.ts';

/** A problem found in a body, at a line and column of the body alone. */
export interface BodyFinding {
  message: string;
  hint: string;
  line: number;
  column: number;
}

/**
 * A body's finding as an error of its entry file: `bodyLine` is the file line the body starts on,
 * so the problem points into the file rather than into the body.
 */
export function bodyError(path: string, bodyLine: number, finding: BodyFinding): Problem {
  return {
    file: path,
    field: 'body',
    message: finding.message,
    hint: finding.hint,
    severity: 'error',
    line: bodyLine + finding.line - 1,
    column: finding.column,
  };
}

/**
 * The checks of an entry's Markdown body: size bounds, unsafe or broken destinations (errors),
 * formulas that do not parse and an empty body (warnings). `bodyLine` is the file line the body
 * starts on, so each problem points into the file. `limits` are the body's bounds it goes past,
 * when the caller has worked them out already.
 */
export function checkEntryBody(
  file: { path: string },
  body: string,
  bodyLine: number,
  positionOf: PositionLookup,
  limits = checkBodyLimits(body),
): Problem[] {
  const problems: Problem[] = [];
  // Bounds first: a body past them is not parsed at all, since parsing is what would explode.
  for (const problem of limits.length > 0 ? limits : checkBodyUrls(body)) {
    problems.push(bodyError(file.path, bodyLine, problem));
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
  return problems;
}
