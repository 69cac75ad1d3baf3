/**
 * The last steps of an import: decide for each planned file whether it creates or replaces one,
 * validate the glossary as it would be afterwards, and only then write.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatProblem, type Problem } from '../lib/checks/problems.ts';
import type { SiteConfig } from '../lib/site/site-config.ts';
import {
  validateGlossary,
  type SourceFile,
  type ValidationContext,
} from '../lib/checks/validate-glossary.ts';
import { problemAt } from './imported-term.ts';
import type { PlannedEntry } from './plan.ts';

/** One file the import writes. */
export interface ImportAction {
  entry: PlannedEntry;
  verb: 'Created' | 'Updated';
}

/**
 * Which planned files create an entry and which replace one (only with `update`); an entry whose
 * slug another section already uses, or that exists without `update`, is a problem at its source.
 */
export function decideActions(
  entries: readonly PlannedEntry[],
  sources: readonly SourceFile[],
  update: boolean,
): { actions: ImportAction[]; problems: Problem[] } {
  const bySlug = new Map(sources.map((file) => [basename(file.path), file.path]));
  const actions: ImportAction[] = [];
  const problems: Problem[] = [];
  for (const entry of entries) {
    const existing = bySlug.get(`${entry.slug}.md`);
    if (existing && existing !== entry.path) {
      problems.push(
        problemAt(
          entry.origin,
          'title',
          `gives a slug already used by ${existing}`,
          'error',
          'slugs are unique across sections: change the title or the section',
        ),
      );
    } else if (existing && !update) {
      problems.push(
        problemAt(entry.origin, 'title', `${existing} already exists`, 'error', 'add --update to replace it'),
      );
    } else {
      actions.push({ entry, verb: existing ? 'Updated' : 'Created' });
    }
  }
  return { actions, problems };
}

/**
 * Validates the glossary as it would be after the import, with the same validator as the build.
 * Problems of imported files point at their source; of the site's own files, only those the
 * import causes (problems already there before are not the import's to report).
 */
export function validateImport(
  actions: readonly ImportAction[],
  sources: readonly SourceFile[],
  site: SiteConfig,
  context: ValidationContext,
  problemsBefore: readonly Problem[],
): Problem[] {
  const files = new Map(sources.map((file) => [file.path, file]));
  for (const { entry } of actions) {
    // An undated entry is never written (the plan refuses it), but without a date the validator
    // would skip its references: a stand-in date lets every other problem be reported at once.
    const text = entry.undated ? entry.text.replace(/^published: ""$/m, 'published: 2000-01-01') : entry.text;
    files.set(entry.path, { path: entry.path, text });
  }
  const before = new Set(problemsBefore.map(formatProblem));
  const byPath = new Map(actions.map(({ entry }) => [entry.path, entry]));
  const out: Problem[] = [];
  for (const problem of validateGlossary([...files.values()], site, context).problems) {
    if (problem.severity !== 'error') continue;
    const entry = byPath.get(problem.file);
    if (entry) out.push({ ...problem, file: entry.origin.file, line: entry.origin.line, column: 1 });
    else if (!before.has(formatProblem(problem))) out.push(problem);
  }
  return out;
}

/** Writes the files of the actions under the site folder. */
export function writeActions(siteDir: string, actions: readonly ImportAction[]): void {
  for (const { entry } of actions) {
    mkdirSync(dirname(join(siteDir, entry.path)), { recursive: true });
    writeFileSync(join(siteDir, entry.path), entry.text);
  }
}

/** The plan as the editor reads it before anything is written (`--dry-run`), and after. */
export function describeActions(actions: readonly ImportAction[], dryRun: boolean): string[] {
  return actions.map(({ entry, verb }) => {
    const notes = [
      entry.stub ? 'stub: published with a "no definition yet" note' : '',
      entry.draft ? 'draft' : '',
      entry.redirectFrom.length > 0 ? `redirects from ${entry.redirectFrom.join(', ')}` : '',
    ].filter(Boolean);
    const what = dryRun ? `Would ${verb === 'Created' ? 'create' : 'update'}` : verb;
    return `${what} ${entry.path}${dryRun ? ` from ${entry.origin.file}` : ''}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
  });
}

/** One line counting what the import holds: entries, stubs, drafts, redirects. */
export function summarizeActions(actions: readonly ImportAction[], source: string, dryRun: boolean): string {
  const n = actions.length;
  const stubs = actions.filter((a) => a.entry.stub).length;
  const drafts = actions.filter((a) => a.entry.draft).length;
  const redirects = actions.reduce((sum, a) => sum + a.entry.redirectFrom.length, 0);
  const parts = [
    stubs > 0 ? `${stubs} ${stubs === 1 ? 'stub' : 'stubs'}` : '',
    drafts > 0 ? `${drafts} ${drafts === 1 ? 'draft' : 'drafts'}` : '',
    redirects > 0 ? `${redirects} ${redirects === 1 ? 'redirect' : 'redirects'}` : '',
  ].filter(Boolean);
  const entries = `${n} ${n === 1 ? 'entry' : 'entries'}`;
  return `${dryRun ? 'Would import' : 'Imported'} ${entries} from ${source}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}.${dryRun ? ' Nothing was written (--dry-run).' : ''}`;
}
