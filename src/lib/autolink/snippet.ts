/** A stretch of text around one mention: `before` + `text` + `after`, `text` being the mention. */
export interface Snippet {
  before: string;
  text: string;
  after: string;
}

/** How long a backlink's sentence may be, about two lines under a link. */
export const SNIPPET_LIMIT = 160;

const segmenters = new Map<string, Intl.Segmenter>();
/** White space, as the Unicode `\s` class has it. */
const SPACES = /\s+/gu;

function sentenceSegmenter(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter)
    segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' })));
  return segmenter;
}

/** A mention to find the sentence of: `[start, end)` in `text`. */
export interface MentionSpan {
  text: string;
  start: number;
  end: number;
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
  return sentencesAround([{ text, start, end }], locale, limit)[0] as Snippet;
}

/**
 * `sentenceAround` for each of several mentions, with one pass of the sentence segmenter for all:
 * each `segment()` call copies ICU's break iterator, which cost more than reading the text did
 * (about 13 µs a mention, close to a second for 10,000 bench bodies). The windows read are those
 * `sentenceAround` reads, one after another, each ended by a paragraph separator (U+2029): the
 * sentence rules always break after one and never look past one (UAX #29, SB4 and SB8), so each
 * window is segmented as it would be alone, and the separator, which joins the last sentence of
 * its window, is cut off again.
 */
export function sentencesAround(
  mentions: readonly MentionSpan[],
  locale: string,
  limit: number = SNIPPET_LIMIT,
): Snippet[] {
  // Only a window around each mention is segmented: the segmenter's cost grows with the text it
  // reads, and nothing beyond `limit` characters either side can be shown anyway.
  const windows = mentions.map(({ text, start, end }) => ({
    from: Math.max(0, start - limit),
    to: Math.min(text.length, end + limit),
  }));
  const offsets: number[] = [];
  let joined = '';
  for (const [k, { text }] of mentions.entries()) {
    const { from, to } = windows[k] as { from: number; to: number };
    offsets.push(joined.length);
    joined += `${text.slice(from, to)}\u2029`;
  }
  const segments = sentenceSegmenter(locale).segment(joined);
  return mentions.map(({ text, start, end }, k) => {
    const { from: windowStart, to: windowEnd } = windows[k] as { from: number; to: number };
    const offset = offsets[k] as number;
    const sentence = segments.containing(offset + start - windowStart);
    const at = (sentence?.index ?? offset) - offset;
    const length = Math.min(sentence?.segment.length ?? Infinity, windowEnd - windowStart - at);
    return trimmedSnippet(text, start, end, windowStart, windowStart + at, length, limit);
  });
}

/** The snippet of the sentence `[from, from + length)` holding `[start, end)`, trimmed to about `limit`. */
function trimmedSnippet(
  text: string,
  start: number,
  end: number,
  windowStart: number,
  from: number,
  length: number,
  limit: number,
): Snippet {
  const to = Math.max(end, from + length);
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

/**
 * `s` with each run of white space made one space. Most stretches of a body hold single spaces
 * only, and are returned as they are without running the expression (a third of the time of a
 * snippet went to three replacements that changed nothing).
 */
function squash(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit > 32 && unit < 128) continue;
    if (unit === 32) {
      const next = s.charCodeAt(i + 1);
      if (next === 32 || (next >= 9 && next <= 13) || next >= 128) return s.replace(SPACES, ' ');
    } else if (unit >= 128 || (unit >= 9 && unit <= 13)) return s.replace(SPACES, ' ');
  }
  return s;
}
