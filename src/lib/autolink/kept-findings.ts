import type { SnapshotEntry } from '../checks/check-snapshot.ts';
import type { EntryChange } from '../checks/recheck-glossary.ts';
import type { MentionChange } from './editor-report.ts';
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

/** More bodies than this changed, and finding the advice again costs no more than patching it. */
const MOST_PATCHED = 500;

/**
 * Whether the advice's findings of the last run can be carried over after `changes`, and what they
 * must be patched for: undefined when a published entry came or went, changed its slug,
 * references, tags or categories, or too many bodies changed; otherwise the bodies read again for
 * names this run (`reread`, by file, with what each was found to mention, `mentionsOf`) that
 * mention something else than they did (none: the findings stand as they are). The last run's
 * mentions of a body are its kept ones (`keptOf`), or, for a file edited, those of the file before
 * the edit. Those are all the findings read (who points at whom, editor-report.ts `patchFindings`).
 */
export function mentionChangesSince(input: {
  changes: readonly EntryChange[];
  reread: Iterable<string>;
  mentionsOf: (file: string) => readonly BodyMention[] | undefined;
  keptOf: (file: string) => readonly BodyMention[] | undefined;
  slugOf: (file: string) => string | undefined;
}): MentionChange[] | undefined {
  const before = new Map<string, SnapshotEntry>();
  for (const change of input.changes) {
    if (linkFacts(change.before) !== linkFacts(change.after)) return undefined;
    if (change.before) before.set(change.before.path, change.before);
  }
  const changed: MentionChange[] = [];
  for (const file of input.reread) {
    const was = input.keptOf(file) ?? before.get(file)?.facts?.bodyMentions;
    const now = input.mentionsOf(file);
    if (sameMentions(was, now)) continue;
    const slug = input.slugOf(file);
    if (!was || !now || slug === undefined || changed.length === MOST_PATCHED) return undefined;
    changed.push({ slug, before: was, after: now });
  }
  return changed;
}
