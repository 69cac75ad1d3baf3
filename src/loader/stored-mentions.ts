import type { BodyMention } from '../lib/autolink/plan.ts';

/**
 * A body's mentions as the content store keeps them: each with the name as the body wrote it for
 * its context, without the sentence around it (as `mentions: explicit` finds them).
 *
 * Why: the pages read each entry's mentions from the parts the loader keeps (preview-entries.ts),
 * sentences and all; the store's copy is for a host site's own `getCollection('glossa')`. At
 * 10,000 bench entries (63,000 mentions) the sentences made the store 20.1 MB instead of 11.6 MB,
 * for text no page shows from there, and devalue's parse of it 0.2-0.4 s longer. Writing it
 * costs devalue about a second more than a store with no mentions at all, and the sentences only
 * a tenth to a third of that: its cost goes by the number of objects, which this leaves as it was.
 */
export function storedMentions(mentions: readonly BodyMention[]): BodyMention[] {
  return mentions.map(({ slug, via, context }) => ({
    slug,
    via,
    context: { before: '', text: context.text, after: '' },
  }));
}
