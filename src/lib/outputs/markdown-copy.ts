import type { Paragraph, Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { markdownToMdast, type MdastNode } from 'satteri';
import { resolveEntryLink, type SectionOf } from '../markdown/entry-links.ts';
import { stripHtmlComments } from '../markdown/html-comments.ts';
import type { Glossary } from '../graph/glossary-graph.ts';
import type { SiteConfig } from '../site/site-config.ts';
import type { Term } from '../entries/term.ts';
import { absoluteUrl, termMarkdownPath, termPath } from '../site/urls.ts';

/**
 * Serializes a Markdown tree as GitHub-flavoured Markdown. Text nodes are escaped by
 * mdast-util-to-markdown, so editor text (a title with `<`, `[` or `#`) stays literal text.
 */
export function serializeMarkdown(tree: Root): string {
  return toMarkdown(tree, { extensions: [gfmToMarkdown()], bullet: '-', listItemIndent: 'one' });
}

/** A paragraph holding one link, as used for lists of entries. */
export function linkParagraph(text: string, url: string, after = ''): Paragraph {
  return {
    type: 'paragraph',
    children: [
      { type: 'link', url, children: [{ type: 'text', value: text }] },
      ...(after ? [{ type: 'text' as const, value: after }] : []),
    ],
  };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** What absolutizeBody needs besides the page's URL. */
export interface AbsolutizeOptions {
  /**
   * The site's URL with its base path (`https://example.org/docs/glossary`): site paths
   * (`/definition/gamma/`) are joined to it, so a glossary on a sub-path keeps that path. Without
   * it they resolve against the page's origin.
   */
  siteUrl?: string;
  /** Finds entries by slug, so links to entry files (`./gamma.md`) become their pages' URLs. */
  sectionOf?: SectionOf;
}

/**
 * Prepares an entry body for reading outside the site: every link and image URL is made
 * absolute against the term page (links to other entries' files point at their pages, see
 * entry-links.ts), and raw HTML is kept only as literal text (`\<b>`), as the
 * page shows it (see src/lib/markdown/escape-raw-html.ts), without its HTML comments. The body is parsed with Sätteri (the
 * engine that renders the pages) and edited in place by source position, so everything else
 * stays exactly as the editor wrote it; parsing and re-serializing every entry with the unified
 * tools was the largest cost of a 10,000-entry build.
 */
export function absolutizeBody(body: string, pageUrl: string, options: AbsolutizeOptions = {}): string {
  const { siteUrl, sectionOf } = options;
  const absolute = (url: string) => {
    const resolved = sectionOf ? resolveEntryLink(url, sectionOf) : url;
    return siteUrl !== undefined && resolved.startsWith('/') && !resolved.startsWith('//')
      ? absoluteUrl(siteUrl, resolved)
      : resolveUrl(resolved, pageUrl);
  };
  const edits: Edit[] = [];
  // An explicit stack, not recursion: deeply nested blockquotes overflowed a recursive walk.
  const stack: MdastNode[] = [markdownToMdast(body)];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) {
      if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && 'url' in node) {
        const lastChild = 'children' in node ? node.children.at(-1) : undefined;
        const textEnd = node.type === 'definition' ? null : lastChild?.position?.end.offset;
        const edit = urlEdit(body, start, end, node.url, absolute(node.url), textEnd);
        if (edit) edits.push(edit);
      } else if (node.type === 'html' && 'value' in node) {
        edits.push(rawHtmlEdit(body, start, end));
        continue;
      }
    }
    if ('children' in node) for (const child of node.children) stack.push(child as MdastNode);
  }
  let out = body;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out.trim();
}

/**
 * The edit for raw HTML: its comments removed and the rest escaped. HTML that was only comments
 * goes, and when it stood on lines of its own, so do those lines and one blank line after them,
 * so `<!--more-->` between two paragraphs leaves one blank line, not three.
 */
function rawHtmlEdit(body: string, start: number, end: number): Edit {
  const kept = stripHtmlComments(body.slice(start, end));
  if (kept.trim() !== '') return { start, end, text: kept.replaceAll('<', '\\<') };
  const ownLines = start === 0 || body[start - 1] === '\n';
  const rest = /[ \t]*(?:\r?\n(?:[ \t]*\r?\n)?|$)/y;
  rest.lastIndex = end;
  const after = ownLines ? (rest.exec(body)?.[0] ?? '') : '';
  return { start, end: end + after.length, text: '' };
}

/**
 * The edit that swaps a node's URL for its absolute form, found in the node's own source
 * (after `](` for links and images, after `]:` for definitions). Undefined when nothing changes
 * or when the URL is written in an unusual form (escaped, in angle brackets), which is left as is.
 */
function urlEdit(
  body: string,
  start: number,
  end: number,
  url: string,
  absolute: string,
  /** Where the link text ends; null for a definition (`[r]: url`), whose URL follows `]:`. */
  textEnd: number | null | undefined,
): Edit | undefined {
  if (absolute === url || url === '') return undefined;
  const source = body.slice(start, end);
  // The `](` that ends the link text: searched from the end of the text, never from the end of
  // the node, because a title such as "see ](x" holds one too and the edit landed inside it.
  const from = textEnd === undefined || textEnd === null ? 0 : textEnd - start;
  const marker = textEnd === null ? source.indexOf(']:') + 2 : source.indexOf('](', from) + 2;
  const at = source.indexOf(url, Math.max(marker, 0));
  if (marker < 2 || at === -1) return undefined;
  return { start: start + at, end: start + at + url.length, text: absolute };
}

function resolveUrl(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    // Not a URL the browser could follow either; leave the editor's text as written.
    return url;
  }
}

/**
 * The Markdown copy of an entry served at `/<section>/<slug>.md`: the title as `#` heading, the
 * summary, the body with absolute links, and the related and Glossary entries as absolute links,
 * the same lists as the page.
 */
export function buildMarkdownCopy(
  site: SiteConfig,
  glossary: Glossary,
  term: Term,
  relatedLine: (related: Term) => string = (related) => relatedListLine(site, related),
): string {
  const head = serializeMarkdown({
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [{ type: 'text', value: term.title }] },
      { type: 'paragraph', children: [{ type: 'text', value: term.summary }] },
    ],
  });
  // Absolute URLs, not site paths: a copy is read outside the site, where a path has no host.
  const body = absolutizeBody(term.body, absoluteUrl(site.url, termPath(term)), {
    siteUrl: site.url,
    sectionOf: (slug) => glossary.bySlug.get(slug)?.section,
  });
  const { related, glossary: mentions } = glossary.waysOnward(term);
  const list = (heading: string, terms: Term[]) =>
    terms.length > 0 ? `## ${heading}\n\n${terms.map(relatedLine).join('\n')}` : '';
  return `${[head.trimEnd(), body, list('Related', related), list('Glossary', mentions)]
    .filter((part) => part !== '')
    .join('\n\n')}\n`;
}

/**
 * One line of a Related list, `- [Title](https://…/)`, with the title escaped by the serializer.
 * Escaping is the costly part of writing a copy, so the batch below does it once per entry rather
 * than once per mention in other entries' lists.
 */
function relatedListLine(site: SiteConfig, term: Term): string {
  const link = serializeMarkdown({
    type: 'root',
    children: [linkParagraph(term.title, absoluteUrl(site.url, termPath(term)))],
  });
  return `- ${link.trimEnd()}`;
}

/** Where the build collects every Markdown copy before the markdown-copies integration splits them. */
export const MARKDOWN_COPIES_BUNDLE = '/glossa-markdown-copies.json';

/** The copies an earlier build kept, by entry (see kept-texts.ts). */
export interface KeptCopies {
  /** The entry's copy as an earlier build made it, if nothing it shows has changed since. */
  get(term: Term): string | undefined;
  /** Keeps a copy made now for the next build. */
  set(term: Term, copy: string): void;
}

/**
 * Every entry's Markdown copy keyed by its site path (`/definition/gamma.md`). The build emits
 * them as one bundle and writes the files afterwards: as 10,000 separate Astro routes the copies
 * cost about 5.7 s of a 30 s build, as one bundle well under a second. With `kept`, only the
 * copies it does not hold are made (and handed to it).
 */
export function buildMarkdownCopies(
  site: SiteConfig,
  glossary: Glossary,
  kept?: KeptCopies,
): Record<string, string> {
  const copies = new Map<Term, string>();
  const missing: Term[] = [];
  for (const term of glossary.terms) {
    const copy = kept?.get(term);
    if (copy === undefined) missing.push(term);
    else copies.set(term, copy);
  }
  // Lines only for the entries the missing copies list: one entry edited needs a dozen, not all.
  const listed = new Set<Term>();
  for (const term of missing) {
    const { related, glossary: mentions } = glossary.waysOnward(term);
    for (const t of [...related, ...mentions]) listed.add(t);
  }
  const lines = relatedListLines(site, [...listed]);
  const relatedLine = (term: Term) => lines.get(term) ?? relatedListLine(site, term);
  for (const term of missing) {
    const copy = buildMarkdownCopy(site, glossary, term, relatedLine);
    kept?.set(term, copy);
    copies.set(term, copy);
  }
  return Object.fromEntries(
    glossary.terms.map((term) => [termMarkdownPath(term), copies.get(term) as string]),
  );
}

/**
 * Every entry's Related line, from one serializer call over a list of them all: each call has a
 * fixed cost (about 0.1 ms) that, once per entry, was a second of a 10,000-entry build. A title
 * is one line, so the list's lines are its items, each written as `relatedListLine` writes it.
 */
function relatedListLines(site: SiteConfig, terms: readonly Term[]): Map<Term, string> {
  if (terms.length === 0) return new Map();
  const list = serializeMarkdown({
    type: 'root',
    children: [
      {
        type: 'list',
        ordered: false,
        spread: false,
        children: terms.map((term) => ({
          type: 'listItem',
          spread: false,
          children: [linkParagraph(term.title, absoluteUrl(site.url, termPath(term)))],
        })),
      },
    ],
  });
  const items = list.trimEnd().split('\n');
  // Should a title ever span lines, the lines no longer pair with the entries: each is then
  // written on its own.
  if (items.length !== terms.length) return new Map();
  return new Map(terms.map((term, i) => [term, items[i] as string]));
}
