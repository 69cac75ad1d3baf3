import type { Root } from 'hast';
import { markdownToHast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { autolinkOptionsFor, buildAutolinkSite } from '../../../src/lib/autolink/autolink-site.ts';
import { planAutolinks } from '../../../src/lib/autolink/plan.ts';

const site = buildAutolinkSite(
  [
    { slug: 'gamma', section: 'definition', title: 'Gamma', aka: [] },
    { slug: 'option', section: 'definition', title: 'Option', aka: [] },
  ],
  { root: '/', locale: 'en', policy: 'section' },
);
const tree = markdownToHast('A long option has positive gamma. Then more.', { position: false }) as Root;

describe('planAutolinks without sentences', () => {
  it('finds the same mentions, each with its name only, for advice that never shows a sentence', () => {
    const full = planAutolinks(tree, autolinkOptionsFor(site, 'vega', true)).mentions;
    const bare = planAutolinks(tree, {
      ...autolinkOptionsFor(site, 'vega', true),
      sentences: false,
    }).mentions;
    expect(full.map((m) => m.context)).toEqual([
      { before: 'A long ', text: 'option', after: ' has positive gamma.' },
      { before: 'A long option has positive ', text: 'gamma', after: '.' },
    ]);
    expect(bare).toEqual([
      { slug: 'option', via: 'name', context: { before: '', text: 'option', after: '' } },
      { slug: 'gamma', via: 'name', context: { before: '', text: 'gamma', after: '' } },
    ]);
  });
});
