import { parseEntryFile, type PositionLookup } from '../entries/entry-file.ts';
import type { Term } from '../entries/term.ts';
import type { SnapshotEntry } from './check-snapshot.ts';
import type { SourceFile } from './validate-glossary.ts';

/**
 * Thrown by a check run from a snapshot (recheck-glossary.ts) when it meets something the
 * snapshot does not hold: the caller then checks the glossary in full, which always gives the
 * same report, only later.
 */
export class NeedsFullCheck extends Error {
  constructor(reason: string) {
    super(`check:content needs a full check: ${reason}`);
    this.name = 'NeedsFullCheck';
  }
}

/**
 * The fields of a term that the rules across entries read (references, links, tags, warnings,
 * advice), and the only ones a term made from a snapshot carries. The others throw
 * `NeedsFullCheck` when read, so a rule that comes to read one falls back to a full check rather
 * than read nothing.
 */
type KeptFields = 'slug' | 'section' | 'file' | 'title' | 'aka' | 'draft' | 'related' | 'mentions' | 'tags' | 'categories' | 'redirectFrom' | 'body'; // prettier-ignore

const UNKEPT = [
  'summary', 'keyword', 'published', 'updated', 'author', 'image', 'featured', 'autolink', 'filled', 'fields',
] as const; // prettier-ignore

/**
 * Throws for the fields a kept term does not carry: the prototype of every kept term, so the
 * check cannot be given something in place of a field it never kept.
 */
const UNKEPT_FIELDS: object = Object.create(
  null,
  Object.fromEntries(
    UNKEPT.map((field) => [
      field,
      {
        get() {
          throw new NeedsFullCheck(`a rule read '${field}', which the snapshot does not keep`);
        },
      },
    ]),
  ),
);

/**
 * The term of a snapshot's entry, as the rules across entries take it, its file left unread: the
 * body is read (and checked against the digest kept, see file-stamps.ts) when a rule first asks
 * for it. It is no whole `Term`: only the fields above are there, the others throw (see
 * `UNKEPT_FIELDS`). A copy made by spreading it (taxonomy.ts does, to change a term's tags) reads
 * the body then, and keeps only the fields it carries.
 */
export function keptTerm(entry: SnapshotEntry, source: Pick<SourceFile, 'text'>): Term | undefined {
  const facts = entry.facts;
  if (!facts || entry.slug === undefined) return undefined;
  const start = facts.bodyStart;
  let body: string | undefined;
  const term: Pick<Term, KeptFields> = {
    slug: entry.slug,
    section: facts.section,
    file: entry.path,
    title: facts.title,
    aka: facts.aka,
    draft: facts.draft,
    related: facts.related,
    mentions: facts.mentions,
    tags: facts.tags,
    categories: facts.categories,
    redirectFrom: facts.redirectFrom,
    get body() {
      return (body ??= source.text.slice(start));
    },
  };
  return Object.setPrototypeOf(term, UNKEPT_FIELDS) as Term;
}

/** Where the fields of a kept entry's file are: its front matter is parsed again on first use. */
export function keptPositions(path: string, source: Pick<SourceFile, 'text'>): PositionLookup {
  let lookup: PositionLookup | undefined;
  return (field) =>
    (lookup ??= parseEntryFile(path, source.text).entry?.positionOf ?? (() => undefined))(field);
}
