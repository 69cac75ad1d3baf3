import { previewShardCount } from '../lib/outputs/preview-data.ts';
import { sectionFeedAlternate } from '../lib/pages/head.ts';
import { termCrumbs } from '../lib/jsonld/term-page.ts';
import { createPageKeys } from '../lib/pages/page-cache-key.ts';
import type { Term } from '../lib/entries/term.ts';
import { entryOf, glossary, site } from './glossary.ts';
import { articleCardsOf, socialImageOf } from './social-cards.ts';

/**
 * The `cacheKey`s the routes give Astro's incremental build (src/lib/pages/page-cache-key.ts says why a
 * key must cover all a page prints). The site configuration is not part of them: it reaches pages
 * as a module (`virtual:glossa/config`), whose code Astro hashes itself.
 */

// What every page prints besides its own content: the header's sections and the preview loader's
// shard count (src/components/SiteHeader.astro, ClientLoader.astro).
const keys = createPageKeys(glossary.terms, {
  sections: glossary.sections.map(({ key, label }) => ({ key, label })),
  shards: previewShardCount(glossary.terms.length),
});

/**
 * The key of a term's page: the entry with its rendered body (the loader's digest covers what
 * renders it, such as the other entries' names that autolinks use), and each value the page's
 * template (src/routes/[section]/[slug].astro) takes from the glossary.
 */
export function termPageKey(term: Term): string {
  let key = termKeys.get(term);
  if (key === undefined) {
    key = computeTermPageKey(term);
    termKeys.set(term, key);
  }
  return key;
}
// The term page's route and the Markdown copies (which reuse a copy while its page is unchanged)
// both ask.
const termKeys = new Map<Term, string>();

function computeTermPageKey(term: Term): string {
  const { key, label, description } = glossary.sectionOf(term);
  return keys.keyOf({
    term,
    rendered: entryOf(term).digest,
    section: { key, label, description },
    feed: sectionFeedAlternate(site, { key, label }),
    ways: glossary.waysOnward(term),
    crumbs: termCrumbs(glossary, term),
    socialImage: socialImageOf(term) ?? null,
    // The JSON-LD graph (buildTermPageGraph) is keyed on what it is built from besides the values
    // above and the site: the entries it names as mentions (each hashed whole by the replacer) and
    // the cards' pictures. Building every page's graph a second time, only to hash it, was 1 s of
    // each 10,000-entry build and rebuild, and more with JSON.stringify of it.
    graphInputs: { mentions: glossary.mentions(term), cards: articleCardsOf(term) },
  });
}

/**
 * The key of a listing page (a section, a letter of it, a tag or a category) whose template prints
 * nothing from the glossary but its props, named by `route`.
 */
export function listingPageKey(route: string, props: unknown): string {
  return keys.keyOf({ route, props });
}
