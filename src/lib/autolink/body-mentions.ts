import type { Root } from 'hast';
import { markdownToHast } from 'satteri';
import { MATH_FEATURES } from '../markdown/formulas.ts';
import type { Term } from '../entries/term.ts';
import type { AmbiguousName } from './name-index.ts';
import { autolinkOptionsFor, buildAutolinkSite } from './autolink-site.ts';
import { planAutolinks, type BodyMention } from './plan.ts';

/**
 * The entries each body mentions, read from the Markdown without building the site (for
 * `check:content`): the same rules as the build's autolink plugin, on Sätteri's tree of the body.
 * Formulas and raw HTML are not expanded here, and neither holds a name the build would link.
 * The mentions come without their sentences (`context` holds the name only): the advice counts
 * mentions and never shows a backlink.
 */
export function findBodyMentions(
  terms: readonly Term[],
  locale: string,
): { mentions: Map<string, BodyMention[]>; ambiguous: AmbiguousName[] } {
  const published = terms.filter((t) => !t.draft);
  const site = buildAutolinkSite(published, { root: '/', locale, policy: 'off' });
  const mentions = new Map(
    published.map((term) => {
      const tree = markdownToHast(term.body, { features: MATH_FEATURES, position: false }) as Root;
      const options = { ...autolinkOptionsFor(site, term.slug, false), sentences: false };
      return [term.slug, planAutolinks(tree, options).mentions];
    }),
  );
  return { mentions, ambiguous: site.index.ambiguous };
}
