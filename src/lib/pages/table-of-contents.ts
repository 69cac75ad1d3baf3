/** A heading of an entry body, as Astro's `render()` reports it. */
export interface BodyHeading {
  depth: number;
  slug: string;
  text: string;
}

/** One line of a table of contents: an h2, with the h3s under it. */
export interface TocItem {
  slug: string;
  text: string;
  children: TocItem[];
}

/** The id of the heading Sätteri gives the footnotes (read by screen readers only), not a section. */
const FOOTNOTES_HEADING = 'footnote-label';

/** How many h2 sections make an entry a long read that gets a table of contents. */
export const TOC_MIN_SECTIONS = 3;

/**
 * The table of contents of an entry body: its h2 headings, each with the h3 headings that follow
 * it, or none at all when the body has fewer than three sections (a short entry reads at a glance,
 * and a list of two links would only push the text down). Deeper headings are left out so the
 * list stays short enough to scan beside the text.
 */
export function buildTableOfContents(headings: readonly BodyHeading[]): TocItem[] {
  const items: TocItem[] = [];
  for (const heading of headings) {
    if (heading.slug === FOOTNOTES_HEADING) continue;
    if (heading.depth === 2) items.push({ slug: heading.slug, text: heading.text, children: [] });
    else if (heading.depth === 3)
      items.at(-1)?.children.push({ slug: heading.slug, text: heading.text, children: [] });
  }
  return items.length >= TOC_MIN_SECTIONS ? items : [];
}
