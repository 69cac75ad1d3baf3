import type { Root, RootContent } from 'mdast';
import type { Glossary } from '../graph/glossary-graph.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { absoluteUrl, termMarkdownPath } from '../site/urls.ts';
import { linkParagraph, serializeMarkdown } from './markdown-copy.ts';

/**
 * `/llms.txt` after the llms.txt convention (https://llmstxt.org): the site name as `#` heading,
 * its description as a quote, then one `##` list per section of `[Title](markdown URL): summary`.
 */
export function buildLlmsTxt(
  site: SiteConfig,
  glossary: Glossary,
  tree: Root = llmsTxtTree(site, glossary),
): string {
  return serializeMarkdown(tree);
}

/**
 * The Markdown tree of `/llms.txt`: building it is quick, writing it out is not (about a second at
 * 10,000 entries), so a build keeps the text while the tree is the same.
 */
export function llmsTxtTree(site: SiteConfig, glossary: Glossary): Root {
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [{ type: 'text', value: site.name }] },
    {
      type: 'blockquote',
      children: [{ type: 'paragraph', children: [{ type: 'text', value: site.description }] }],
    },
  ];
  for (const section of glossary.sections) {
    children.push(
      { type: 'heading', depth: 2, children: [{ type: 'text', value: section.label }] },
      {
        type: 'list',
        ordered: false,
        spread: false,
        children: section.terms.map((term) => ({
          type: 'listItem',
          spread: false,
          children: [
            linkParagraph(term.title, absoluteUrl(site.url, termMarkdownPath(term)), `: ${term.summary}`),
          ],
        })),
      },
    );
  }
  return { type: 'root', children };
}
