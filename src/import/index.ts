/**
 * Reading an import source of any format: guessing the format when `--from` is not given, and
 * handing the file or folder to the reader of that format. What happens next is the same for
 * every format (plan.ts, apply.ts).
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { readDocusaurusGlossary } from './docusaurus.ts';
import { readGitDates } from './git-dates.ts';
import { readHugoDocuments } from './hugo.ts';
import { problemAt, type ImportSource } from './imported-term.ts';
import { readJekyllDocuments } from './jekyll.ts';
import { readMarkdownFolder, relinkOldPaths, type SourceDocument } from './markdown-folder.ts';
import { readCsvRows, readJsonRows, readRows } from './spreadsheet.ts';

/** The formats an import reads. */
export const IMPORT_FORMATS = ['csv', 'json', 'docusaurus', 'hugo', 'jekyll'] as const;
/** One of IMPORT_FORMATS. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const HUGO_FIELDS = ['short_description', 'full_link', 'id'];
const JEKYLL_FIELDS = ['related_terms', 'references', 'synonyms', 'destination', 'layout'];

/**
 * The format of a source, guessed from what it holds: a `.csv` file, a JSON array (a sheet) or a
 * JSON object with `terms` (Docusaurus), a folder whose front matter uses Hugo's or Jekyll's
 * glossary fields. Throws, asking for `--from`, when nothing tells.
 */
export function guessFormat(path: string): ImportFormat {
  if (statSync(path).isDirectory()) {
    if (existsSync(join(path, 'glossary.json'))) return 'docusaurus';
    const { documents } = readMarkdownFolder(path);
    const uses = (fields: string[]) => documents.filter((d) => fields.some((f) => f in d.fields)).length;
    const hugo = uses(HUGO_FIELDS) + documents.filter((d) => d.body.includes('{{<')).length;
    const jekyll = uses(JEKYLL_FIELDS);
    if (hugo > jekyll) return 'hugo';
    if (jekyll > hugo) return 'jekyll';
    throw new Error(
      'cannot tell whether this folder was written for Hugo or Jekyll: add --from hugo or --from jekyll',
    );
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.json')
    return /^\s*\{/.test(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) ? 'docusaurus' : 'json';
  throw new Error(`cannot tell the format of '${extension || path}': add --from ${IMPORT_FORMATS.join('|')}`);
}

/** What `readImportSource` needs besides the path. */
export interface ReadOptions {
  format: ImportFormat;
  /** How the source is named in problems (`terms.csv`, `terms/`). */
  name: string;
  /** `--map`: source column → Glossa column, for CSV and JSON. */
  map?: ReadonlyMap<string, string>;
}

/**
 * Reads a source file or folder in the given format. Terms of folder formats without a date in
 * their front matter take the first and last commit of their file, when the folder is in git.
 * Throws when the source cannot be read at all (not found, not JSON, malformed CSV).
 */
export function readImportSource(path: string, { format, name, map }: ReadOptions): ImportSource {
  const folder = statSync(path).isDirectory();
  if (format === 'csv' || format === 'json') {
    if (folder) throw new Error(`is a folder; --from ${format} reads one file`);
    const text = readFileSync(path, 'utf8');
    return readRows(format === 'csv' ? readCsvRows(text) : readJsonRows(text), {
      source: name,
      ...(map ? { map } : {}),
    });
  }
  if (format === 'docusaurus') {
    const file = folder ? join(path, 'glossary.json') : path;
    return readDocusaurusGlossary(readFileSync(file, 'utf8'), folder ? `${name}/glossary.json` : name);
  }
  if (!folder) throw new Error(`is a file; --from ${format} reads a folder of Markdown files`);
  const { documents, problems } = readMarkdownFolder(path);
  const source = format === 'hugo' ? readHugoDocuments(documents) : readJekyllDocuments(documents);
  addGitDates(source, documents, path);
  const names = new Set(documents.map((doc) => doc.name));
  const relinkProblems: ImportSource['problems'] = [];
  for (const term of source.terms) {
    term.body = relinkOldPaths(term.body, basename(path), names, (message) =>
      relinkProblems.push(problemAt(term.origin, 'body', message, 'warning')),
    );
  }
  return { ...source, problems: [...problems, ...source.problems, ...relinkProblems] };
}

function addGitDates(source: ImportSource, documents: readonly SourceDocument[], dir: string): void {
  if (source.terms.every((term) => term.published)) return;
  const dates = readGitDates(dir);
  // git names files by their real path; a temporary folder may sit behind a symlink.
  const pathOf = new Map(documents.map((doc) => [doc.file, realpathSync(doc.path)]));
  for (const term of source.terms) {
    const known = dates.get(pathOf.get(term.origin.file) ?? '');
    if (term.published || !known) continue;
    term.published = known.published;
    term.updated ??= known.updated;
  }
}
