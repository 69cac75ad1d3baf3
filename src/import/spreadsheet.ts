/**
 * CSV and JSON imports: one row (or object) per entry, columns named as Glossa's fields or
 * renamed with `--map`. Unknown columns are ignored with a warning, so an export with extra
 * columns (an id, a comment) imports as it is.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { LineCounter, isNode, isSeq, parseDocument } from 'yaml';
import type { Problem } from '../lib/checks/problems.ts';
import { didYouMean } from '../lib/checks/suggest.ts';
import {
  emptyTerm,
  problemAt,
  toList,
  toText,
  type ImportSource,
  type ImportedTerm,
} from './imported-term.ts';

/** One row of a spreadsheet export (or one object of a JSON array), with the line it starts on. */
export interface ImportRow {
  line: number;
  values: Record<string, unknown>;
}

/** Columns that hold lists; in a CSV cell the items are separated by `;` or `,`. */
const LIST_COLUMNS = ['related', 'mentions', 'aka', 'tags', 'categories'] as const;
/** Every column an import understands; `title` and `section` (or `--section`) are required. */
export const IMPORT_COLUMNS = [
  'title',
  'slug',
  'summary',
  'section',
  'body',
  ...LIST_COLUMNS,
  'keyword',
  'published',
  'updated',
  'author',
  'image',
  'image_alt',
  'draft',
] as const;

/**
 * Reads a CSV export (first line: column names) into rows. Throws on malformed CSV with the
 * parser's message, which names the line, and what usually causes it.
 */
export function readCsvRows(text: string): ImportRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    // Line endings normalized first: csv-parse counts a CRLF inside a quoted cell as two lines,
    // and entry files are written with \n anyway.
    records = parseCsv(text.replace(/\r\n?/g, '\n'), {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as typeof records;
  } catch (error) {
    throw new Error(`${(error as Error).message} (${csvHint(error)})`, { cause: error });
  }
  return records.map(({ record, info }) => ({
    // csv-parse counts the line a record ends on; a quoted cell may span several lines.
    line: info.lines - Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0),
    values: record,
  }));
}

/** How to fix the CSV mistakes spreadsheets and hand edits make, by csv-parse's error code. */
function csvHint(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('CSV_RECORD_INCONSISTENT') || code === 'CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH')
    return 'a row has more or fewer cells than the first line has column names: quote fields that contain commas, e.g. "Greeks, first order"';
  if (code === 'CSV_QUOTE_NOT_CLOSED')
    return 'a quoted field is never closed: end it with " and write a quote inside a field as ""';
  if (code === 'CSV_INVALID_CLOSING_QUOTE')
    return 'a quote inside a field must be doubled (""), and a field with quotes must be quoted as a whole';
  return 'export the sheet again as CSV (comma-separated, UTF-8) with a first line of column names';
}

/** Reads a JSON array of objects into rows, each with the line its object starts on. */
export function readJsonRows(text: string): ImportRow[] {
  // JSON is YAML, and the yaml parser keeps positions, so problems can name a line.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) throw new Error(`not valid JSON at line ${lineCounter.linePos(error.pos[0]).line}`);
  if (!isSeq(doc.contents)) throw new Error('must be a JSON array of objects, one per entry');
  const values = doc.toJS() as unknown[];
  return doc.contents.items.map((item, index) => ({
    line: lineCounter.linePos(isNode(item) ? (item.range?.[0] ?? 0) : 0).line,
    values: (values[index] ?? {}) as Record<string, unknown>,
  }));
}

/**
 * Parses `--map term=title,definition=summary` into source column → Glossa column. Problems
 * name a target that is not a column, with the closest one.
 */
export function parseColumnMap(map: string | undefined): { map: Map<string, string>; problems: string[] } {
  const out = new Map<string, string>();
  const problems: string[] = [];
  for (const pair of (map ?? '').split(',').filter((p) => p.trim())) {
    const [from = '', to = '', ...rest] = pair.split('=').map((part) => part.trim());
    if (!from || !to || rest.length > 0) {
      problems.push(`--map '${pair}' must be from=to, e.g. --map term=title,definition=summary`);
    } else if (!(IMPORT_COLUMNS as readonly string[]).includes(to)) {
      const hint = didYouMean(to, IMPORT_COLUMNS);
      problems.push(
        `--map '${pair}': '${to}' is not a column${hint ? ` (${hint})` : ''}; columns: ${IMPORT_COLUMNS.join(', ')}`,
      );
    } else out.set(from, to);
  }
  return { map: out, problems };
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0', '']);

/**
 * Turns rows into terms. Columns are renamed by `map` first; unknown columns are warnings (said
 * once, at the first row that has them), a missing title is an error at the row.
 */
export function readRows(
  rows: readonly ImportRow[],
  { source, map = new Map() }: { source: string; map?: ReadonlyMap<string, string> },
): ImportSource {
  const terms: ImportedTerm[] = [];
  const problems: Problem[] = [];
  const unknownSeen = new Set<string>();
  for (const { line, values: raw } of rows) {
    const origin = { file: source, line };
    const values: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(raw)) {
      // Headers as a spreadsheet capitalizes them ("Title") are the same columns.
      const name = map.get(column) ?? column.toLowerCase();
      if ((IMPORT_COLUMNS as readonly string[]).includes(name)) values[name] = value;
      else if (!unknownSeen.has(column)) {
        // In a CSV every row has every column: one warning is enough.
        unknownSeen.add(column);
        const hint = didYouMean(column, IMPORT_COLUMNS);
        problems.push(
          problemAt(
            origin,
            column,
            'is not a known column and is ignored',
            'warning',
            hint
              ? `${hint} Rename it, or add --map ${column}=…`
              : `map it with --map ${column}=<column> if it holds one of: ${IMPORT_COLUMNS.join(', ')}`,
          ),
        );
      }
    }
    const text = (key: string) => toText(values[key]);
    const title = text('title');
    if (!title) {
      problems.push(problemAt(origin, 'title', 'is required', 'error'));
      continue;
    }
    const term = emptyTerm(origin, title);
    for (const key of [
      'slug',
      'section',
      'summary',
      'body',
      'keyword',
      'published',
      'updated',
      'author',
    ] as const) {
      if (text(key)) term[key] = text(key);
    }
    // The summary column is the summary as the editor wrote it, checked like any summary.
    if (values['summary'] !== undefined) term.summary = text('summary');
    for (const key of LIST_COLUMNS) term[key] = toList(values[key]);
    if (text('image')) {
      if (text('image_alt')) term.image = { src: text('image'), alt: text('image_alt') };
      else
        problems.push(
          problemAt(
            origin,
            'image_alt',
            'is required with an image',
            'error',
            'describe what the picture shows in an image_alt column',
          ),
        );
    }
    const draft = text('draft').toLowerCase();
    if (TRUE.has(draft)) term.draft = true;
    else if (!FALSE.has(draft))
      problems.push(
        problemAt(
          origin,
          'draft',
          `'${text('draft')}' is not true or false`,
          'error',
          'write true (or yes) to keep the entry unpublished, false or nothing to publish it',
        ),
      );
    terms.push(term);
  }
  return { terms, redirects: [], problems };
}
