/**
 * `npm run import -- SOURCE [--from csv|json|docusaurus|hugo|jekyll] [--section NAME]
 * [--map from=to,...] [--dry-run] [--update] [--date YYYY-MM-DD] [--site DIR]`: creates one entry
 * per term of a spreadsheet, a Docusaurus glossary or a Hugo or Jekyll folder. Everything is
 * validated, together with the existing entries, before anything is written: one bad term means
 * no file changes. Existing files are replaced only with --update. Exits 1 on problems, 2 on bad
 * arguments.
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkSite } from '../src/cli/check-site.ts';
import {
  decideActions,
  describeActions,
  summarizeActions,
  validateImport,
  writeActions,
} from '../src/import/apply.ts';
import { IMPORT_FORMATS, guessFormat, readImportSource, type ImportFormat } from '../src/import/index.ts';
import type { ImportSource } from '../src/import/imported-term.ts';
import { planImport } from '../src/import/plan.ts';
import { parseColumnMap } from '../src/import/spreadsheet.ts';
import { isEntryDate } from '../src/lib/entries/dates.ts';
import { formatProblem, sortProblems, type Problem } from '../src/lib/checks/problems.ts';
import { readPublicFiles, readPublicSvgs } from '../src/lib/entries/read-glossary.ts';
import { loadSiteConfig } from '../src/lib/site/site-config.ts';
import { SLUG_PATTERN } from '../src/lib/entries/term-schema.ts';

const USAGE =
  'Usage: npm run import -- SOURCE [--from csv|json|docusaurus|hugo|jekyll] [--section NAME] [--map from=to,...] [--dry-run] [--update] [--date YYYY-MM-DD]\n';
const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};

const { values, positionals } = readArguments();
const input = positionals.length === 1 ? (positionals[0] ?? '') : fail(USAGE.trimEnd());
if (!existsSync(input)) fail(`${input} does not exist: give the path of a file or folder to import.`);
if (values.from !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(values.from))
  fail(`--from '${values.from}' must be one of ${IMPORT_FORMATS.join(', ')}`);
if (values.section !== undefined && !SLUG_PATTERN.test(values.section))
  fail(`--section '${values.section}' must be lowercase kebab-case, e.g. definition`);
if (values.date !== undefined && !isEntryDate(values.date))
  fail(`--date '${values.date}' must be YYYY-MM-DD`);
const columns = parseColumnMap(values.map);
if (columns.problems.length > 0) fail(columns.problems.join('\n'));

const path = resolve(input);
const name = basename(path);
const dryRun = values['dry-run'];
const printWarnings = (problems: readonly Problem[]) => {
  const warnings = sortProblems(problems).filter((p) => p.severity === 'warning');
  if (warnings.length > 0) process.stderr.write(`Warnings:\n${warnings.map(formatProblem).join('\n')}\n`);
};
const stop = (problems: Problem[]): never => {
  const errors = sortProblems(problems).filter((p) => p.severity === 'error');
  const count = errors.length === 1 ? '1 problem' : `${errors.length} problems`;
  process.stderr.write(`Nothing was written: ${count}.\n${errors.map(formatProblem).join('\n')}\n`);
  printWarnings(problems);
  process.exit(1);
};

const source = readSource();
const siteDir = resolve(values.site);
const site = loadSiteConfig(siteDir);
const { sources, validation } = await checkSite(siteDir);
const plan = planImport(source, {
  ...(values.section ? { section: values.section } : {}),
  ...(values.date ? { date: values.date } : {}),
  existingSlugs: new Set(sources.map((file) => basename(file.path, '.md'))),
});
const { actions, problems: conflicts } = decideActions(plan.entries, sources, values.update);
const publicFiles = await readPublicFiles(siteDir);
const problems = [
  ...plan.problems,
  ...conflicts,
  ...validateImport(
    actions,
    sources,
    site,
    { publicFiles, publicSvgs: readPublicSvgs(siteDir, publicFiles) },
    validation?.problems ?? [],
  ),
];
if (problems.some((p) => p.severity === 'error')) stop(problems);

printWarnings(problems);
if (!dryRun) writeActions(siteDir, actions);
const lines = [...describeActions(actions, dryRun), summarizeActions(actions, name, dryRun)];
process.stdout.write(`${lines.join('\n')}\n`);

function readArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        section: { type: 'string' },
        map: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        update: { type: 'boolean', default: false },
        date: { type: 'string' },
        site: { type: 'string', default: process.env['GLOSSA_SITE_DIR'] ?? '.' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE.trimEnd()}`);
  }
}

function readSource(): ImportSource {
  try {
    const format = (values.from as ImportFormat | undefined) ?? guessFormat(path);
    if (columns.map.size > 0 && format !== 'csv' && format !== 'json')
      fail(`--map renames the columns of a CSV or JSON sheet; it does nothing for --from ${format}`);
    return readImportSource(path, { format, name, map: columns.map });
  } catch (error) {
    return stop([
      {
        file: name,
        field: 'file',
        message: `cannot be read: ${(error as Error).message}`,
        severity: 'error',
      },
    ]);
  }
}
