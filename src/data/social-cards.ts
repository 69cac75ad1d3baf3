import { join } from 'node:path';
import runtime from 'virtual:glossa/config';
import type { Term } from '../lib/entries/term.ts';
import { cachedCard, cardCacheKey } from '../lib/social-cards/card-cache.ts';
import { CARD_SIZES, CARD_THEME, buildCardLayout } from '../lib/social-cards/card-layout.ts';
import {
  articleCardPaths,
  planSocialCards,
  termSocialImage,
  type SocialCard,
} from '../lib/social-cards/plan.ts';
import { readRasterImage } from '../lib/social-cards/raster-image.ts';
import { renderCard, rendererVersion } from '../lib/social-cards/render-card.ts';
import { cardTally } from '../lib/social-cards/tally.ts';
import { glossary, site } from './glossary.ts';

/**
 * The glossary's social cards, planned once per build: what each card says, where it is cached,
 * and which card or picture each term page offers.
 */

/** Every card the build publishes under /social-cards/. */
export const socialCards: SocialCard[] = planSocialCards(site, glossary);

const cacheDir = join(runtime.cacheDir, 'glossa-social-cards');
const renderer = rendererVersion();
const publicDir = join(runtime.siteDir, 'public');

/**
 * The PNG of a card: from the cache when a card with the same inputs was drawn before, else drawn
 * now, counted for the build's report (src/integrations/social-card-report.ts).
 */
export async function cardPng(card: SocialCard): Promise<Uint8Array<ArrayBuffer>> {
  const size = CARD_SIZES[card.size];
  const key = cardCacheKey({ text: card.text, size, theme: CARD_THEME, renderer });
  const { png, drawn } = await cachedCard(cacheDir, key, () =>
    renderCard(buildCardLayout(card.text, size, CARD_THEME), size),
  );
  cardTally()[drawn ? 'drawn' : 'cached'] += 1;
  return png;
}

// The page and its incremental-build key both ask (src/data/page-keys.ts); the picture's size is
// read from disk once per entry.
const socialImages = new Map<Term, ReturnType<typeof termSocialImage>>();

/** The image a term page offers social sites: its own raster picture, else its card. */
export function socialImageOf(term: Term) {
  if (!socialImages.has(term)) {
    const raster = term.image ? readRasterImage(publicDir, term.image.src) : undefined;
    socialImages.set(term, termSocialImage(site, term, glossary.sectionOf(term), raster));
  }
  return socialImages.get(term);
}

/** Site paths of the term's card in the Article image's three aspect ratios. */
export function articleCardsOf(term: Term): string[] {
  return articleCardPaths(site, term);
}
