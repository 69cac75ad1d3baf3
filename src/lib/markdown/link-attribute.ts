/** The body elements that carry a destination: links and images. */
export const LINK_ELEMENTS = ['a', 'img'];

/** The attribute holding an element's destination: `href` on a link, `src` on an image. */
export function linkAttribute(tagName: string): 'href' | 'src' {
  return tagName === 'a' ? 'href' : 'src';
}
