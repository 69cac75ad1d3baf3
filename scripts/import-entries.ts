/**
 * `npm run import -- terms.csv|terms.json [--update] [--date YYYY-MM-DD] [--site DIR]`: creates
 * one entry per row. Everything is validated, together with the existing entries, before
 * anything is written: one bad row means no file changes. Existing files are replaced only
 * with --update. Exits 1 on problems, 2 on bad arguments.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkSite } from '../src/cli/check-site.ts';
import {
  buildImportedEntries,
  readCsvRows,
  readJsonRows,
  type ImportRow,
} from '../src/lib/import-entries.ts';
import { todayIn } from '../src/lib/new-entry.ts';
import { formatProblem, sortProblems, type Problem } from '../src/lib/problems.ts';
import { readPublicFiles } from '../src/lib/read-glossary.ts';
import { loadSiteConfig } from '../src/lib/site-config.ts';
import { validateGlossary } from '../src/lib/validate-glossary.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    update: { type: 'boolean', default: false },
    date: { type: 'string' },
    site: { type: 'string', default: process.env['GLOSSA_SITE_DIR'] ?? '.' },
  },
});
const [input] = positionals;
const format = extname(input ?? '').toLowerCase();
if (!input || positionals.length > 1 || (format !== '.csv' && format !== '.json')) {
  process.stderr.write('Usage: npm run import -- terms.csv|terms.json [--update]\n');
  process.exit(2);
}

const source = basename(input);
const stop = (problems: Problem[]): never => {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  process.stderr.write(
    `Nothing was written: ${count}.\n${sortProblems(problems).map(formatProblem).join('\n')}\n`,
  );
  process.exit(1);
};

let rows: ImportRow[] = [];
try {
  const text = readFileSync(input, 'utf8');
  rows = format === '.csv' ? readCsvRows(text) : readJsonRows(text);
} catch (error) {
  stop([
    {
      file: source,
      field: 'file',
      message: `cannot be read: ${(error as Error).message}`,
      severity: 'error',
    },
  ]);
}

const siteDir = resolve(values.site);
const site = loadSiteConfig(siteDir);
const { entries, problems } = buildImportedEntries(rows, {
  source,
  published: values.date ?? todayIn(site.timezone),
});
const { sources, validation } = await checkSite(siteDir);

// Decide, for each row, whether it creates or replaces a file, before validating anything.
const files = new Map(sources.map((file) => [file.path, file]));
const bySlug = new Map(sources.map((file) => [basename(file.path), file.path]));
const fromRow = new Map<string, number>();
const actions: { path: string; text: string; verb: 'Created' | 'Updated' }[] = [];
for (const entry of entries) {
  const at = { file: source, line: entry.line, column: 1, severity: 'error' as const };
  const earlier = fromRow.get(basename(entry.path));
  const existing = bySlug.get(basename(entry.path));
  if (earlier !== undefined) {
    problems.push({
      ...at,
      field: 'title',
      message: `gives the same file name as the row on line ${earlier}`,
    });
  } else if (existing && existing !== entry.path) {
    problems.push({
      ...at,
      field: 'title',
      message: `gives a slug already used by ${existing}`,
      hint: 'slugs are unique across sections: change the title or the section',
    });
  } else if (existing && !values.update) {
    problems.push({
      ...at,
      field: 'title',
      message: `${existing} already exists`,
      hint: 'add --update to replace it',
    });
  } else {
    actions.push({ path: entry.path, text: entry.text, verb: existing ? 'Updated' : 'Created' });
  }
  fromRow.set(basename(entry.path), entry.line);
  files.set(entry.path, entry);
}

// Validate the glossary as it would be after the import; report only what the import causes.
const before = new Set((validation?.problems ?? []).map(formatProblem));
const lineOf = new Map(entries.map((entry) => [entry.path, entry.line]));
const after = validateGlossary([...files.values()], site, { publicFiles: await readPublicFiles(siteDir) });
for (const problem of after.problems) {
  if (problem.severity !== 'error') continue;
  const line = lineOf.get(problem.file);
  if (line !== undefined) problems.push({ ...problem, file: source, line, column: 1 });
  else if (!before.has(formatProblem(problem))) problems.push(problem);
}
if (problems.length > 0) stop(problems);

for (const action of actions) {
  mkdirSync(dirname(join(siteDir, action.path)), { recursive: true });
  writeFileSync(join(siteDir, action.path), action.text);
  process.stdout.write(`${action.verb} ${action.path}\n`);
}
process.stdout.write(
  `Imported ${actions.length} ${actions.length === 1 ? 'entry' : 'entries'} from ${source}.\n`,
);
