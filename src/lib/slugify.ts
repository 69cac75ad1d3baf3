import transliterate from '@sindresorhus/transliterate';
import GithubSlugger from 'github-slugger';

/**
 * Symbols that carry the meaning of a name and that slugging would otherwise drop: without them
 * "C#" and "C++" both became "c" and shared one tag page. Only these two: spelling out `&` too
 * would move every existing "Q&A" tag page for a collision nobody has reported.
 */
const SYMBOL_WORDS: readonly [RegExp, string][] = [
  [/#/g, ' sharp '],
  [/\+/g, ' plus '],
];

/** Spells out the symbols of SYMBOL_WORDS as words ("C++" → "C plus plus "). */
export function spellSymbols(text: string): string {
  return SYMBOL_WORDS.reduce((out, [symbol, word]) => out.replace(symbol, word), text);
}

/**
 * Lowercase kebab-case ASCII for any text, as file names and section folders must be:
 * transliterated rather than dropped ("négatif-γάμμα" → "negatif-gamma"), underscores and other
 * punctuation turned into single hyphens. Empty when nothing is left (a name of symbols only, or
 * of a script without a Latin transliteration).
 */
export function slugify(text: string): string {
  return new GithubSlugger()
    .slug(transliterate(text))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
