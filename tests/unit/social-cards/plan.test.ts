import { describe, expect, it } from 'vitest';
import { buildGlossary } from '../../../src/lib/graph/glossary-graph.ts';
import { buildTermPageGraph } from '../../../src/lib/jsonld/term-page.ts';
import { parseSiteConfig } from '../../../src/lib/site/site-config.ts';
import {
  articleCardPaths,
  planSocialCards,
  sectionSocialImage,
  siteSocialImage,
  termSocialImage,
} from '../../../src/lib/social-cards/plan.ts';
import { makeTerm } from '../../support/make-term.ts';
import { testSiteInput } from '../../support/test-site.ts';

const siteWith = (socialCards?: string) =>
  parseSiteConfig(socialCards === undefined ? testSiteInput : { ...testSiteInput, socialCards });
const gamma = makeTerm('gamma', { keyword: 'Measure', image: { src: '/images/g.svg', alt: 'Gamma curve.' } });
const delta = makeTerm('delta', { section: 'area' });
const glossaryOf = (site: ReturnType<typeof siteWith>) => buildGlossary([gamma, delta], site);

describe('planSocialCards', () => {
  it('draws the site card and one per section (configured ones first) by default, sections also at the Article ratios', () => {
    const site = siteWith();
    expect(site.socialCards).toBe('section');
    const cards = planSocialCards(site, glossaryOf(site));
    expect(cards.map((c) => c.name)).toEqual([
      'site-og',
      'section-definition-og',
      'section-definition-16x9',
      'section-definition-4x3',
      'section-definition-1x1',
      'section-area-og',
      'section-area-16x9',
      'section-area-4x3',
      'section-area-1x1',
    ]);
    expect(cards[0]?.text).toEqual({
      title: 'Test Glossary',
      line: 'A glossary for tests.',
      siteName: 'example.org',
    });
    expect(cards.find((c) => c.name === 'section-definition-og')?.text).toEqual({
      title: 'Definition',
      line: 'Short definitions.',
      siteName: 'Test Glossary',
    });
    expect(cards.find((c) => c.name === 'section-area-og')?.text).toEqual({
      title: 'Area',
      line: '1 entry of Test Glossary, A–Z.',
      siteName: 'Test Glossary',
    });
  });

  it('adds a card per entry with socialCards: entry, saying its title and "Keyword ⎊ summary"', () => {
    const site = siteWith('entry');
    const cards = planSocialCards(site, glossaryOf(site));
    // The site and the sections need only their link image: no Article names their ratios.
    expect(cards.map((c) => c.name)).toEqual([
      'site-og',
      'section-definition-og',
      'section-area-og',
      'entry-delta-og',
      'entry-delta-16x9',
      'entry-delta-4x3',
      'entry-delta-1x1',
      'entry-gamma-og',
      'entry-gamma-16x9',
      'entry-gamma-4x3',
      'entry-gamma-1x1',
    ]);
    expect(cards.find((c) => c.name === 'entry-gamma-og')).toEqual({
      name: 'entry-gamma-og',
      size: 'og',
      text: { title: 'Gamma', keyword: 'Measure', line: gamma.summary, siteName: 'Test Glossary' },
    });
  });

  it('draws nothing with socialCards: off', () => {
    const site = siteWith('off');
    expect(planSocialCards(site, glossaryOf(site))).toEqual([]);
  });

  it('refuses another value, naming the three', () => {
    expect(() => siteWith('all')).toThrow('must be one of entry, section, off');
  });
});

describe('the image a page offers', () => {
  const png = { width: 800, height: 420, type: 'image/png' };

  it("is the entry's own raster picture when it has one, whatever the setting", () => {
    for (const mode of ['entry', 'section', 'off']) {
      const site = siteWith(mode);
      expect(termSocialImage(site, gamma, glossaryOf(site).sectionOf(gamma), png)).toEqual({
        src: '/images/g.svg',
        ...png,
        alt: 'Gamma curve.',
      });
    }
  });

  it("is the entry's card with socialCards: entry, else its section's, else none", () => {
    const entry = siteWith('entry');
    expect(termSocialImage(entry, delta, glossaryOf(entry).sectionOf(delta), undefined)).toEqual({
      src: '/social-cards/entry-delta-og.png',
      width: 1200,
      height: 630,
      type: 'image/png',
      alt: `Delta: ${delta.summary}`,
    });
    const section = siteWith();
    expect(termSocialImage(section, delta, glossaryOf(section).sectionOf(delta), undefined)).toEqual({
      src: '/social-cards/section-area-og.png',
      width: 1200,
      height: 630,
      type: 'image/png',
      alt: 'Area: 1 entry of Test Glossary, A–Z.',
    });
    const off = siteWith('off');
    expect(termSocialImage(off, delta, glossaryOf(off).sectionOf(delta), undefined)).toBeUndefined();
    expect(sectionSocialImage(off, glossaryOf(off).sectionOf(delta))).toBeUndefined();
    expect(siteSocialImage(off)).toBeUndefined();
  });

  it("is the site's card for the home page and every listing", () => {
    expect(siteSocialImage(siteWith())).toEqual({
      src: '/social-cards/site-og.png',
      width: 1200,
      height: 630,
      type: 'image/png',
      alt: 'Test Glossary: A glossary for tests.',
    });
  });
});

describe("the Article's images", () => {
  it("offer the entry's picture, then its card at 16:9, 4:3 and 1:1 as absolute URLs", () => {
    const site = siteWith('entry');
    const graph = buildTermPageGraph(site, glossaryOf(site), gamma, articleCardPaths(site, gamma));
    const article = (graph['@graph'] as unknown as Record<string, unknown>[]).find(
      (n) => n['@type'] === 'Article',
    );
    expect(article?.['image']).toEqual([
      { '@type': 'ImageObject', url: 'https://example.org/images/g.svg', caption: 'Gamma curve.' },
      'https://example.org/social-cards/entry-gamma-16x9.png',
      'https://example.org/social-cards/entry-gamma-4x3.png',
      'https://example.org/social-cards/entry-gamma-1x1.png',
    ]);
  });

  it("use the section's card by default and none with socialCards: off", () => {
    expect(articleCardPaths(siteWith(), delta)).toEqual([
      '/social-cards/section-area-16x9.png',
      '/social-cards/section-area-4x3.png',
      '/social-cards/section-area-1x1.png',
    ]);
    expect(articleCardPaths(siteWith('off'), delta)).toEqual([]);
  });
});
