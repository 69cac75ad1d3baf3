import { describe, expect, it } from 'vitest';
import { buildLlmsTxt } from '../../../src/lib/outputs/llms-txt.ts';
import { fields, sampleGlossary, sampleSite } from '../../support/sample-glossary.ts';

const site = sampleSite();
const glossary = sampleGlossary(site, [
  { path: 'content/definition/gamma.md', fields: fields('Gamma [Γ]', '2026-01-01') },
  { path: 'content/definition/delta.md', fields: fields('Delta', '2026-01-01') },
  { path: 'content/area/hedging.md', fields: fields('Hedging', '2026-01-01') },
  { path: 'content/area/draft.md', fields: fields('Draft', '2026-01-01', 'draft: true') },
]);

describe('buildLlmsTxt', () => {
  it('lists each section’s published entries as Markdown-copy links with their summaries', () => {
    expect(buildLlmsTxt(site, glossary)).toMatchInlineSnapshot(`
      "# Test Glossary

      > A glossary for tests.

      ## Definition

      - [Delta](https://example.org/definition/delta.md): Delta is an entry used only in these unit tests of outputs.
      - [Gamma \\[Γ\\]](https://example.org/definition/gamma.md): Gamma \\[Γ] is an entry used only in these unit tests of outputs.

      ## Area

      - [Hedging](https://example.org/area/hedging.md): Hedging is an entry used only in these unit tests of outputs.
      "
    `);
  });
});
