import type { APIRoute, GetStaticPaths } from 'astro';
import { glossary, site } from '../../data/glossary.ts';
import { buildMarkdownCopy } from '../../lib/outputs/markdown-copy.ts';
import type { Term } from '../../lib/term.ts';

export const getStaticPaths = (() =>
  glossary.terms.map((term) => ({
    params: { section: term.section, slug: term.slug },
    props: { term },
  }))) satisfies GetStaticPaths;

/** The entry as clean Markdown, for tools and language models. */
export const GET: APIRoute<{ term: Term }> = ({ props }) =>
  new Response(buildMarkdownCopy(site, glossary, props.term), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
