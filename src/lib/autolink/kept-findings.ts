import type { SnapshotEntry } from '../checks/check-snapshot.ts';
import type { EntryChange } from '../checks/recheck-glossary.ts';
import type { BodyMention } from './plan.ts';

/**
 * What the advice's findings (editor-report.ts, `AdviceFindings`) read of an entry file: nothing
 * when it is not a published entry, else its slug, references, tags and categories.
 */
function linkFacts(entry: SnapshotEntry | undefined): string {
  const facts = entry?.facts;
  if (!facts || facts.draft || entry?.slug === undefined) return '';
  return JSON.stringify([entry.slug, facts.related, facts.mentions, facts.tags, facts.categories]);
}

/** Whether two lists of body mentions name the same entries the same ways, in the same order. */
function sameMentions(a: readonly BodyMention[] | undefined, b: readonly BodyMention[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k] as BodyMention;
    const y = b[k] as BodyMention;
    if (x.slug !== y.slug || x.via !== y.via) return false;
  }
  return true;
}

/**
 * Whether the advice's findings of the last run stand after `changes`: no published entry came or
 * went, none changed its slug, references, tags or categories, and every body read again for names
 * this run (`reread`, by file, with what it was found to mention, `mentionsOf`) mentions what it
 * did. The last run's mentions of a body are its kept ones (`keptOf`), or, for a file edited, those
 * of the file before the edit. Those are all the findings read (who points at whom), so when they
 * stand the last run's findings are the ones this run would find.
 */
export function findingsStand(input: {
  changes: readonly EntryChange[];
  reread: Iterable<string>;
  mentionsOf: (file: string) => readonly BodyMention[] | undefined;
  keptOf: (file: string) => readonly BodyMention[] | undefined;
}): boolean {
  const before = new Map<string, SnapshotEntry>();
  for (const change of input.changes) {
    if (linkFacts(change.before) !== linkFacts(change.after)) return false;
    if (change.before) before.set(change.before.path, change.before);
  }
  for (const file of input.reread) {
    const was = input.keptOf(file) ?? before.get(file)?.facts?.bodyMentions;
    if (!sameMentions(was, input.mentionsOf(file))) return false;
  }
  return true;
}
