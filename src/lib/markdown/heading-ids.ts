import GithubSlugger from 'github-slugger';
import { markdownToMdast, type MdastNode } from 'satteri';
import { LAYOUT_IDS } from './layout-ids.ts';
import { stripHtmlComments } from './html-comments.ts';

/**
 * The id the page gives the next heading of a body, from its text: Astro's slugger (github-slugger,
 * which counts repeats: `usage`, `usage-1`), moved off ids the layout uses (`## Main` becomes
 * `main-section`). bodyHeadings gives ids with it, and link checks predict them with it, so a
 * `#fragment` is checked against exactly the ids the page will have.
 */
export function nextHeadingId(slugger: GithubSlugger, text: string): string {
  const slug = slugger.slug(text);
  // Through the slugger, so a later heading that slugs the same ("Main section") is told apart.
  return LAYOUT_IDS.has(slug) ? slugger.slug(`${slug}-section`) : slug;
}

/** The ids the headings of a Markdown body get on its page, in document order. */
export function bodyHeadingIds(body: string): string[] {
  if (!/^ {0,3}#|^ {0,3}[=-]+[ \t]*$/m.test(body)) return [];
  const slugger = new GithubSlugger();
  const ids: string[] = [];
  const stack: MdastNode[] = [markdownToMdast(body)];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'heading') {
      ids.push(nextHeadingId(slugger, textOf(node)));
      continue;
    }
    if ('children' in node)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as MdastNode);
  }
  return ids;
}

/**
 * A heading's text as the rendered heading's textContent reads it: images add nothing (their
 * alt is an attribute), raw HTML shows as text without its comments (escape-raw-html.ts).
 */
function textOf(node: MdastNode): string {
  if (node.type === 'image' || node.type === 'imageReference') return '';
  if (node.type === 'html' && 'value' in node) return stripHtmlComments(node.value);
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child as MdastNode)).join('') : '';
}
