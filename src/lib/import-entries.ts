import { parse as parseCsv } from 'csv-parse/sync';
import { LineCounter, isNode, isSeq, parseDocument, stringify } from 'yaml';
import { slugifyTitle } from './new-entry.ts';
import type { Problem } from './problems.ts';
import { didYouMean } from './suggest.ts';
import type { SourceFile } from './validate-glossary.ts';

/** One row of a spreadsheet export (or one object of a JSON array), with the line it starts on. */
export interface ImportRow {
  line: number;
  values: Record<string, unknown>;
}

/** An entry file an import would write, and the row it came from. */
export interface ImportedEntry extends SourceFile {
  line: number;
}

/** Columns that hold lists; in a CSV cell the items are separated by `;` or `,`. */
const LIST_COLUMNS = ['related', 'mentions', 'aka', 'tags', 'categories'] as const;
/** Every column an import understands; `title`, `summary` and `section` are required. */
export const IMPORT_COLUMNS = [
  'title',
  'summary',
  'section',
  'body',
  ...LIST_COLUMNS,
  'keyword',
  'published',
  'updated',
  'author',
] as const;

/**
 * Reads a CSV export (first line: column names) into rows. Throws on malformed CSV with the
 * parser's message, which names the line.
 */
export function readCsvRows(text: string): ImportRow[] {
  // Line endings normalized first: csv-parse counts a CRLF inside a quoted cell as two lines, and
  // entry files are written with \n anyway.
  const records = parseCsv(text.replace(/\r\n?/g, '\n'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
  }) as {
    record: Record<string, string>;
    info: { lines: number };
  }[];
  return records.map(({ record, info }) => ({
    // csv-parse counts the line a record ends on; a quoted cell may span several lines.
    line: info.lines - Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0),
    values: record,
  }));
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
 * Turns rows into entry files. Problems (unknown columns, missing title or section) point at
 * `source:line`; the files themselves are validated afterwards by the glossary validator.
 */
export function buildImportedEntries(
  rows: readonly ImportRow[],
  options: { source: string; published: string },
): { entries: ImportedEntry[]; problems: Problem[] } {
  const entries: ImportedEntry[] = [];
  const problems: Problem[] = [];
  const unknownSeen = new Set<string>();
  for (const { line, values } of rows) {
    const problem = (field: string, message: string, hint?: string) =>
      problems.push({
        file: options.source,
        line,
        column: 1,
        field,
        message,
        severity: 'error',
        ...(hint ? { hint } : {}),
      });
    for (const column of Object.keys(values)) {
      // Said once, at the first row that has it: in a CSV every row has every column.
      if (!(IMPORT_COLUMNS as readonly string[]).includes(column) && !unknownSeen.has(column)) {
        unknownSeen.add(column);
        problem(
          column,
          'is not a known column',
          didYouMean(column, IMPORT_COLUMNS) ?? `known columns: ${IMPORT_COLUMNS.join(', ')}`,
        );
      }
    }
    const text = (key: string) => {
      const value = values[key];
      return value === undefined || value === null ? '' : String(value).trim();
    };
    const title = text('title');
    const section = text('section');
    if (!title) problem('title', 'is required');
    if (!section) problem('section', 'is required', 'the folder under content/, e.g. definition');
    const slug = slugifyTitle(title);
    if (!title || !section || !slug) continue;

    const front: Record<string, unknown> = {
      title,
      summary: text('summary'),
      published: text('published') || options.published,
    };
    for (const key of ['keyword', 'updated', 'author'] as const) if (text(key)) front[key] = text(key);
    for (const key of LIST_COLUMNS) {
      const items = toList(values[key]);
      if (items.length > 0) front[key] = items;
    }
    const body = text('body');
    entries.push({
      path: `content/${section}/${slug}.md`,
      text: `---\n${formatFrontMatter(front)}---\n\n${body ? `${body}\n` : ''}`,
      line,
    });
  }
  return { entries, problems };
}

function toList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
  if (value === undefined || value === null) return [];
  return String(value)
    .split(/[;,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Front matter the way editors write it by hand: one line a field, lists as `[a, b]`. */
function formatFrontMatter(front: Record<string, unknown>): string {
  return Object.entries(front)
    .map(
      ([key, value]) =>
        `${key}: ${stringify(value, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trimEnd()}\n`,
    )
    .join('');
}
