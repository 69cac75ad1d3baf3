import { pathToFileURL } from 'node:url';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { buildAutolinkSite, type LinkableEntry } from '../../../src/lib/autolink/autolink-site.ts';
import { KEPT_MENTIONS, type BodyMention } from '../../../src/lib/autolink/plan.ts';
import { autolinkTerms, shareAutolinks } from '../../../src/lib/markdown/autolink.ts';

const SITE_DIR = '/kept-mentions-under-test';
const FILE = `${SITE_DIR}/content/definition/index-page.md`;
const names = Array.from({ length: 30 }, (_, i) => `Zorb${String.fromCharCode(97 + (i % 26))}${i}`);
const entries: LinkableEntry[] = names.map((title) => ({
  slug: title.toLowerCase(),
  section: 'definition',
  title,
  aka: [],
}));

describe('mentions kept of a body that names many entries', () => {
  it(`keeps ${KEPT_MENTIONS}, the editor's links first, then names in order, and still links them all`, async () => {
    const found = new Map<string, BodyMention[]>();
    shareAutolinks(SITE_DIR, {
      site: buildAutolinkSite(entries, { root: '/', locale: 'en', policy: 'page' }),
      entries: new Map([[FILE, { slug: 'index-page', autolink: true }]]),
      found,
    });
    // Names 0–28 in the text, then an editor's link to the last one.
    const markdown = `${names.slice(0, 29).join(', ')} and [the last](/definition/${entries[29]?.slug}/).`;
    const result = await markdownToHtml(markdown, {
      hastPlugins: [autolinkTerms(SITE_DIR)],
      fileURL: pathToFileURL(FILE),
    });
    const html = typeof result === 'string' ? result : result.html;
    expect(html.match(/data-autolink/g)).toHaveLength(29);
    const kept = found.get('index-page') ?? [];
    expect(kept.map((m) => m.slug)).toEqual([
      ...entries.slice(0, KEPT_MENTIONS - 1).map((e) => e.slug),
      entries[29]?.slug,
    ]);
    expect(kept.at(-1)?.via).toBe('link');
  });
});
