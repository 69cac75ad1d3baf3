import type { AstroIntegration } from 'astro';
import { cardTally, resetCardTally, tallyLine } from '../lib/social-cards/tally.ts';

/**
 * Says at the end of a build how many social cards were drawn and how many came from the cache,
 * so an editor sees that an unchanged glossary redraws none. Silent when the build has no cards.
 */
export function socialCardReport(): AstroIntegration {
  return {
    name: 'glossa:social-cards',
    hooks: {
      'astro:build:start': () => resetCardTally(),
      'astro:build:done': ({ logger }) => {
        const tally = cardTally();
        if (tally.drawn + tally.cached > 0) logger.info(tallyLine(tally));
      },
    },
  };
}
