import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedCard, cardCacheKey, type CardInputs } from '../../../src/lib/social-cards/card-cache.ts';
import { CARD_SIZES, CARD_THEME } from '../../../src/lib/social-cards/card-layout.ts';

const inputs: CardInputs = {
  text: { title: 'Gamma', keyword: 'Meaning', line: 'Gamma is the rate delta changes.', siteName: 'Test' },
  size: CARD_SIZES.og,
  theme: CARD_THEME,
  renderer: 'layout@1 satori@1.0.0',
};

describe('cardCacheKey', () => {
  it('is the same for the same inputs, however the objects were built', () => {
    const reordered: CardInputs = {
      renderer: inputs.renderer,
      theme: {
        accent: CARD_THEME.accent,
        muted: CARD_THEME.muted,
        foreground: CARD_THEME.foreground,
        background: CARD_THEME.background,
      },
      size: { height: 630, width: 1200 },
      text: { siteName: 'Test', line: inputs.text.line, keyword: 'Meaning', title: 'Gamma' },
    };
    expect(cardCacheKey(reordered)).toBe(cardCacheKey(inputs));
    expect(cardCacheKey(inputs)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('changes with each input: text, size, colours and renderer', () => {
    const variants: CardInputs[] = [
      { ...inputs, text: { ...inputs.text, title: 'Delta' } },
      { ...inputs, text: { ...inputs.text, keyword: undefined } },
      { ...inputs, text: { ...inputs.text, line: 'Other.' } },
      { ...inputs, text: { ...inputs.text, siteName: 'Other' } },
      { ...inputs, size: CARD_SIZES['1x1'] },
      { ...inputs, theme: { ...CARD_THEME, accent: '#000000' } },
      { ...inputs, renderer: 'layout@2 satori@1.0.0' },
    ];
    const keys = new Set([inputs, ...variants].map(cardCacheKey));
    expect(keys.size).toBe(variants.length + 1);
  });
});

describe('cachedCard', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws a card once and serves the saved file afterwards, leaving no partial files', async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'glossa-card-cache-')), 'cards');
    let draws = 0;
    const draw = () => {
      draws += 1;
      return Promise.resolve(new Uint8Array([1, 2, 3]));
    };
    const first = await cachedCard(dir, 'abc', draw);
    const second = await cachedCard(dir, 'abc', draw);
    expect([first.drawn, second.drawn, draws]).toEqual([true, false, 1]);
    expect([...second.png]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['abc.png']);
  });
});
