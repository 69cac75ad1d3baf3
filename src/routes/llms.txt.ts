import type { APIRoute } from 'astro';
import { glossary, site } from '../data/glossary.ts';
import { keptTexts } from '../data/kept-outputs.ts';
import { buildLlmsTxt, llmsTxtTree } from '../lib/outputs/llms-txt.ts';
import { digestOf } from '../lib/outputs/kept-texts.ts';

/** llms.txt: the glossary's index for language models, kept from the last build while its tree is the same. */
export const GET: APIRoute = () => {
  const headers = { 'Content-Type': 'text/plain; charset=utf-8' };
  if (import.meta.env.DEV) return new Response(buildLlmsTxt(site, glossary), { headers });
  const kept = keptTexts('llms-txt');
  const tree = llmsTxtTree(site, glossary);
  const key = digestOf(JSON.stringify(tree));
  let text = kept.get('/llms.txt', key);
  if (text === undefined) {
    text = buildLlmsTxt(site, glossary, tree);
    kept.set('/llms.txt', key, text);
  }
  kept.save();
  return new Response(text, { headers });
};
