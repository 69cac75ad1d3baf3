import { describe, expect, it } from 'vitest';
import { buildFeed, toRssOptions } from '../../../src/lib/outputs/feed-items.ts';
import { fields, sampleGlossary, sampleSite } from '../../support/sample-glossary.ts';

const site = sampleSite({ feedSize: 2 });
const glossary = sampleGlossary(site, [
  { path: 'content/definition/old.md', fields: fields('Old', '2026-01-01', 'categories: [Basics]') },
  { path: 'content/definition/revised.md', fields: fields('Revised', '2026-01-02', 'updated: 2026-03-01') },
  { path: 'content/area/newest.md', fields: fields('Newest', '2026-02-01') },
  { path: 'content/area/draft.md', fields: fields('Draft', '2026-04-01', 'draft: true') },
]);

describe('buildFeed', () => {
  it('lists the feedSize most recently published or updated entries, newest first, never a draft', () => {
    const feed = buildFeed(site, glossary);
    expect(feed.items.map((i) => [i.title, i.pubDate.toISOString()])).toEqual([
      ['Revised', '2026-02-28T23:00:00.000Z'],
      ['Newest', '2026-01-31T23:00:00.000Z'],
    ]);
  });

  it('describes each item by its summary, absolute link and categories', () => {
    const feed = buildFeed(sampleSite(), glossary);
    expect(feed.items.at(-1)).toEqual({
      title: 'Old',
      link: 'https://example.org/definition/old/',
      description: 'Old is an entry used only in these unit tests of outputs.',
      pubDate: new Date('2026-01-01T00:00:00+01:00'),
      categories: ['Basics'],
    });
  });

  it('makes a section feed of that section only, linked to the section page', () => {
    const feed = buildFeed(site, glossary, 'definition');
    expect(feed.items.map((i) => i.title)).toEqual(['Revised', 'Old']);
    expect(toRssOptions(feed)).toMatchObject({
      title: 'Test Glossary: Definition',
      description: 'Short definitions.',
      site: 'https://example.org/definition/',
      xmlns: { atom: 'http://www.w3.org/2005/Atom' },
      customData:
        '<language>en</language><atom:link href="https://example.org/definition/rss.xml" rel="self" type="application/rss+xml"/>',
    });
  });
});
