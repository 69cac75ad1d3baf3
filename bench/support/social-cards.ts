import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGlossary } from '../../src/lib/graph/glossary-graph.ts';
import { readSourceFiles } from '../../src/lib/entries/read-glossary.ts';
import { loadSiteConfig } from '../../src/lib/site/site-config.ts';
import { cachedCard, cardCacheKey } from '../../src/lib/social-cards/card-cache.ts';
import { CARD_SIZES, CARD_THEME, buildCardLayout } from '../../src/lib/social-cards/card-layout.ts';
import { planSocialCards, type SocialCard } from '../../src/lib/social-cards/plan.ts';
import { renderCard, rendererVersion } from '../../src/lib/social-cards/render-card.ts';
import { validateGlossary } from '../../src/lib/checks/validate-glossary.ts';

/** What drawing the cards costs, cold (nothing cached) and warm (everything cached). */
export interface SocialCardFigures {
  /** Entries whose four cards were drawn. */
  sampledEntries: number;
  /** The first card, which also loads the fonts and satori's layout engine. */
  firstCardMs: number;
  coldMsPerCard: number;
  coldMsPerEntry: number;
  warmMsPerEntry: number;
  /** `socialCards: entry` on every entry of the benchmark glossary, cold. */
  entryModeSeconds: number;
  /** The same for 10,000 entries. */
  entryModeSecondsAt10000: number;
  /** `entryModeSeconds` as a share of the measured build. */
  entryModeShareOfBuild: number;
  /** `socialCards: section` (the default): the site's card and one per section, cold. */
  sectionModeSeconds: number;
}

/**
 * Draws the social cards of up to `sample` entries of the benchmark glossary with the product's
 * own functions (plan, layout, cache, renderer), into a cache folder of its own: once cold, then
 * again from the cache. Projects the cold cost of `socialCards: entry` for the whole glossary and
 * for 10,000 entries against the build just measured, adds the figures to `figures` and returns
 * rows for the benchmark's table.
 */
export async function measureSocialCards(
  siteDir: string,
  buildSeconds: number,
  figures: Record<string, unknown>,
  // 200 cards: enough for a steady per-card figure, and about 15 s rather than a minute.
  sample = 50,
): Promise<[string, string, string][]> {
  const site = { ...loadSiteConfig(siteDir), socialCards: 'entry' as const };
  const { terms } = validateGlossary(await readSourceFiles(siteDir), site);
  const glossary = buildGlossary(
    terms.filter((t) => !t.draft),
    site,
  );
  const cards = planSocialCards(site, glossary);
  const entryCards = cards.filter((c) => c.name.startsWith('entry-'));
  const sampled = entryCards.slice(0, sample * Object.keys(CARD_SIZES).length);
  const renderer = rendererVersion();
  const cache = mkdtempSync(join(tmpdir(), 'glossa-bench-cards-'));
  const draw = (card: SocialCard) => {
    const size = CARD_SIZES[card.size];
    const key = cardCacheKey({ text: card.text, size, theme: CARD_THEME, renderer });
    return cachedCard(cache, key, () => renderCard(buildCardLayout(card.text, size), size));
  };
  const timeAll = async (list: SocialCard[]) => {
    const start = performance.now();
    for (const card of list) await draw(card);
    return performance.now() - start;
  };
  try {
    const [first, ...rest] = sampled;
    if (!first) throw new Error('the benchmark glossary has no entries to draw cards for');
    const firstCardMs = await timeAll([first]);
    const coldMs = await timeAll(rest);
    const warmMs = await timeAll(sampled);
    const sampledEntries = sampled.length / Object.keys(CARD_SIZES).length;
    const coldMsPerCard = coldMs / rest.length;
    const coldMsPerEntry = coldMsPerCard * Object.keys(CARD_SIZES).length;
    // With socialCards: section, the site's link image and each section's card at all four sizes.
    const sectionCards = 1 + glossary.sections.length * Object.keys(CARD_SIZES).length;
    const result: SocialCardFigures = {
      sampledEntries,
      firstCardMs,
      coldMsPerCard,
      coldMsPerEntry,
      warmMsPerEntry: warmMs / sampledEntries,
      entryModeSeconds: (coldMsPerEntry * glossary.terms.length) / 1000,
      entryModeSecondsAt10000: (coldMsPerEntry * 10_000) / 1000,
      entryModeShareOfBuild: (coldMsPerEntry * glossary.terms.length) / 1000 / buildSeconds,
      sectionModeSeconds: (firstCardMs + coldMsPerCard * (sectionCards - 1)) / 1000,
    };
    figures['socialCards'] = result;
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    return [
      [
        `social cards: cold, per card (${sampledEntries} entries × 4 sizes)`,
        ms(coldMsPerCard),
        `first card ${ms(firstCardMs)} (fonts, layout engine)`,
      ],
      ['social cards: warm (from the cache), per entry', ms(result.warmMsPerEntry), 'target ≈ 0'],
      [
        'social cards: socialCards: entry, cold, whole glossary',
        `${result.entryModeSeconds.toFixed(1)} s`,
        `${(100 * result.entryModeShareOfBuild).toFixed(0)} % of this build; ${result.entryModeSecondsAt10000.toFixed(0)} s at 10,000`,
      ],
      [
        'social cards: socialCards: section (default), cold',
        `${result.sectionModeSeconds.toFixed(2)} s`,
        `${sectionCards} cards: the site's, and each section's at 4 sizes`,
      ],
    ];
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}
