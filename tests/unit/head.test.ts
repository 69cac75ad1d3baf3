import { describe, expect, it } from 'vitest';
import { buildHeadTags, sectionFeedAlternate, toOgLocale } from '../../src/lib/pages/head.ts';
import { sampleSite } from '../support/sample-glossary.ts';

const alternatesOf = (tags: ReturnType<typeof buildHeadTags>) =>
  tags.filter((t) => t.attrs['rel'] === 'alternate').map((t) => t.attrs);
const robotsOf = (tags: ReturnType<typeof buildHeadTags>) =>
  tags.find((t) => t.attrs['name'] === 'robots')?.attrs['content'];

describe('buildHeadTags', () => {
  it('announces the site feed on every page, then the page’s own alternates, as absolute URLs', () => {
    const site = sampleSite();
    const tags = buildHeadTags(site, {
      title: 'Gamma',
      description: 'Gamma.',
      path: '/definition/gamma/',
      alternates: [
        { type: 'text/markdown', path: '/definition/gamma.md', title: 'Gamma (Markdown)' },
        sectionFeedAlternate(site, { key: 'definition', label: 'Definition' }),
      ],
    });
    expect(alternatesOf(tags)).toEqual([
      {
        rel: 'alternate',
        type: 'application/rss+xml',
        href: 'https://example.org/rss.xml',
        title: 'Test Glossary',
      },
      {
        rel: 'alternate',
        type: 'text/markdown',
        href: 'https://example.org/definition/gamma.md',
        title: 'Gamma (Markdown)',
      },
      {
        rel: 'alternate',
        type: 'application/rss+xml',
        href: 'https://example.org/definition/rss.xml',
        title: 'Test Glossary: Definition',
      },
    ]);
    expect(robotsOf(tags)).toBeUndefined();
  });

  it('marks every page noindex on a staging site', () => {
    const tags = buildHeadTags(sampleSite({ staging: true }), {
      title: 'Home',
      description: 'Home.',
      path: '/',
    });
    expect(robotsOf(tags)).toBe('noindex');
  });

  it('gives a noindex page (the 404 page, served at any missing address) no canonical URL or og:url', () => {
    const tags = buildHeadTags(sampleSite(), {
      title: 'Page not found',
      description: 'This page does not exist.',
      path: '/404/',
      noindex: true,
    });
    expect(robotsOf(tags)).toBe('noindex');
    expect(tags.filter((t) => t.attrs['rel'] === 'canonical' || t.attrs['property'] === 'og:url')).toEqual(
      [],
    );
  });
});

describe('toOgLocale', () => {
  it('joins language and territory with an underscore, adding the likely territory to a bare language', () => {
    expect(toOgLocale('en')).toBe('en_US');
    expect(toOgLocale('en-GB')).toBe('en_GB');
    expect(toOgLocale('fr')).toBe('fr_FR');
    expect(toOgLocale('pt-BR')).toBe('pt_BR');
  });
});

describe('the meta description', () => {
  it('is cut at a word boundary to at most 160 characters, in all three tags', () => {
    const long = `Gamma ${'measures how fast delta moves '.repeat(8)}when the price moves.`;
    const tags = buildHeadTags(sampleSite(), {
      title: 'Gamma',
      description: long,
      path: '/definition/gamma/',
    });
    const descriptions = tags
      .filter((t) =>
        ['description', 'og:description', 'twitter:description'].includes(
          t.attrs['name'] ?? t.attrs['property'] ?? '',
        ),
      )
      .map((t) => t.attrs['content']);
    const cut =
      'Gamma measures how fast delta moves measures how fast delta moves measures how fast delta moves measures how fast delta moves measures how fast delta moves…';
    expect(descriptions).toEqual([cut, cut, cut]);
    expect(cut.length).toBeLessThanOrEqual(160);
  });

  it('is the description itself when it fits', () => {
    const tags = buildHeadTags(sampleSite(), {
      title: 'Gamma',
      description: 'Gamma.',
      path: '/definition/gamma/',
    });
    expect(tags[0]).toEqual({ tag: 'meta', attrs: { name: 'description', content: 'Gamma.' } });
  });
});

describe('the social image', () => {
  const imageTags = (tags: ReturnType<typeof buildHeadTags>) =>
    tags
      .filter((t) => /^(og:image|twitter:(card|image))/.test(t.attrs['property'] ?? t.attrs['name'] ?? ''))
      .map((t) => [t.attrs['property'] ?? t.attrs['name'], t.attrs['content']]);

  it("is the site's card on a page that names none, with its type, size and alt text", () => {
    const tags = buildHeadTags(sampleSite(), { title: 'Tags', description: 'Every tag.', path: '/tags/' });
    expect(imageTags(tags)).toEqual([
      ['og:image', 'https://example.org/social-cards/site-og.png'],
      ['og:image:type', 'image/png'],
      ['og:image:width', '1200'],
      ['og:image:height', '630'],
      ['og:image:alt', 'Test Glossary: A glossary for tests.'],
      ['twitter:card', 'summary_large_image'],
      ['twitter:image', 'https://example.org/social-cards/site-og.png'],
      ['twitter:image:alt', 'Test Glossary: A glossary for tests.'],
    ]);
  });

  it("is the page's own when given, and left out (with a small Twitter card) when null", () => {
    const photo = { src: '/images/g.jpg', width: 800, height: 600, type: 'image/jpeg', alt: 'A chart.' };
    const own = buildHeadTags(sampleSite(), {
      title: 'G',
      description: 'G.',
      path: '/d/g/',
      socialImage: photo,
    });
    expect(imageTags(own).slice(0, 4)).toEqual([
      ['og:image', 'https://example.org/images/g.jpg'],
      ['og:image:type', 'image/jpeg'],
      ['og:image:width', '800'],
      ['og:image:height', '600'],
    ]);
    const none = buildHeadTags(sampleSite(), {
      title: 'G',
      description: 'G.',
      path: '/d/g/',
      socialImage: null,
    });
    expect(imageTags(none)).toEqual([['twitter:card', 'summary']]);
  });

  it('says og:locale en_US for locale: en-US', () => {
    const tags = buildHeadTags(sampleSite({ locale: 'en-US' }), { title: 'G', description: 'G.', path: '/' });
    expect(tags.find((t) => t.attrs['property'] === 'og:locale')?.attrs['content']).toBe('en_US');
  });
});
