import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import type { RasterImage } from './plan.ts';

/** The formats Facebook, LinkedIn and X show as a link's picture, by what image-size calls them. */
const SHOWN_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
};

/**
 * The size and media type of an entry's picture when social sites can show it: a PNG, JPEG or
 * WebP file under `public/` (`src: /images/curve.png`). Undefined for an SVG (which they do not
 * show), a picture hosted elsewhere (its size cannot be known at build time without fetching it)
 * or a file that is not the image its name says. The format is read from the file's bytes, not
 * its name.
 */
export function readRasterImage(publicDir: string, src: string): RasterImage | undefined {
  if (!src.startsWith('/') || src.startsWith('//') || !/\.(png|jpe?g|webp)$/i.test(src)) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(publicDir, decodeURIComponent(src)));
  } catch {
    return undefined;
  }
  try {
    const { width, height, type } = imageSize(bytes);
    const media = type === undefined ? undefined : SHOWN_TYPES[type];
    return media && width && height ? { width, height, type: media } : undefined;
  } catch {
    return undefined;
  }
}
