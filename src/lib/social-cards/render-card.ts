import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import type { CardNode, CardSize } from './card-layout.ts';

const require = createRequire(import.meta.url);

/** Version of our own card design; raise it when buildCardLayout draws differently. */
const LAYOUT_VERSION = 1;

// Inter for text (its Latin, Latin Extended, Greek and Cyrillic subsets), Noto Sans Symbols for
// the "⎊" mark, which Inter lacks. WOFF, not WOFF2: satori reads TTF, OTF and WOFF only. Shipped
// in npm packages, so a build never fetches a font.
const FONT_FILES: readonly { family: string; file: string; weight: 400 | 700 }[] = [
  ...['latin', 'latin-ext', 'greek', 'cyrillic'].flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      family: 'Inter',
      file: `@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`,
      weight,
    })),
  ),
  {
    family: 'Noto Sans Symbols',
    file: '@fontsource/noto-sans-symbols/files/noto-sans-symbols-symbols-400-normal.woff',
    weight: 400,
  },
];

let fonts: Font[] | undefined;
function loadFonts(): Font[] {
  fonts ??= FONT_FILES.map(({ family, file, weight }) => ({
    name: family,
    data: readFileSync(require.resolve(file)),
    weight,
    style: 'normal',
  }));
  return fonts;
}

function versionOf(pkg: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string })
    .version;
}

/**
 * What draws the cards, as one string for the cache key: our layout's version and the versions of
 * satori, resvg and the fonts. Upgrading any of them changes how a card looks, so it redraws them.
 */
export function rendererVersion(): string {
  return [
    `layout@${LAYOUT_VERSION}`,
    ...['satori', '@resvg/resvg-js', '@fontsource/inter', '@fontsource/noto-sans-symbols'].map(
      (pkg) => `${pkg}@${versionOf(pkg)}`,
    ),
  ].join(' ');
}

/**
 * Draws a card's layout as a PNG: satori lays the text out with the bundled fonts and turns it
 * into an SVG of paths, resvg rasterizes that. resvg is told not to read the system's fonts: the
 * SVG has no text left, and reading them cost about a third of each card's time.
 */
export async function renderCard(layout: CardNode, size: CardSize): Promise<Uint8Array<ArrayBuffer>> {
  // satori's types expect React elements; the plain { type, props } objects are what it reads.
  const svg = await satori(layout as unknown as Parameters<typeof satori>[0], {
    width: size.width,
    height: size.height,
    fonts: loadFonts(),
  });
  const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } })
    .render()
    .asPng();
  return new Uint8Array(png);
}
