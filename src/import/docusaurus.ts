/**
 * A Docusaurus glossary as docusaurus-plugin-glossary reads it: `glossary.json` holding
 * `terms: [{ term, definition, abbreviation, aliases, relatedTerms }]`, where related terms are
 * named by their term, not by a slug.
 */
import { LineCounter, isMap, isNode, isSeq, parseDocument } from 'yaml';
import type { Problem } from '../lib/checks/problems.ts';
import { SUMMARY_MAX } from '../lib/entries/term-schema.ts';
import { slugify } from '../lib/entries/slugify.ts';
import {
  emptyTerm,
  isShortDefinition,
  problemAt,
  toList,
  toText,
  type ImportSource,
} from './imported-term.ts';

const KNOWN = new Set(['term', 'definition', 'abbreviation', 'aliases', 'relatedTerms', 'id']);

/** Reads a Docusaurus `glossary.json` into terms; `source` names it in problems. */
export function readDocusaurusGlossary(text: string, source: string): ImportSource {
  const lineCounter = new LineCounter();
  // JSON is YAML, and the yaml parser keeps positions, so problems can name the term's line.
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) throw new Error(`not valid JSON at line ${lineCounter.linePos(error.pos[0]).line}`);
  const list = isMap(doc.contents) ? doc.contents.get('terms', true) : undefined;
  if (!isSeq(list))
    throw new Error('must be an object with a "terms" array, as docusaurus-plugin-glossary reads it');
  const values = (doc.toJS() as { terms: Record<string, unknown>[] }).terms;

  const problems: Problem[] = [];
  const unknownSeen = new Set<string>();
  const entries = list.items.map((item, index) => ({
    line: lineCounter.linePos(isNode(item) ? (item.range?.[0] ?? 0) : 0).line,
    values: values[index] ?? {},
  }));
  // relatedTerms name terms by their `term` (any case): find each one's slug.
  const slugByName = new Map<string, string>();
  for (const { values: v } of entries) {
    const name = toText(v['term']);
    if (name) slugByName.set(name.toLowerCase(), slugify(name));
  }
  const terms = [];
  for (const { line, values: v } of entries) {
    const origin = { file: source, line };
    for (const key of Object.keys(v)) {
      if (!KNOWN.has(key) && !unknownSeen.has(key)) {
        unknownSeen.add(key);
        problems.push(
          problemAt(origin, key, 'is not a field of docusaurus-plugin-glossary and is ignored', 'warning'),
        );
      }
    }
    const name = toText(v['term']);
    if (!name) {
      problems.push(problemAt(origin, 'term', 'is required', 'error'));
      continue;
    }
    const term = emptyTerm(origin, name);
    term.dropUnknownReferences = true;
    const definition = toText(v['definition']);
    if (isShortDefinition(definition, SUMMARY_MAX)) term.summary = definition.replace(/\s+/g, ' ');
    else term.body = definition;
    term.aka = [...new Set([toText(v['abbreviation']), ...toList(v['aliases'])].filter(Boolean))];
    for (const related of toList(v['relatedTerms'])) {
      const slug = slugByName.get(related.toLowerCase());
      if (slug) term.related.push(slug);
      else
        problems.push(
          problemAt(
            origin,
            'relatedTerms',
            `'${related}' is not a term of this glossary and is left out`,
            'warning',
          ),
        );
    }
    terms.push(term);
  }
  return { terms, redirects: [], problems };
}
