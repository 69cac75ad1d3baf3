import { describe, expect, it } from 'vitest';
import { buildMarkdownCopies, buildMarkdownCopy } from '../../../src/lib/outputs/markdown-copy.ts';
import { fields, sampleGlossary, sampleSite } from '../../support/sample-glossary.ts';

const site = sampleSite();
const glossary = sampleGlossary(site, [
  {
    path: 'content/definition/gamma.md',
    fields: fields('Gamma <b>[1]</b>', '2026-01-01', 'related: [delta]'),
    body: [
      'See [delta](/area/delta/), [a sibling](../../area/delta/), [below](#related) and [the web](https://example.com/x).',
      '',
      '![A curve](/images/curve.svg)',
      '',
      '<script>alert(1)</script>',
      '',
      'Inline <em>html</em> and a [reference][ref].',
      '',
      '[ref]: /definition/',
    ].join('\n'),
  },
  { path: 'content/area/delta.md', fields: fields('Delta', '2026-01-01') },
]);
const gamma = glossary.bySlug.get('gamma');

describe('buildMarkdownCopy', () => {
  it('writes the title, summary, body with absolute links, inert HTML, and related links', () => {
    if (!gamma) throw new Error('no gamma');
    expect(buildMarkdownCopy(site, glossary, gamma)).toMatchInlineSnapshot(`
      "# Gamma \\<b>\\[1]\\</b>

      Gamma \\<b>\\[1]\\</b> is an entry used only in these unit tests of outputs.

      See [delta](https://example.org/area/delta/), [a sibling](https://example.org/area/delta/), [below](https://example.org/definition/gamma/#related) and [the web](https://example.com/x).

      ![A curve](https://example.org/images/curve.svg)

      \\<script>alert(1)\\</script>

      Inline \\<em>html\\</em> and a [reference][ref].

      [ref]: https://example.org/definition/

      ## Related

      - [Delta](https://example.org/area/delta/)
      "
    `);
  });

  it('builds the same copies in one batch as one by one, keyed by their site paths', () => {
    const batch = buildMarkdownCopies(site, glossary);
    expect(Object.keys(batch)).toEqual(['/area/delta.md', '/definition/gamma.md']);
    for (const term of glossary.terms) {
      expect(batch[`/${term.section}/${term.slug}.md`]).toBe(buildMarkdownCopy(site, glossary, term));
    }
  });

  it('writes Related lines in one batch exactly as one by one, whatever a title holds', () => {
    const titles = [
      '1. Numbered',
      '- Dashed *star* _under_',
      '# Hashed [x](y) `tick`',
      'Back\\slash &amp; <i>',
    ];
    const tricky = sampleGlossary(site, [
      {
        path: 'content/definition/hub.md',
        fields: fields('Hub', '2026-01-01', `related: [${titles.map((_, i) => `t${i}`).join(', ')}]`),
      },
      ...titles.map((title, i) => ({
        path: `content/definition/t${i}.md`,
        fields: fields(title, '2026-01-01', 'related: [hub]'),
      })),
    ]);
    const batch = buildMarkdownCopies(site, tricky);
    const hub = tricky.bySlug.get('hub');
    if (!hub) throw new Error('no hub');
    expect(batch['/definition/hub.md']).toBe(buildMarkdownCopy(site, tricky, hub));
    expect(batch['/definition/hub.md']).toContain('- [1. Numbered](https://example.org/definition/t0/)');
  });

  it('reuses the copies an earlier build kept, and makes and hands over only the others', () => {
    const made: string[] = [];
    const copies = buildMarkdownCopies(site, glossary, {
      get: (term) => (term.slug === 'delta' ? 'kept copy of delta\n' : undefined),
      set: (term, copy) => made.push(`${term.slug}: ${copy.split('\n')[0]}`),
    });
    expect(copies).toEqual({
      '/area/delta.md': 'kept copy of delta\n',
      '/definition/gamma.md': buildMarkdownCopies(site, glossary)['/definition/gamma.md'],
    });
    expect(made).toEqual(['gamma: # Gamma \\<b>\\[1]\\</b>']);
  });
});
