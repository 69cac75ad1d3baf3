import type { Term } from '../entries/term.ts';
import { TERM_FIELDS, TermFrontMatterSchema } from '../entries/term-schema.ts';
import { unifyTaxonomyNames } from '../graph/taxonomy.ts';
import { checkLinks, type BodyLinkParts } from '../markdown/check-links.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { snapshotEntryOf, type CheckSnapshot, type SnapshotEntry } from './check-snapshot.ts';
import { checkReferences } from './check-references.ts';
import { findContentWarnings } from './content-warnings.ts';
import { UnreadSource, textDigest } from './file-stamps.ts';
import { NeedsFullCheck, keptPositions, keptTerm } from './kept-term.ts';
import { sortProblems, type Problem } from './problems.ts';
import { checkPublicFiles, type PublicSvg } from './public-files.ts';
import { isStorable } from './stored-outcomes.ts';
import { emptyGlossaryProblems, type FieldPositions, type SourceFile } from './validate-glossary.ts';
import { validateEntryFile, type EntryEnvironment } from './validate-entry.ts';

/** What a check from a snapshot needs besides the files: what `checkGlossary` is given. */
export interface RecheckContext {
  publicFiles: ReadonlySet<string>;
  publicSvgs: readonly PublicSvg[];
  /** The stamp each entry file had when the run began (site-stamps.ts), by site path. */
  stampOf: (path: string) => string | undefined;
}

/** An entry file whose outcome differs from the snapshot's: edited, added or deleted. */
export interface EntryChange {
  before: SnapshotEntry | undefined;
  after: SnapshotEntry | undefined;
}

/** What a check from a snapshot found: the same as a full check, and what to keep for the next. */
export interface Recheck {
  /** Every error and warning, as `checkGlossary` orders them. */
  problems: Problem[];
  /** The valid entries, in path order, their tags and categories unified (as checkGlossary's). */
  terms: readonly Term[];
  /** The snapshot entry of each term, by file. */
  entryOf: ReadonlyMap<string, SnapshotEntry>;
  positions: ReadonlyMap<string, FieldPositions>;
  /** The entries that differ from the snapshot's. */
  changes: EntryChange[];
  /** The next snapshot's entries and taxonomy warnings (its mentions are the advice's, editor-recheck.ts). */
  entries: SnapshotEntry[];
  taxonomy: Problem[];
  /** The reference problems (check-references.ts) and warnings across entries, for the next snapshot. */
  references: Problem[];
  crossWarnings: Problem[];
}

/**
 * Checks a glossary as `checkGlossary` does, taking every entry file the reader left unread
 * (because its stamp is the snapshot's, see file-stamps.ts) from `snapshot`: only the files that
 * changed are checked again, and the rules across entries read the snapshot's facts for the
 * others. The problems are the same as a full check's, in the same order; where the snapshot does
 * not hold what a rule needs (a date from git, a page address that only the site's graph knows),
 * it throws `NeedsFullCheck`.
 *
 * What is worked out again on every run is linear and cheap: references, orphans, near-duplicate
 * names, public files. Tags and categories are unified again only when an edit touched one; body
 * links are checked again only for the bodies that have some (see `linkProblems`).
 */
export function recheckGlossary(
  files: readonly SourceFile[],
  snapshot: CheckSnapshot,
  site: SiteConfig,
  context: RecheckContext,
): Recheck {
  const previous = new Map(snapshot.entries.map((entry) => [entry.path, entry]));
  const env: EntryEnvironment = {
    site,
    schema: TermFrontMatterSchema,
    knownFields: TERM_FIELDS,
    own: [],
    publicFiles: context.publicFiles,
    git: () => {
      throw new NeedsFullCheck('an entry takes its date from git');
    },
  };
  const problems: Problem[] = [];
  const terms: Term[] = [];
  const positions = new Map<string, FieldPositions>();
  const entries: SnapshotEntry[] = [];
  const entryOf = new Map<string, SnapshotEntry>();
  const changes: EntryChange[] = [];
  // How many of the snapshot's entries are still there: when all are, none was deleted.
  let found = 0;
  for (const file of files) {
    for (const note of file.notes ?? []) problems.push({ file: file.path, column: 1, ...note });
    if (file.unreadable) continue;
    let entry: SnapshotEntry;
    let term: Term | undefined;
    let positionOf: FieldPositions;
    const before = previous.get(file.path);
    // An unreadable file is left out, as a deleted one is, which `seen` below agrees with.
    if (before) found++;
    if (file instanceof UnreadSource && before === file.kept) {
      entry = file.kept as SnapshotEntry;
      term = keptTerm(entry, file);
      positionOf = keptPositions(file.path, file);
    } else {
      const outcome = validateEntryFile(file, env);
      const digest = textDigest(file.text);
      entry = snapshotEntryOf(file, outcome, {
        // A file the reader found with notes (invalid UTF-8) is read again next time, notes and all.
        stamp: (file as SourceFile).notes ? '' : (context.stampOf(file.path) ?? ''),
        digest,
        storable: isStorable(file.text, outcome),
        // The same text has the same mentions while no name changes (mentions-recheck.ts).
        bodyMentions: before?.digest === digest ? before.facts?.bodyMentions : undefined,
      });
      // And the same words (advice-words.ts): a file only touched, or copied back, is no edit.
      if (entry.facts && before?.digest === digest) entry.facts.adviceWords = before.facts?.adviceWords;
      if (entry.digest !== before?.digest) changes.push({ before, after: entry });
      term = outcome.term;
      positionOf = outcome.positionOf ?? (() => undefined);
    }
    entries.push(entry);
    if (entry.problems.length > 0) problems.push(...entry.problems);
    if (!term || !entry.facts) continue;
    terms.push(term);
    entryOf.set(term.file, entry);
    positions.set(term.file, positionOf);
  }
  if (found < snapshot.entries.length) {
    const seen = new Set(files.filter((file) => !file.unreadable).map((file) => file.path));
    for (const before of snapshot.entries)
      if (!seen.has(before.path)) changes.push({ before, after: undefined });
  }
  // What only the reference and link rules read, made when one of them runs (at 100,000 entries
  // each of these maps cost a twentieth of a second or more, on a run that needs none of them).
  let existing: Set<string> | undefined;
  const existingSlugs = () => {
    if (existing) return existing;
    existing = new Set<string>();
    for (const entry of entries) if (entry.slug !== undefined) existing.add(entry.slug);
    return existing;
  };
  let lines: Map<Term, FieldPositions> | undefined;
  const linesOf = () =>
    (lines ??= new Map(terms.map((term) => [term, positions.get(term.file) ?? (() => undefined)])));

  // The rules across entries, in the order validateGlossary applies them.
  problems.push(...emptyGlossaryProblems(files, problems));
  const sameReferences = unchangedFor(changes, referenceFacts, snapshot.references);
  const references =
    sameReferences && snapshot.references
      ? snapshot.references
      : checkReferences(terms, existingSlugs(), linesOf());
  problems.push(...references);
  problems.push(...linkProblems({ terms, entryOf, existingSlugs, files, site, linesOf, context }));
  const sections = [...new Set(terms.map((term) => term.section))];
  problems.push(...checkPublicFiles(context.publicFiles, context.publicSvgs, { sections, terms }));

  const at = (file: string, field: string) => positions.get(file)?.(field) ?? { line: 1, column: 1 };
  const { taxonomy, unified } = taxonomyWarnings(terms, snapshot.taxonomy, changes, site.locale, at);
  // The warnings across entries (orphans, empty related lists, near-duplicate names) apart from
  // each entry's own: the last run's stand when no edit changed a reference or a name, and no
  // entry's related list is empty, whose hint reads every body (content-warnings.ts). Each
  // entry's own warnings are on its summary, which no warning across entries is on, so the two
  // sort as they would together.
  const crossWarnings =
    sameReferences &&
    snapshot.crossWarnings &&
    unchangedFor(changes, nameFacts, snapshot.crossWarnings) &&
    !terms.some((term) => term.related.length === 0)
      ? snapshot.crossWarnings
      : findContentWarnings(unified, positions, {
          locale: site.locale,
          entryWarnings: (file) => {
            const facts = entryOf.get(file)?.facts;
            return facts && { own: [], fingerprints: facts.fingerprints };
          },
        });
  const own: Problem[] = [];
  for (const entry of entryOf.values()) {
    const found = entry.facts?.own;
    if (found && found.length > 0) own.push(...found);
  }
  return {
    problems: sortProblems([...problems, ...taxonomy, ...crossWarnings, ...own]),
    references,
    crossWarnings,
    terms: unified,
    entryOf,
    positions,
    changes,
    entries,
    taxonomy,
  };
}

/** What the reference rules read of an entry file: its slug and place, validity, drafts and lists. */
function referenceFacts(entry: SnapshotEntry): string {
  const facts = entry.facts;
  return JSON.stringify([entry.path, entry.slug, facts && [facts.draft, facts.related, facts.mentions]]);
}

/** What the warnings across entries read of an entry besides its references: its names. */
function nameFacts(entry: SnapshotEntry): string {
  const facts = entry.facts;
  return JSON.stringify(facts && [facts.title, facts.aka, facts.fingerprints]);
}

/**
 * Whether the problems `kept` from the last run stand after `changes`: every change is an edit
 * (no file added or removed) that leaves `facts` of the file as they were, and none of the kept
 * problems is in an edited file, where a field may have moved to another line.
 */
function unchangedFor(
  changes: readonly EntryChange[],
  facts: (entry: SnapshotEntry) => string,
  kept: readonly Problem[] | undefined,
): boolean {
  if (!kept) return false;
  const files = new Set(kept.map((problem) => problem.file));
  return changes.every(
    ({ before, after }) =>
      before !== undefined && after !== undefined && !files.has(after.path) && facts(before) === facts(after),
  );
}

/**
 * The link checks (check-links.ts), run only when some body has a link into the site or an open
 * comment, or some entry an old address: otherwise they find nothing, and building the site's
 * addresses for nothing cost a tenth of a second at 100,000 entries. The addresses come from the
 * site's graph of the kept terms, which reads their names, sections, tags and categories; a field
 * they do not keep would throw `NeedsFullCheck` (kept-term.ts).
 */
function linkProblems(input: {
  terms: readonly Term[];
  entryOf: ReadonlyMap<string, SnapshotEntry>;
  existingSlugs: () => ReadonlySet<string>;
  files: readonly SourceFile[];
  site: SiteConfig;
  linesOf: () => ReadonlyMap<Term, FieldPositions>;
  context: RecheckContext;
}): Problem[] {
  const { terms, entryOf } = input;
  const anyLinks =
    terms.some((term) => term.redirectFrom.length > 0) ||
    [...entryOf.values()].some(({ facts }) => facts && (facts.urls.length > 0 || facts.unclosed.length > 0));
  if (!anyLinks) return [];
  const overLimits = new Set<Term>();
  const parts = new Map<Term, BodyLinkParts>();
  for (const term of terms) {
    const facts = entryOf.get(term.file)?.facts;
    if (!facts) continue;
    if (facts.overLimits) overLimits.add(term);
    parts.set(term, { urls: facts.urls, unclosed: facts.unclosed });
  }
  return checkLinks({
    terms,
    existing: input.existingSlugs(),
    files: input.files,
    site: input.site,
    context: { publicFiles: input.context.publicFiles },
    positions: input.linesOf(),
    overLimits,
    parts,
  });
}

/**
 * The warnings about tags and categories (taxonomy.ts), and the terms the warnings after them
 * read. When no edit touched a tag or category and the last run found no warning about them,
 * there is none now either, and unifying would leave every term as it is (only a name with two
 * spellings, which has a warning, or one listed twice in an entry changes one): the terms are
 * then the ones given, and the 100,000 entries' names are not looked at again.
 */
function taxonomyWarnings(
  terms: readonly Term[],
  kept: readonly Problem[],
  changes: readonly EntryChange[],
  locale: string,
  at: (file: string, field: string) => { line: number; column: number },
): { taxonomy: Problem[]; unified: readonly Term[] } {
  const namesOf = (entry: SnapshotEntry | undefined) =>
    JSON.stringify([entry?.facts?.tags ?? [], entry?.facts?.categories ?? []]);
  const untouched = changes.every(({ before, after }) => namesOf(before) === namesOf(after));
  const repeats = (names: readonly string[]) => names.length > 1 && new Set(names).size < names.length;
  if (untouched && kept.length === 0 && !terms.some((t) => repeats(t.tags) || repeats(t.categories)))
    return { taxonomy: [], unified: terms };
  const found = unifyTaxonomyNames(terms, locale, at);
  return { taxonomy: found.warnings, unified: found.terms };
}
