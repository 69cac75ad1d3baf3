import { createHash } from 'node:crypto';
import { join } from 'node:path';
import runtime from 'virtual:glossa/config';
import { openKeptTexts, type KeptTexts } from '../lib/outputs/kept-texts.ts';

/**
 * The texts a build keeps for the next one under Astro's cache folder (kept-texts.ts), one file
 * per output. They are valid for the same code and the same site configuration only: the keys
 * the outputs give cover what they show of the glossary, and neither covers those.
 */
export function keptTexts(output: string): KeptTexts {
  return openKeptTexts(join(runtime.cacheDir, 'glossa-kept', `${output}.v8`), version);
}

const version = createHash('sha256')
  .update(`${runtime.codeDigest}\n${runtime.root}\n${JSON.stringify(runtime.site)}`)
  .digest('hex');
