import { parseEntryFile, type PositionLookup } from '../entries/entry-file.ts';
import type { Term } from '../entries/term.ts';
import type { BodyUrl } from '../markdown/body-urls.ts';
import type { UnclosedComment } from '../markdown/html-comments.ts';
import type { Problem } from './problems.ts';
import type { SourceFile } from './validate-glossary.ts';
import type { EntryFindings, EntryValidation } from './validate-entry.ts';

/** An outcome as the cache file stores it: plain data, the body left out (it is the file's tail). */
export interface StoredOutcome {
  problems: Problem[];
  slug?: string;
  term?: Omit<Term, 'body'>;
  /** Where the body starts in the file's text. */
  bodyStart?: number;
  overLimits?: boolean;
  findings?: StoredFindings;
}

/**
 * An outcome's findings for the checks across entries (validate-entry.ts), its empty lists left
 * out: most entries have no warning of their own, no link into the site and no open comment.
 */
interface StoredFindings {
  own?: Problem[];
  names: string[];
  urls?: BodyUrl[];
  unclosed?: UnclosedComment[];
}

/**
 * One file's line of the cache file, as read: its stamp (empty when it had none) and digest, and
 * its outcome still as JSON, parsed only when the file is checked again. A line whose stamp and
 * digest stand is written back as it was read, so saving after an edit of one entry costs the
 * edited lines, not 100,000 outcomes turned into JSON again (half a second).
 */
export interface StoredRecord {
  stamp: string;
  digest: string;
  json: string;
  line: string;
}

/**
 * The line of one file: its path as a JSON string, then stamp, digest and outcome, separated by
 * tabs. JSON writes no raw tab, and neither stamps nor base64 digests hold one.
 */
export function formatRecord(path: string, stamp: string, digest: string, json: string): string {
  return `${JSON.stringify(path)}\t${stamp}\t${digest}\t${json}`;
}

/** The file lines of a cache file's text (after its first line, the header), by path. */
export function parseRecords(lines: readonly string[]): Map<string, StoredRecord> {
  const records = new Map<string, StoredRecord>();
  for (const line of lines) {
    const a = line.indexOf('\t');
    const b = line.indexOf('\t', a + 1);
    const c = line.indexOf('\t', b + 1);
    if (a < 0 || b < 0 || c < 0) continue;
    const path: unknown = JSON.parse(line.slice(0, a));
    if (typeof path !== 'string') continue;
    records.set(path, {
      stamp: line.slice(a + 1, b),
      digest: line.slice(b + 1, c),
      json: line.slice(c + 1),
      line,
    });
  }
  return records;
}

/**
 * Whether an outcome can be plain data: not a term with site fields (their values may not survive
 * JSON), nor a file whose text is not its body's own tail (a byte order mark or CRLF line endings,
 * which the body has normalized away).
 */
export function isStorable(text: string, { term }: EntryValidation): boolean {
  return !term || (term.fields === undefined && text.endsWith(term.body) && !/^\uFEFF|\r/.test(text));
}

/** An outcome as plain data (one `isStorable` accepts). */
export function storable(text: string, outcome: EntryValidation): StoredOutcome {
  const { problems, slug, term, overLimits, findings } = outcome;
  if (!term) return { problems, ...(slug === undefined ? {} : { slug }) };
  const { body, ...rest } = term;
  return {
    problems,
    ...(slug === undefined ? {} : { slug }),
    term: rest,
    bodyStart: text.length - body.length,
    ...(overLimits ? { overLimits } : {}),
    ...(findings ? { findings: storedFindings(findings) } : {}),
  };
}

function storedFindings({ warnings, links }: EntryFindings): StoredFindings {
  return {
    ...(warnings.own.length > 0 ? { own: warnings.own } : {}),
    names: warnings.fingerprints,
    ...(links.urls.length > 0 ? { urls: links.urls } : {}),
    ...(links.unclosed.length > 0 ? { unclosed: links.unclosed } : {}),
  };
}

function revivedFindings(stored: StoredFindings): EntryFindings {
  return {
    warnings: { own: stored.own ?? [], fingerprints: stored.names },
    links: { urls: stored.urls ?? [], unclosed: stored.unclosed ?? [] },
  };
}

/**
 * An outcome read from disk, made whole again from the file's text. The body is cut from the
 * text when first asked for: the file may not have been read (file-stamps.ts), and the checks
 * across entries rarely want a body whose findings were kept. `stored` becomes part of the
 * outcome: pass one parsed for it alone.
 */
export function revive(file: Pick<SourceFile, 'path' | 'text'>, stored: StoredOutcome): EntryValidation {
  const outcome: EntryValidation = { problems: stored.problems, usedGit: false };
  if (stored.slug !== undefined) outcome.slug = stored.slug;
  if (stored.overLimits) outcome.overLimits = true;
  if (stored.findings) outcome.findings = revivedFindings(stored.findings);
  if (stored.term) {
    // The parsed object itself, not a copy: it is this outcome's alone (the cache's file keeps its
    // JSON), and copying 100,000 terms was garbage to collect.
    const term = stored.term as Term;
    const start = stored.bodyStart;
    if (start !== undefined) outcome.bodyStart = start;
    let body: string | undefined;
    Object.defineProperty(term, 'body', {
      enumerable: true,
      get: () => (body ??= file.text.slice(start)),
    });
    outcome.term = term;
    // Positions are wanted only for a problem, so the front matter is read again only then.
    let lookup: PositionLookup | undefined;
    outcome.positionOf = (field) =>
      (lookup ??= parseEntryFile(file.path, file.text).entry?.positionOf ?? (() => undefined))(field);
  }
  return outcome;
}
