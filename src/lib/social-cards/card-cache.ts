import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CardSize, CardText, CardTheme } from './card-layout.ts';

/** Everything a card's pixels depend on; two cards with equal inputs are the same image. */
export interface CardInputs {
  text: CardText;
  size: CardSize;
  theme: CardTheme;
  /** rendererVersion(): the layout's and the libraries' versions. */
  renderer: string;
}

/**
 * The content hash a card is cached under. The inputs are listed in a fixed order, so the key
 * does not depend on how an object happened to be built.
 */
export function cardCacheKey({ text, size, theme, renderer }: CardInputs): string {
  const parts = [
    renderer,
    text.title,
    text.keyword ?? '',
    text.line,
    text.siteName,
    theme.background,
    theme.foreground,
    theme.muted,
    theme.accent,
    size.width,
    size.height,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/** A card from the cache, or freshly drawn; `drawn` says which. */
export interface CachedCard {
  png: Uint8Array<ArrayBuffer>;
  drawn: boolean;
}

/**
 * The card cached under `key` in `dir`, or the one `draw` makes, saved there for the next build.
 * The file is written under a name of its own and renamed into place, so two builds drawing the
 * same card at once never leave half a PNG for a third to read.
 */
export async function cachedCard(
  dir: string,
  key: string,
  draw: () => Promise<Uint8Array<ArrayBuffer>>,
): Promise<CachedCard> {
  const file = join(dir, `${key}.png`);
  try {
    return { png: new Uint8Array(await readFile(file)), drawn: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const png = await draw();
  await mkdir(dir, { recursive: true });
  const partial = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(partial, png);
  await rename(partial, file);
  return { png, drawn: true };
}
