/**
 * One shape for everything that can be wrong with a glossary, so the build, `check:content`
 * and the tests all report problems the same way.
 */

/** How bad a problem is: errors stop the build, warnings are only reported. */
export type Severity = 'error' | 'warning';

/** A single thing wrong with one file of the glossary. */
export interface Problem {
  /** Path of the offending file, relative to the site folder (e.g. `content/definition/gamma.md`). */
  file: string;
  /** The front-matter field at fault (`related[2]`, `title`), or `file` / `body` for the file as a whole. */
  field: string;
  /** What is wrong, as a sentence fragment a non-programmer can act on. */
  message: string;
  /** How to fix it, when we can tell (e.g. "did you mean 'gamma'?"). */
  hint?: string;
  severity: Severity;
  /** 1-based line of the field in the file, when known. */
  line?: number;
  /** 1-based column of the field in the file, when known. */
  column?: number;
}

/** Formats a problem as `path:line:column  field  message  (hint)`, the form editors' tools can jump to. */
export function formatProblem(problem: Problem): string {
  const where =
    problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  const hint = problem.hint ? `  (${problem.hint})` : '';
  return `${where}  ${problem.field}  ${problem.message}${hint}`;
}

/** Orders problems errors first, then by file and line, so the report reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const rank = (p: Problem) => (p.severity === 'error' ? 0 : 1);
  return [...problems].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.field.localeCompare(b.field),
  );
}

/**
 * The problems that fail a build or a check: the errors, and with `strict` (`strict: true` in
 * glossa.config.yaml, `check:content --strict`) the warnings too.
 */
export function failingProblems(problems: readonly Problem[], strict = false): Problem[] {
  return problems.filter((p) => strict || p.severity === 'error');
}

/** Thrown when a glossary has errors (or, with `strict`, warnings); its message lists every one. */
export class GlossaryError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[], { strict = false } = {}) {
    const failing = failingProblems(sortProblems(problems), strict);
    const count = failing.length === 1 ? '1 problem' : `${failing.length} problems`;
    const why = failing.some((p) => p.severity === 'warning')
      ? ' (warnings count, since glossa.config.yaml sets strict: true)'
      : '';
    super(`The glossary has ${count}${why}:\n${failing.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'GlossaryError';
    this.problems = problems;
  }
}
