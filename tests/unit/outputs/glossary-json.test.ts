import { describe, expect, it } from 'vitest';
import { GlossaryJsonSchema, buildGlossaryJson } from '../../../src/lib/outputs/glossary-json.ts';
import { fields, sampleGlossary, sampleSite } from '../../support/sample-glossary.ts';

const site = sampleSite();
const glossary = sampleGlossary(site, [
  {
    path: 'content/definition/gamma.md',
    fields: fields('Gamma', '2026-01-01', 'updated: 2026-02-01\ntags: [greeks]\naka: [Γ]\nrelated: [delta]'),
  },
  { path: 'content/area/delta.md', fields: fields('Delta', '2026-01-05T10:00:00Z', 'keyword: Mechanism') },
  { path: 'content/area/draft.md', fields: fields('Draft', '2026-01-05', 'draft: true') },
]);

describe('buildGlossaryJson', () => {
  it('describes the site and every published entry A–Z in the documented shape', () => {
    const json = buildGlossaryJson(site, glossary);
    expect(GlossaryJsonSchema.parse(json)).toEqual(json);
    expect(json).toMatchObject({
      name: 'Test Glossary',
      description: 'A glossary for tests.',
      url: 'https://example.org/',
      language: 'en',
    });
    expect(json.terms).toEqual([
      {
        slug: 'delta',
        section: 'area',
        url: 'https://example.org/area/delta/',
        markdownUrl: 'https://example.org/area/delta.md',
        title: 'Delta',
        summary: 'Delta is an entry used only in these unit tests of outputs.',
        keyword: 'Mechanism',
        aka: [],
        tags: [],
        categories: [],
        related: [],
        mentions: [],
        published: '2026-01-05T10:00:00+00:00',
        updated: null,
        modified: '2026-01-05T10:00:00+00:00',
      },
      expect.objectContaining({
        slug: 'gamma',
        aka: ['Γ'],
        tags: ['greeks'],
        related: ['https://example.org/area/delta/'],
        mentions: [],
        published: '2026-01-01T00:00:00+01:00',
        updated: '2026-02-01T00:00:00+01:00',
        modified: '2026-02-01T00:00:00+01:00',
      }),
    ]);
  });
});
