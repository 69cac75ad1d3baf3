import jsYaml from 'js-yaml';
import { LineCounter, parseDocument, isMap, isScalar, visit, type Document } from 'yaml';
import type { Problem } from '../checks/problems.ts';

/** 1-based line and column in an entry file. */
export interface FieldPosition {
  line: number;
  column: number;
}

/** Where a front-matter key (`title`, `image.src`) sits in its file, if it is there. */
export type PositionLookup = (field: string) => FieldPosition | undefined;

/** A Markdown entry split into its front matter and body, with where each field sits in the file. */
export interface ParsedEntryFile {
  /** The front matter as plain data (not yet validated). */
  data: Record<string, unknown>;
  /** The Markdown after the front matter, with line endings normalized to `\n`. */
  body: string;
  /** Line of the file (1-based) on which the body starts, for pointing problems into it. */
  bodyLine: number;
  /** Where each front-matter key sits, for pointing problems at it; worked out on first use. */
  positionOf: PositionLookup;
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
  // Two YAML parsers on purpose. js-yaml reads a valid front matter about ten times faster, which
  // matters at 10,000 entries (0.8 s against 0.08 s); the `yaml` package keeps source positions
  // and words errors for people, so it is used for a file that fails, for one that uses anchors,
  // aliases or tags (which js-yaml would expand without limit), or when a problem needs a line.
  let data: unknown;
  let careful = ANCHOR_ALIAS_OR_TAG.test(yamlText);
  if (!careful) {
    try {
      data = jsYaml.load(yamlText, { schema: jsYaml.CORE_SCHEMA });
    } catch {
      careful = true;
    }
  }
  if (careful) {
    const read = readCarefully(yamlText);
    if ('problem' in read) {
      return {
        entry: undefined,
        problems: [{ file, field: 'front matter', severity: 'error', ...read.problem }],
      };
    }
    data = read.data;
  }

  if (data === null || data === undefined) {
    return fail('is empty', 'add at least title, summary and published', 2);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail('must be a list of "field: value" lines', 'write e.g. title: Negative Gamma', 2);
  }

  let positions: Map<string, FieldPosition> | undefined;
  const positionOf: PositionLookup = (field) => (positions ??= fieldPositions(yamlText)).get(field);
  return {
    entry: {
      data: data as Record<string, unknown>,
      body: lines.slice(end + 1).join('\n'),
      bodyLine: end + 2,
      positionOf,
    },
    problems: [],
  };
}

/** `&anchor`, `*alias` or `!tag` where a YAML value starts; "AT&T" and "Q&A" do not match. */
const ANCHOR_ALIAS_OR_TAG = /(?:^|[\s[{,:-])[&*!][^\s]/m;

/**
 * Reads front matter with the `yaml` package, turning everything it objects to into a located
 * problem: syntax errors, unknown tags (`!foo`, which js-yaml throws on and `yaml` only warns
 * about) and aliases. Entries have no use for aliases, and a few lines of nested ones (an "alias
 * bomb") expand to billions of values, so they are refused outright.
 */
function readCarefully(
  yamlText: string,
): { data: unknown } | { problem: { message: string; hint: string; line: number; column: number } } {
  const { doc, lineCounter } = parseWithPositions(yamlText);
  // +1 on lines: the opening --- fence sits above the YAML text.
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + 1, column: pos.col };
  };
  const error = doc.errors[0] ?? doc.warnings[0];
  if (error) {
    const firstLine = error.message.split('\n')[0] ?? error.message;
    return {
      problem: {
        message: `is not valid YAML: ${firstLine.replace(/ at line \d+, column \d+.*$/, '')}`,
        hint:
          error.code === 'TAG_RESOLVE_FAILED'
            ? 'quote the value: a leading ! marks a YAML tag, e.g. title: "!important"'
            : 'check indentation, and quote values that contain ": " or start with [ { * & ! | > % @',
        ...at(error.pos[0]),
      },
    };
  }
  let alias: { source: string; offset: number } | undefined;
  visit(doc, {
    Alias(_key, node) {
      alias = { source: node.source, offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  if (alias) {
    return {
      problem: {
        message: `uses the YAML alias *${alias.source}, which entries do not allow`,
        hint: 'write the value out in full, or quote it if * is part of the text',
        ...at(alias.offset),
      },
    };
  }
  try {
    return { data: doc.toJS() };
  } catch (cause) {
    return {
      problem: {
        message: `cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`,
        hint: 'simplify the front matter to plain "field: value" lines',
        line: 2,
        column: 1,
      },
    };
  }
}

function parseWithPositions(yamlText: string): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { doc, lineCounter };
}

/** Line and column of every top-level key and of keys one level down (`image.src`). */
function fieldPositions(yamlText: string): Map<string, FieldPosition> {
  const { doc, lineCounter } = parseWithPositions(yamlText);
  const positions = new Map<string, FieldPosition>();
  // +1 on lines: the opening --- fence sits above the YAML text.
  const at = (offset: number): FieldPosition => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + 1, column: pos.col };
  };
  if (!isMap(doc.contents)) return positions;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    positions.set(key, at(pair.key.range[0]));
    // Nested fields (image.src) get their own line, so a problem points at the line to fix.
    if (isMap(pair.value)) {
      for (const inner of pair.value.items) {
        if (isScalar(inner.key) && inner.key.range)
          positions.set(`${key}.${String(inner.key.value)}`, at(inner.key.range[0]));
      }
    }
  }
  return positions;
}
