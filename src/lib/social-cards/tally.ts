/** How many cards a build drew and how many it took from the cache. */
export interface CardTally {
  drawn: number;
  cached: number;
}

// The cards are drawn by the prerendered endpoint and reported by an integration: two module
// graphs (Astro's bundle and the config's) in one process, so the count lives on globalThis.
const KEY = Symbol.for('glossa.social-cards.tally');
const holder = globalThis as { [KEY]?: CardTally };

/** This process's count of cards drawn and reused since the last reset. */
export function cardTally(): CardTally {
  holder[KEY] ??= { drawn: 0, cached: 0 };
  return holder[KEY];
}

/** Starts a new count, at the start of a build. */
export function resetCardTally(): void {
  holder[KEY] = { drawn: 0, cached: 0 };
}

/** The build log's line about the cards: "24 social cards drawn, 0 from the cache". */
export function tallyLine({ drawn, cached }: CardTally): string {
  const cards = drawn + cached;
  return `${cards} social ${cards === 1 ? 'card' : 'cards'}: ${drawn} drawn, ${cached} from the cache.`;
}
