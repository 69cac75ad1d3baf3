import { describe, expect, it } from 'vitest';
import { summaryFromBody } from '../../src/lib/entries/body-summary.ts';

describe('summaryFromBody', () => {
  it('takes the first sentence of the first paragraph as plain text', () => {
    expect(
      summaryFromBody(
        '## Overview\n\nThe **U.S.** Federal Reserve sets [rates](/definition/rate/)[^1]. More.\n\n[^1]: A note.',
      ),
    ).toBe('The U.S. Federal Reserve sets rates.');
  });

  it('takes everything above <!--more--> when the body has it, leaving comments out', () => {
    expect(
      summaryFromBody('First part. <!-- editor note --> Still the summary.\n\n<!--more-->\n\nThe rest.'),
    ).toBe('First part. Still the summary.');
  });

  it('cuts a long first sentence at a word boundary to at most 200 characters', () => {
    const summary = summaryFromBody(`A definition ${'that goes on and on '.repeat(15)}until it ends.`);
    expect(summary).toBe(`A definition ${'that goes on and on '.repeat(9)}that…`);
    expect(summary.length).toBeLessThanOrEqual(200);
  });

  it('is empty when the body has no paragraph', () => {
    expect(summaryFromBody('')).toBe('');
    expect(summaryFromBody('## Only a heading\n\n| a |\n| - |\n| b |')).toBe('');
  });
});
