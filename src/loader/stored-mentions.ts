import type { BodyMention } from '../lib/autolink/plan.ts';

/**
 * A body's mentions as the content store keeps them: each with the name as the body wrote it for
 * its context, without the sentence around it (as `mentions: explicit` finds them).
 *
 * Why: the pages read each entry's mentions from the parts the loader keeps (preview-entries.ts),
 * sentences and all; the store's copy is for a host site's own `getCollection('glossa')`. With
 * the sentences, 10,000 bench entries' mentions made the store 20 MB instead of 6 MB, and
 * devalue took about a second longer to write it (and the pages a third of one to read it back),
 * for text no page shows from there.
 */
export function storedMentions(mentions: readonly BodyMention[]): BodyMention[] {
  return mentions.map(({ slug, via, context }) => ({
    slug,
    via,
    context: { before: '', text: context.text, after: '' },
  }));
}
