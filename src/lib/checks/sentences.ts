/**
 * Sentences and words of editors' text, in any script. Both come from `Intl.Segmenter`, which
 * knows that Japanese has no spaces and that a Cyrillic word is a word; a regular expression over
 * `[a-z]` knew neither (every Cyrillic summary "only repeated the title").
 */

const sentenceSegmenters = new Map<string, Intl.Segmenter>();
const wordSegmenters = new Map<string, Intl.Segmenter>();

function segmenter(cache: Map<string, Intl.Segmenter>, locale: string, granularity: 'sentence' | 'word') {
  let found = cache.get(locale);
  if (!found) {
    found = new Intl.Segmenter(locale, { granularity });
    cache.set(locale, found);
  }
  return found;
}

/**
 * Endings after which Unicode's sentence rules break but a reader does not: dotted initials
 * ("U.S.", "e.g.", "i.e."), a single capital initial ("John F. Kennedy") and common abbreviations
 * ("vs.", "Dr."). Node's ICU has no sentence-break suppressions (`-u-ss-standard` is ignored), so
 * a segment ending in one of these is joined to the next.
 */
const ABBREVIATION_END =
  /(?:(?:^|[\s("'])(?:\p{L}\.){2,}|(?:^|[\s("'])\p{Lu}\.|\b(?:vs|cf|approx|ca|Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|No|Fig|Vol|resp)\.)\s*$/u;

/**
 * The sentences of `text` as a reader counts them, each trimmed: "The U.S. Federal Reserve sets
 * rates." is one sentence, "Short for 'Good morning.' A universal greeting." two.
 */
export function splitSentences(text: string, locale = 'en'): string[] {
  // Most summaries have no sentence-ending mark before their end: no need to segment them.
  if (!/[.!?\u3002\uff01\uff1f\u0964\u061f][\s\S]*\S/u.test(text)) return text.trim() ? [text.trim()] : [];
  const out: string[] = [];
  let pending = '';
  for (const { segment } of segmenter(sentenceSegmenters, locale, 'sentence').segment(text)) {
    pending += segment;
    if (ABBREVIATION_END.test(pending)) continue;
    if (pending.trim()) out.push(pending.trim());
    pending = '';
  }
  if (pending.trim()) out.push(pending.trim());
  return out;
}

/** The words of `text` (letters and digits, not punctuation or spaces), lower-cased for the locale. */
export function splitWords(text: string, locale = 'en'): string[] {
  // ASCII text splits the same on non-alphanumerics, several times faster than the segmenter.
  // eslint-disable-next-line no-control-regex -- "only ASCII" is the point
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase().match(/[a-z0-9]+(?:[.'_][a-z0-9]+)*/g) ?? [];
  const out: string[] = [];
  for (const part of segmenter(wordSegmenters, locale, 'word').segment(text)) {
    if (part.isWordLike) out.push(part.segment.toLocaleLowerCase(locale));
  }
  return out;
}

/**
 * `text` cut to at most `max` characters at a word boundary, with "…" when something was cut. A
 * text with no break before `max` (one very long word, or Japanese without spaces) is cut where
 * the word segmenter allows, so no word is split in half when it can be helped.
 */
export function cutAtWord(text: string, max: number, locale = 'en'): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  // Room for the ellipsis.
  const limit = max - 1;
  let end = 0;
  for (const part of segmenter(wordSegmenters, locale, 'word').segment(clean)) {
    const after = part.index + part.segment.length;
    if (after > limit) break;
    if (part.isWordLike) end = after;
  }
  const kept = (end > 0 ? clean.slice(0, end) : clean.slice(0, limit)).replace(/[\s,;:–—-]+$/u, '');
  return `${kept}…`;
}
