import type { Element } from 'hast';

/** An element as far as the tracker's users care. */
export type TrackedElement = Pick<Element, 'tagName' | 'properties'>;

/** Follows a document read in order (elements before their contents) and says what holds each text. */
export interface AncestorTracker {
  /**
   * The next element in document order, with the length of its text (all the text nodes inside
   * it, as `textContent` counts them).
   */
  element(element: TrackedElement, textLength: number): void;
  /** The next text node, by its length: the elements around it, nearest first. */
  text(length: number): readonly TrackedElement[];
}

interface Frame {
  chain: readonly TrackedElement[];
  /** Where the element's text ends, counted in the document's text read so far. */
  end: number;
}

/**
 * Works out the ancestors of each text node of a document visited in order, from the elements
 * met before it and the length of their text, without asking the tree for any node's parent: an
 * element holds the text nodes that follow it until its text is used up. Only the elements given
 * are tracked, so a caller interested in a few tags passes only those. An empty text node right
 * after an element's last text is counted outside it (either is possible, and the lengths cannot
 * tell): it holds no text, and Markdown does not make empty text nodes.
 */
export function createAncestorTracker(): AncestorTracker {
  const open: Frame[] = [];
  let read = 0;
  const close = () => {
    while (open.length > 0 && (open.at(-1) as Frame).end <= read) open.pop();
  };
  return {
    element(element, textLength) {
      // An element without text holds no text node, so nothing is lost by closing it at once.
      close();
      if (textLength === 0) return;
      open.push({ chain: [element, ...(open.at(-1)?.chain ?? [])], end: read + textLength });
    },
    text(length) {
      close();
      const frame = open.at(-1);
      if (frame && read + length > frame.end)
        throw new Error(
          `a text node of ${length} characters runs past the end of its <${frame.chain[0]?.tagName}>: the elements were not given in document order, or with the wrong text length`,
        );
      read += length;
      return frame?.chain ?? [];
    },
  };
}
