/** A stretch of text around one mention: `before` + `text` + `after`, `text` being the mention. */
export interface Snippet {
  before: string;
  text: string;
  after: string;
}

/** How long a backlink's sentence may be, about two lines under a link. */
export const SNIPPET_LIMIT = 160;

const segmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter)
    segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' })));
  return segmenter;
}

/**
 * The sentence of `text` holding `[start, end)`, found with the locale's sentence rules, with
 * white space collapsed and trimmed to about `limit` characters around the mention. Cuts fall
 * between words and are marked with "…".
 */
export function sentenceAround(
  text: string,
  start: number,
  end: number,
  locale: string,
  limit: number = SNIPPET_LIMIT,
): Snippet {
  // Only a window around the mention is segmented: the segmenter's cost grows with the text it
  // reads, and nothing beyond `limit` characters either side can be shown anyway.
  const windowStart = Math.max(0, start - limit);
  const windowEnd = Math.min(text.length, end + limit);
  const sentence = sentenceSegmenter(locale)
    .segment(text.slice(windowStart, windowEnd))
    .containing(start - windowStart);
  const from = windowStart + (sentence?.index ?? 0);
  const to = Math.max(end, from + (sentence?.segment.length ?? windowEnd - windowStart));
  const squash = (s: string) => s.replace(/\s+/gu, ' ');
  let before = squash(text.slice(from, start)).trimStart();
  const mention = squash(text.slice(start, end));
  let after = squash(text.slice(end, to)).trimEnd();
  const room = Math.max(0, limit - mention.length);
  // Keep up to a third of the room before the mention, so the reader sees what leads to it, and
  // give whatever is left over on one side to the other.
  const beforeRoom = Math.min(before.length, Math.max(Math.floor(room / 3), room - after.length));
  const afterRoom = room - beforeRoom;
  // A sentence that starts before the window was cut by it, even when what is left fits.
  if (before.length > beforeRoom || (from === windowStart && windowStart > 0))
    before = `…${cutStart(before, Math.min(before.length, beforeRoom) - 1)}`;
  if (after.length > afterRoom) after = `${cutEnd(after, afterRoom - 1)}…`;
  return { before, text: mention, after };
}

/** The end of `s` in at most `max` characters, starting at a word. */
function cutStart(s: string, max: number): string {
  const tail = s.slice(s.length - Math.max(0, max));
  const space = tail.indexOf(' ');
  return space === -1 ? tail : tail.slice(space + 1);
}

/** The start of `s` in at most `max` characters, ending at a word. */
function cutEnd(s: string, max: number): string {
  const head = s.slice(0, Math.max(0, max));
  const space = head.lastIndexOf(' ');
  return (space === -1 ? head : head.slice(0, space)).trimEnd();
}
