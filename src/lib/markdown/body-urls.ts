import { markdownToMdast, type MdastNode } from 'satteri';

/** A destination written in an entry body: a link, an image, or a reference definition. */
export interface BodyUrl {
  kind: 'link' | 'image' | 'definition';
  /** The destination with character references decoded, as the page will carry it. */
  url: string;
  /** Whether an image uses this destination (for definitions: an image reference names it). */
  image: boolean;
  /** Line within the body (1-based). */
  line: number;
  column: number;
}

// A destination the editor chose needs a `(…)`, a `<…>` autolink or a `]:` definition (bare
// `www.` and `https://` autolinks can only be web links); a body with none of them is not parsed
// at all, which keeps `check:content` fast on plain prose.
const MAY_HAVE_URL = /[(<]|\]:/;

/**
 * Every destination in a Markdown body, in document order, each once: links, images and
 * reference definitions (checked where they are defined, so an editor is sent to the line to
 * fix). Definitions used by an image reference are marked `image`.
 */
export function collectBodyUrls(body: string): BodyUrl[] {
  if (!MAY_HAVE_URL.test(body)) return [];
  const found: BodyUrl[] = [];
  const definitions: { node: MdastNode & { identifier: string; url: string } }[] = [];
  const imageReferences = new Set<string>();
  const visit = (node: MdastNode) => {
    if ((node.type === 'link' || node.type === 'image') && 'url' in node) {
      found.push(at(node, node.type, node.url, node.type === 'image'));
    } else if (node.type === 'imageReference' && 'identifier' in node) {
      imageReferences.add(node.identifier);
    } else if (node.type === 'definition' && 'identifier' in node && 'url' in node) {
      definitions.push({ node });
    }
    if ('children' in node) for (const child of node.children) visit(child as MdastNode);
  };
  visit(markdownToMdast(body));
  for (const { node } of definitions) {
    found.push(at(node, 'definition', node.url, imageReferences.has(node.identifier)));
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

function at(node: MdastNode, kind: BodyUrl['kind'], url: string, image: boolean): BodyUrl {
  return { kind, url, image, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
