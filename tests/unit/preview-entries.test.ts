import { describe, expect, it } from 'vitest';
import { previewParts, restorePreviewParts } from '../../src/loader/preview-entries.ts';

const rendered = (html: string) => ({ html, metadata: {} });
const mention = { slug: 'delta', via: 'name' as const, context: { before: '', text: 'delta', after: '' } };
const stub = (id: string) => ({
  id,
  collection: 'glossa',
  filePath: `content/definition/${id}.md`,
  digest: `content/definition/${id}.md`,
  data: {} as { bodyMentions: [] },
});

describe('preview entries', () => {
  it('puts back the data, body and HTML the live preview kept in memory', () => {
    previewParts('/sites/kept').set('gamma', {
      data: { bodyMentions: [mention] },
      body: 'Gamma moves with delta.',
      rendered: rendered('<p>Gamma moves with delta.</p>'),
      filePath: 'content/definition/gamma.md',
      digest: 'd1',
    });
    expect(restorePreviewParts('/sites/kept', 'glossa', [stub('gamma')])).toEqual([
      {
        id: 'gamma',
        collection: 'glossa',
        data: { bodyMentions: [mention] },
        body: 'Gamma moves with delta.',
        rendered: rendered('<p>Gamma moves with delta.</p>'),
        filePath: 'content/definition/gamma.md',
        digest: 'd1',
      },
    ]);
  });

  it('lists the entries in memory, in the order of ids, before the store is written with an added or deleted one', () => {
    const parts = previewParts('/sites/added');
    for (const id of ['vega', 'alpha'])
      parts.set(id, {
        data: { bodyMentions: [] },
        body: `${id}.`,
        rendered: rendered(`<p>${id}.</p>`),
        filePath: `content/term/${id}.md`,
        digest: `digest of ${id}`,
      });
    // The store still has 'theta', deleted since, and not yet 'alpha', just added.
    expect(restorePreviewParts('/sites/added', 'glossa', [stub('theta'), stub('vega')])).toEqual([
      {
        id: 'alpha',
        collection: 'glossa',
        data: { bodyMentions: [] },
        body: 'alpha.',
        rendered: rendered('<p>alpha.</p>'),
        filePath: 'content/term/alpha.md',
        digest: 'digest of alpha',
      },
      {
        id: 'vega',
        collection: 'glossa',
        data: { bodyMentions: [] },
        body: 'vega.',
        rendered: rendered('<p>vega.</p>'),
        filePath: 'content/term/vega.md',
        digest: 'digest of vega',
      },
    ]);
  });

  it("leaves a build's entries as they are, and leaves out a preview's stub while nothing is in memory", () => {
    const built = { id: 'vega', collection: 'glossa', data: { bodyMentions: [] }, body: 'Vega.' };
    expect(restorePreviewParts('/sites/built', 'glossa', [built, stub('theta')])).toEqual([built]);
  });
});
