import { recheckAdviceWords, type AdviceWordsState } from '../lib/autolink/advice-words.ts';
import type { AdviceFindings, BodyWordPostings, MentionChange } from '../lib/autolink/editor-report.ts';
import { mentionChangesSince } from '../lib/autolink/kept-findings.ts';
import { recheckMentions } from '../lib/autolink/mentions-recheck.ts';
import type { AmbiguousName } from '../lib/autolink/name-index.ts';
import type { BodyMention } from '../lib/autolink/plan.ts';
import type { CheckSnapshot, SnapshotEntry } from '../lib/checks/check-snapshot.ts';
import type { Recheck } from '../lib/checks/recheck-glossary.ts';
import type { Term } from '../lib/entries/term.ts';

/** What the advice of a check from a snapshot reads, and what it leaves for the next snapshot. */
export interface AdviceRecheck {
  mentions: ReadonlyMap<string, BodyMention[]>;
  ambiguous: AmbiguousName[];
  postings: () => BodyWordPostings;
  /** How many bodies were read again for names. */
  found: number;
  /**
   * The snapshot's advice findings when they can be carried over after the changes, and the
   * bodies whose mentions changed, which they are to be patched for (kept-findings.ts).
   */
  findings: AdviceFindings | undefined;
  mentionChanges: MentionChange[];
  /**
   * Puts this run's body mentions and words into the next snapshot's `entries` (made by the
   * recheck), and gives the snapshot's own parts of them.
   */
  keep(entries: readonly SnapshotEntry[]): Pick<CheckSnapshot, 'ambiguous' | 'adviceWords'>;
}

/**
 * The body mentions, shared names and body words of the published entries `published` after the
 * changes `recheck` found since `snapshot`, each worked out again only as far as those changes
 * reach (mentions-recheck.ts, advice-words.ts), and the snapshot's advice findings when the
 * changes leave them standing (kept-findings.ts). They are found even when the glossary has errors
 * and no advice is given, so the snapshot stays true to the glossary for the run that gives it.
 */
export function recheckAdvice(
  published: readonly Term[],
  recheck: Pick<Recheck, 'entryOf' | 'changes'>,
  snapshot: Pick<CheckSnapshot, 'ambiguous' | 'adviceWords' | 'advice'>,
  locale: string,
): AdviceRecheck {
  const { entryOf, changes } = recheck;
  const found = recheckMentions(published, (term) => entryOf.get(term.file)?.facts?.bodyMentions, changes, {
    locale,
    ambiguous: snapshot.ambiguous,
  });
  const words = recheckAdviceWords(
    published,
    (term) => entryOf.get(term.file)?.facts?.adviceWords,
    changes,
    snapshot.adviceWords,
  );
  // Told before keep() puts this run's mentions in the entries, while they hold the last run's.
  const mentionChanges =
    snapshot.advice === undefined
      ? undefined
      : mentionChangesSince({
          changes,
          reread: found.reread,
          mentionsOf: (file) => found.byFile.get(file),
          keptOf: (file) => entryOf.get(file)?.facts?.bodyMentions,
          slugOf: (file) => entryOf.get(file)?.slug,
        });
  return {
    mentions: found.mentions,
    ambiguous: found.ambiguous,
    postings: words.postings,
    found: found.found,
    findings: mentionChanges ? snapshot.advice : undefined,
    mentionChanges: mentionChanges ?? [],
    keep(entries) {
      const kept = words.kept();
      for (const entry of entries) {
        const facts = entry.facts;
        if (!facts) continue;
        const published = !facts.draft;
        const mentions = published ? found.byFile.get(entry.path) : undefined;
        if (mentions) facts.bodyMentions = mentions;
        facts.adviceWords = published ? kept?.words.get(entry.path) : undefined;
      }
      const adviceWords: AdviceWordsState | undefined = kept?.state;
      return { ambiguous: found.ambiguous, adviceWords };
    },
  };
}
