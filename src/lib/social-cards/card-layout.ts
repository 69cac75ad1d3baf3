import { cutAtWord } from '../checks/sentences.ts';

/** A raster size a card is drawn at, named by what asks for it. */
export interface CardSize {
  width: number;
  height: number;
}

/**
 * The sizes every card is drawn at: `og` is the 1.91:1 image Facebook, LinkedIn and X show for a
 * link; the other three are the aspect ratios Google's Article guidance asks the JSON-LD image to
 * offer (16:9, 4:3, 1:1), each well over its 50,000-pixel minimum.
 */
export const CARD_SIZES = {
  og: { width: 1200, height: 630 },
  '16x9': { width: 1200, height: 675 },
  '4x3': { width: 1200, height: 900 },
  '1x1': { width: 1200, height: 1200 },
} as const satisfies Record<string, CardSize>;

/** The name of one of the card sizes. */
export type CardSizeName = keyof typeof CARD_SIZES;

/** The sizes offered in the Article's JSON-LD, widest first. */
export const ARTICLE_IMAGE_SIZES: readonly CardSizeName[] = ['16x9', '4x3', '1x1'];

/** What a card says: the big title, the line under it and the site it comes from. */
export interface CardText {
  title: string;
  /** Shown before the line with the site's "⎊" mark, as on the page ("Meaning ⎊ …"). */
  keyword?: string | undefined;
  /** The summary or description. */
  line: string;
  /** The site's name, in the corner of the card. */
  siteName: string;
}

/** The colours a card is drawn in. */
export interface CardTheme {
  background: string;
  foreground: string;
  muted: string;
  accent: string;
}

/**
 * The light theme of src/styles/global.css (`--glossa-bg`, `-fg`, `-muted`, `-accent`): a card is
 * seen beside the page it links to, so it wears the same colours. A unit test holds the two
 * together.
 */
export const CARD_THEME: CardTheme = {
  background: '#fdfdfc',
  foreground: '#1c1d21',
  muted: '#5b5f6a',
  accent: '#0b5cad',
};

/** The element tree satori lays out: its React-like node shape, without React. */
export interface CardNode {
  type: 'div';
  props: { style: Record<string, string | number>; children?: string | CardNode[] };
}

/** Longest line drawn: a summary of up to 200 characters fits in four lines at the og size. */
const LINE_MAX = 200;
/** Longest title drawn, the schema's own limit for titles. */
const TITLE_MAX = 120;

const node = (
  type: CardNode['type'],
  style: CardNode['props']['style'],
  children?: CardNode['props']['children'],
) => ({ type, props: children === undefined ? { style } : { style, children } }) satisfies CardNode;

/**
 * The layout of a card: an accent band, the title, "Keyword ⎊ line" and the site name, in a
 * flex column that satori measures with the card's fonts. Long titles shrink a step so the line
 * keeps room; taller sizes get larger type. Text is cut at a word before it can overflow.
 */
export function buildCardLayout(text: CardText, size: CardSize, theme: CardTheme = CARD_THEME): CardNode {
  const title = cutAtWord(text.title, TITLE_MAX);
  const line = cutAtWord(text.line, LINE_MAX);
  // 630 px is the smallest height; the square card has almost twice the room.
  const scale = Math.min(size.height / 630, 1.5);
  const titleSize = Math.round((title.length > 48 ? 56 : 72) * scale);
  const lineSize = Math.round(34 * scale);
  // One string, not spans: satori lays out each span as a flex item, so a long summary after a
  // keyword span would start on a line of its own instead of following it.
  const lineText = text.keyword ? `${text.keyword} ⎊ ${line}` : line;
  return node(
    'div',
    {
      width: size.width,
      height: size.height,
      display: 'flex',
      flexDirection: 'column',
      backgroundColor: theme.background,
      color: theme.foreground,
      fontFamily: 'Inter, Noto Sans Symbols',
    },
    [
      node('div', { width: size.width, height: 18, backgroundColor: theme.accent }),
      node(
        'div',
        {
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          flexGrow: 1,
          padding: '64px 80px',
        },
        [
          node('div', { display: 'flex', flexDirection: 'column' }, [
            node('div', { fontSize: titleSize, fontWeight: 700, lineHeight: 1.1, marginBottom: 36 }, title),
            node('div', { fontSize: lineSize, lineHeight: 1.4, color: theme.muted }, lineText),
          ]),
          node(
            'div',
            { fontSize: Math.round(30 * scale), fontWeight: 700, color: theme.accent },
            text.siteName,
          ),
        ],
      ),
    ],
  );
}
