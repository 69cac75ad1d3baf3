import type { Glossary, Section } from '../graph/glossary-graph.ts';
import type { SiteConfig } from '../site/site-config.ts';
import type { Term } from '../entries/term.ts';
import { ARTICLE_IMAGE_SIZES, CARD_SIZES, type CardSizeName, type CardText } from './card-layout.ts';

/** One card to draw: its file name under /social-cards/, its size and what it says. */
export interface SocialCard {
  /** `site-og`, `section-definition-1x1`, `entry-negative-gamma-16x9`. */
  name: string;
  size: CardSizeName;
  text: CardText;
}

/** The image a page offers to social sites (og:image, twitter:image). */
export interface SocialImage {
  /** Site path of the PNG, JPEG or WebP. */
  src: string;
  width: number;
  height: number;
  /** Media type for og:image:type. */
  type: string;
  alt: string;
}

/** An entry's own picture when it is a raster file under public/ (social sites show no SVG). */
export interface RasterImage {
  width: number;
  height: number;
  type: string;
}

/** The folder, under the glossary's root, the cards are published in. */
export const SOCIAL_CARDS_DIR = '/social-cards/';

/** Who a card belongs to: the whole site, a section or an entry. */
type CardOwner = { kind: 'site' } | { kind: 'section'; key: string } | { kind: 'entry'; slug: string };

// Slugs are unique across sections and section keys are kebab-case, so the prefixes keep every
// name apart.
const ownerName = (owner: CardOwner) =>
  owner.kind === 'site' ? 'site' : owner.kind === 'section' ? `section-${owner.key}` : `entry-${owner.slug}`;

/** Site path of a card: `/social-cards/section-definition-og.png`. */
export function cardPath(name: string): string {
  return `${SOCIAL_CARDS_DIR}${name}.png`;
}

/** What an entry's card says: its title, "Keyword ⎊ summary" and the site's name. */
export function entryCardText(site: SiteConfig, term: Term): CardText {
  return { title: term.title, keyword: term.keyword, line: term.summary, siteName: site.name };
}

/** What a section's card says: its label and its description (else the count of its entries). */
export function sectionCardText(site: SiteConfig, section: Section): CardText {
  const count = section.terms.length;
  return {
    title: section.label,
    line: section.description ?? `${count} ${count === 1 ? 'entry' : 'entries'} of ${site.name}, A–Z.`,
    siteName: site.name,
  };
}

/** What the site's card says: its name and description. */
export function siteCardText(site: SiteConfig): CardText {
  return { title: site.name, line: site.description, siteName: new URL(site.url).host };
}

/**
 * Every card the build draws, at the sizes something uses: the link image (`og`) of the site, of
 * each section and, with `socialCards: entry`, of each entry; and the three Article ratios of the
 * cards term pages name in their JSON-LD (each entry's own, else its section's). None with
 * `socialCards: off`. Sizes nothing names are not drawn: a card costs tens of milliseconds.
 */
export function planSocialCards(site: SiteConfig, glossary: Glossary): SocialCard[] {
  if (site.socialCards === 'off') return [];
  const perEntry = site.socialCards === 'entry';
  const linkOnly: readonly CardSizeName[] = ['og'];
  const withArticle: readonly CardSizeName[] = ['og', ...ARTICLE_IMAGE_SIZES];
  const owners: [CardOwner, CardText, readonly CardSizeName[]][] = [
    [{ kind: 'site' }, siteCardText(site), linkOnly],
    ...glossary.sections.map((s): [CardOwner, CardText, readonly CardSizeName[]] => [
      { kind: 'section', key: s.key },
      sectionCardText(site, s),
      perEntry ? linkOnly : withArticle,
    ]),
    ...(perEntry
      ? glossary.terms.map((t): [CardOwner, CardText, readonly CardSizeName[]] => [
          { kind: 'entry', slug: t.slug },
          entryCardText(site, t),
          withArticle,
        ])
      : []),
  ];
  return owners.flatMap(([owner, text, sizes]) =>
    sizes.map((size) => ({ name: `${ownerName(owner)}-${size}`, size, text })),
  );
}

function termOwner(site: SiteConfig, term: Term): CardOwner {
  return site.socialCards === 'entry'
    ? { kind: 'entry', slug: term.slug }
    : { kind: 'section', key: term.section };
}

function cardImage(owner: CardOwner, alt: string): SocialImage {
  return { src: cardPath(`${ownerName(owner)}-og`), ...CARD_SIZES.og, type: 'image/png', alt };
}

/** The site's card, shown for the home page and every listing; none with `socialCards: off`. */
export function siteSocialImage(site: SiteConfig): SocialImage | undefined {
  if (site.socialCards === 'off') return undefined;
  return cardImage({ kind: 'site' }, `${site.name}: ${site.description}`);
}

/** A section's card, for its index page; none with `socialCards: off`. */
export function sectionSocialImage(site: SiteConfig, section: Section): SocialImage | undefined {
  if (site.socialCards === 'off') return undefined;
  const text = sectionCardText(site, section);
  return cardImage({ kind: 'section', key: section.key }, `${text.title}: ${text.line}`);
}

/**
 * The image a term page offers social sites: the entry's own picture when it is a raster file,
 * else its card (its own with `socialCards: entry`, its section's with `section`), else none.
 */
export function termSocialImage(
  site: SiteConfig,
  term: Term,
  section: Section,
  raster: RasterImage | undefined,
): SocialImage | undefined {
  if (term.image && raster) return { src: term.image.src, ...raster, alt: term.image.alt };
  if (site.socialCards === 'off') return undefined;
  if (site.socialCards === 'section') return sectionSocialImage(site, section);
  return cardImage({ kind: 'entry', slug: term.slug }, `${term.title}: ${term.summary}`);
}

/**
 * Site paths of the term's card in the three aspect ratios Google asks of an Article image
 * (16:9, 4:3, 1:1), for the JSON-LD; none with `socialCards: off`.
 */
export function articleCardPaths(site: SiteConfig, term: Term): string[] {
  if (site.socialCards === 'off') return [];
  const name = ownerName(termOwner(site, term));
  return ARTICLE_IMAGE_SIZES.map((size) => cardPath(`${name}-${size}`));
}
