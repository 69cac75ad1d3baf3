import { describe, expect, it } from 'vitest';
import { previewParts, restorePreviewParts } from '../../src/loader/preview-entries.ts';

const rendered = (html: string) => ({ html, metadata: {} });
const mention = { slug: 'delta', via: 'name' as const, context: { before: '', text: 'delta', after: '' } };

describe('preview entries', () => {
  it('puts back the data, body and HTML the live preview kept in memory', () => {
    previewParts('/sites/kept').set('gamma', {
      data: { bodyMentions: [mention] },
      body: 'Gamma moves with delta.',
      rendered: rendered('<p>Gamma moves with delta.</p>'),
    });
    expect(restorePreviewParts('/sites/kept', [{ id: 'gamma', data: {} as { bodyMentions: [] } }])).toEqual([
      {
        id: 'gamma',
        data: { bodyMentions: [mention] },
        body: 'Gamma moves with delta.',
        rendered: rendered('<p>Gamma moves with delta.</p>'),
      },
    ]);
  });

  it("leaves a build's entries as they are, and drops a preview's entry whose parts are gone", () => {
    const built = { id: 'vega', data: { bodyMentions: [] }, body: 'Vega.' };
    const stub = { id: 'theta', data: {} as { bodyMentions: [] } };
    expect(restorePreviewParts('/sites/built', [built, stub])).toEqual([built]);
    previewParts('/sites/restarted').set('gamma', {
      data: { bodyMentions: [] },
      body: 'Gamma.',
      rendered: rendered('<p>Gamma.</p>'),
    });
    expect(restorePreviewParts('/sites/restarted', [built, stub]).map((entry) => entry.id)).toEqual(['vega']);
  });
});
