/**
 * Inflected forms under which a name can appear in running text. A locale supplies the base
 * forms a written word may stand for ("gammas" → "gamma"); the matcher tries them only on the
 * last word of a name, where English (and most languages that inflect nouns) puts the ending.
 * To support another language, add its rules here and map its locale in `wordFormsFor`.
 */
export interface WordForms {
  /**
   * Candidate base forms of one lower-cased word, most likely first, never the word itself. Case
   * is preserved, so an all-capitals name ("IVs" → "IV") can still be checked letter for letter.
   */
  baseForms(word: string): string[];
}

const NONE: string[] = [];

/** English plurals and possessives: "gamma's", "gammas", "volatilities", "indexes". */
export const englishWordForms: WordForms = {
  baseForms(word) {
    // Every English plural and possessive ends in "s": most words leave here, which matters
    // because the matcher asks about every word of every body.
    const last = word.charCodeAt(word.length - 1);
    if (last !== 115 && last !== 83) return NONE;
    const forms: string[] = [];
    // Possessive: the apostrophe is part of the token ("gamma's", "gamma’s").
    const possessive = /^(.+)['’]s$/iu.exec(word);
    if (possessive?.[1]) return [possessive[1]];
    if (word.length < 3) return forms;
    if (/[^aeiou]ies$/iu.test(word)) forms.push(`${word.slice(0, -3)}${word.endsWith('IES') ? 'Y' : 'y'}`);
    if (/(?:s|x|z|ch|sh)es$/iu.test(word)) forms.push(word.slice(0, -2));
    if (/[^s]s$/iu.test(word)) forms.push(word.slice(0, -1));
    return forms;
  },
};

/** No inflection: names are matched only as written (apart from case). */
export const exactWordForms: WordForms = { baseForms: () => NONE };

/** The word-form rules of a BCP 47 locale (`en`, `en-GB`); languages without rules match exactly. */
export function wordFormsFor(locale: string): WordForms {
  return locale.toLowerCase().split('-')[0] === 'en' ? englishWordForms : exactWordForms;
}
