import { markdownToMdast, type MdastNode } from 'satteri';

/** An image in an entry body whose URL is a relative path, with where it is written. */
export interface RelativeImage {
  url: string;
  /** Line within the body (1-based). */
  line: number;
  column: number;
}

/**
 * Images in a Markdown body whose URL is relative (`curve.svg`, `../x.png`). Pages live at
 * `/<section>/<slug>/` and an entry's images also appear on cards and in the Markdown copy, so a
 * relative path resolves differently in each place; images belong under `public/` (`/images/x.svg`)
 * or at an https address. Reference-style images (`![alt][ref]`) are checked through their
 * definition. Bodies without `![` are not parsed at all, which keeps `check:content` fast.
 */
export function findRelativeImages(body: string): RelativeImage[] {
  if (!body.includes('![')) return [];
  const found: RelativeImage[] = [];
  const definitions = new Map<string, MdastNode>();
  const references: string[] = [];
  const visit = (node: MdastNode) => {
    if (node.type === 'image' && 'url' in node) report(node, node.url);
    else if (node.type === 'imageReference' && 'identifier' in node) references.push(node.identifier);
    else if (node.type === 'definition' && 'identifier' in node) definitions.set(node.identifier, node);
    if ('children' in node) for (const child of node.children) visit(child as MdastNode);
  };
  const report = (node: MdastNode, url: string) => {
    if (isRelative(url)) {
      found.push({ url, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
    }
  };
  visit(markdownToMdast(body));
  for (const identifier of new Set(references)) {
    const definition = definitions.get(identifier);
    if (definition && 'url' in definition) report(definition, definition.url);
  }
  return found;
}

/** True for a URL that depends on the page it appears on: no scheme and no leading `/`. */
function isRelative(url: string): boolean {
  return url !== '' && !url.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(url);
}
