import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CARD_SIZES,
  CARD_THEME,
  buildCardLayout,
  type CardNode,
} from '../../../src/lib/social-cards/card-layout.ts';

/** Every text of a layout, in drawing order. */
const textsOf = (node: CardNode): string[] =>
  typeof node.props.children === 'string'
    ? [node.props.children]
    : (node.props.children ?? []).flatMap(textsOf);

describe('buildCardLayout', () => {
  it('draws the title, "Keyword ⎊ summary" and the site name, at the card size', () => {
    const layout = buildCardLayout(
      { title: 'Gamma', keyword: 'Meaning', line: 'Gamma is the rate delta changes.', siteName: 'Test' },
      CARD_SIZES.og,
    );
    expect(textsOf(layout)).toEqual(['Gamma', 'Meaning ⎊ Gamma is the rate delta changes.', 'Test']);
    expect([layout.props.style['width'], layout.props.style['height']]).toEqual([1200, 630]);
  });

  it('leaves the mark out when there is no keyword, and cuts a long line at a word', () => {
    const line = `${'A very long description '.repeat(12)}end.`;
    const [, drawn] = textsOf(
      buildCardLayout({ title: 'Site', line, siteName: 'example.org' }, CARD_SIZES['1x1']),
    );
    expect(drawn).toBe(`${'A very long description '.repeat(8)}A very…`);
    expect(drawn?.length).toBeLessThanOrEqual(200);
  });
});

describe('CARD_THEME', () => {
  it('is the light theme of global.css, so a card wears the colours of the page it links to', () => {
    const css = readFileSync(join(import.meta.dirname, '../../../src/styles/global.css'), 'utf8');
    const light = css.slice(0, css.indexOf('@media (prefers-color-scheme: dark)'));
    const value = (name: string) => new RegExp(`--glossa-${name}: (#[0-9a-f]{6});`).exec(light)?.[1];
    expect(CARD_THEME).toEqual({
      background: value('bg'),
      foreground: value('fg'),
      muted: value('muted'),
      accent: value('accent'),
    });
  });
});
