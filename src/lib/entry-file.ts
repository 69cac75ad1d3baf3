import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import type { Problem } from './problems.ts';

/** A Markdown entry split into its front matter and body, with where each field sits in the file. */
export interface ParsedEntryFile {
  /** The front matter as plain data (not yet validated). */
  data: Record<string, unknown>;
  /** The Markdown after the front matter, with line endings normalized to `\n`. */
  body: string;
  /** 1-based line and column of each front-matter key (`title`, `image.src`), for pointing problems at it. */
  positions: Record<string, { line: number; column: number }>;
}

const FENCE = /^---[ \t]*$/;

/**
 * Splits an entry file into YAML front matter and Markdown body. Accepts a UTF-8 BOM and CRLF
 * line endings (editors on Windows produce both). Returns problems instead of throwing, so one
 * bad file does not hide the others.
 */
export function parseEntryFile(
  file: string,
  text: string,
): { entry: ParsedEntryFile; problems: [] } | { entry: undefined; problems: Problem[] } {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n');
  const fail = (message: string, hint: string, line = 1): { entry: undefined; problems: Problem[] } => ({
    entry: undefined,
    problems: [{ file, field: 'front matter', message, hint, severity: 'error', line, column: 1 }],
  });

  if (!FENCE.test(lines[0] ?? '')) {
    return fail(
      'is missing: the file must start with a line containing only ---',
      'add front matter: ---, then title, summary and published, then ---',
    );
  }
  const end = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (end === -1) {
    return fail('is not closed', 'end the front matter with a line containing only ---');
  }

  const yamlText = lines.slice(1, end).join('\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    const firstLine = error.message.split('\n')[0] ?? error.message;
    return {
      entry: undefined,
      problems: [
        {
          file,
          field: 'front matter',
          message: `is not valid YAML: ${firstLine.replace(/ at line \d+, column \d+.*$/, '')}`,
          hint: 'check indentation, and quote values that contain ": " or start with [ { * & ! | > % @',
          severity: 'error',
          line: pos.line + 1,
          column: pos.col,
        },
      ],
    };
  }

  const data: unknown = doc.toJS();
  if (data === null || data === undefined) {
    return fail('is empty', 'add at least title, summary and published', 2);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail('must be a list of "field: value" lines', 'write e.g. title: Negative Gamma', 2);
  }

  const positions: ParsedEntryFile['positions'] = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        const pos = lineCounter.linePos(pair.key.range[0]);
        // +1: the opening --- fence sits above the YAML text.
        positions[String(pair.key.value)] = { line: pos.line + 1, column: pos.col };
        // Nested fields (image.src) get their own line, so a problem points at the line to fix.
        if (isMap(pair.value)) {
          for (const inner of pair.value.items) {
            if (isScalar(inner.key) && inner.key.range) {
              const innerPos = lineCounter.linePos(inner.key.range[0]);
              positions[`${String(pair.key.value)}.${String(inner.key.value)}`] = {
                line: innerPos.line + 1,
                column: innerPos.col,
              };
            }
          }
        }
      }
    }
  }

  return {
    entry: { data: data as Record<string, unknown>, body: lines.slice(end + 1).join('\n'), positions },
    problems: [],
  };
}
