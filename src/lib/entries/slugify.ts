import GithubSlugger from 'github-slugger';
import { transliterate } from 'transliteration';

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

const GREEK_LETTER_NAMES = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'zeta',
  'eta',
  'theta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'omicron',
  'pi',
  'rho',
  'sigma',
  'tau',
  'upsilon',
  'phi',
  'chi',
  'psi',
  'omega',
];
/** Lowercase Greek letter → its name; final sigma (ς) sits between ρ and σ in Unicode. */
function greekLetterName(letter: string): string | undefined {
  const code = letter.toLowerCase().codePointAt(0) ?? 0;
  if (code === 0x3c2) return 'sigma';
  const index = code - 0x3b1 - (code > 0x3c2 ? 1 : 0);
  return GREEK_LETTER_NAMES[index];
}

/**
 * A Greek letter standing alone is a symbol, read by its name ("Ζ-function" is the zeta
 * function, "β-reduction" beta reduction); transliterated it became one Latin letter ("z") and
 * the meaning was lost. Greek words ("Ελληνικά") are left to the transliteration.
 */
function nameLoneGreekLetters(text: string): string {
  return text.replace(
    /(?<!\p{Script=Greek})[\u0391-\u03a9\u03b1-\u03c9](?!\p{Script=Greek})/gu,
    (letter) => ` ${greekLetterName(letter) ?? letter} `,
  );
}

/**
 * Lowercase kebab-case ASCII for any text, as file names and section folders must be. Other
 * scripts are transliterated rather than dropped ("Привет мир" → "privet-mir", "日本語" →
 * "ri-ben-yu", "négatif γάμμα" → "negatif-gamma"), a lone Greek letter is spelled by its name
 * ("Ζ-function" → "zeta-function"), `#` and `+` are spelled out ("C++" → "c-plus-plus", "F#" →
 * "f-sharp"), underscores and other punctuation turned into single hyphens. Empty when nothing is
 * left (a name of symbols only).
 */
export function slugify(text: string): string {
  // `transliteration` rather than @sindresorhus/transliterate: it also covers Han, kana and Hangul
  // (the other left "日本語" as it was, so the slug came out empty). Han characters get their
  // Mandarin readings, separated by spaces so each syllable stays a readable word.
  const latin = transliterate(spellSymbols(nameLoneGreekLetters(text.normalize('NFC'))));
  return new GithubSlugger()
    .slug(latin)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
