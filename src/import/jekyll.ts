/**
 * A Jekyll glossary in the shape of the Machine Learning Glossary: `title`, `related_terms`
 * (slugs), `synonyms`, `references` (`link_title`/`link_url`), Jekyll's own `published` and
 * `date`, and redirect stubs (`layout: redirect` with a `destination`) for renamed terms.
 */
import type { Problem } from '../lib/checks/problems.ts';
import { slugify } from '../lib/entries/slugify.ts';
import { SLUG_PATTERN } from '../lib/entries/term-schema.ts';
import {
  emptyTerm,
  problemAt,
  toList,
  toText,
  type ImportReference,
  type ImportSource,
} from './imported-term.ts';
import { ignoredFieldWarnings, type SourceDocument } from './markdown-folder.ts';

const KNOWN = new Set([
  'title',
  'related_terms',
  'synonyms',
  'references',
  'layout',
  'destination',
  'published',
  'date',
  'last_modified_at',
  'tags',
  'categories',
]);

function slugOf(name: string): string {
  return SLUG_PATTERN.test(name) ? name : slugify(name);
}

function readReferences(value: unknown): ImportReference[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const ref = item as Record<string, unknown>;
    const title = toText(ref['link_title']);
    const url = toText(ref['link_url']);
    return title || url ? [{ ...(title ? { title } : {}), ...(url ? { url } : {}) }] : [];
  });
}

/** Reads the documents of a Jekyll glossary folder into terms and redirects. */
export function readJekyllDocuments(documents: readonly SourceDocument[]): ImportSource {
  const problems: Problem[] = [];
  const terms = [];
  const redirects = [];
  for (const doc of documents) {
    const origin = { file: doc.file, line: 1 };
    const f = doc.fields;
    // A stub whose only job is to send readers on; some have the destination without the layout.
    const destination = toText(f['destination']);
    if (f['layout'] === 'redirect' || (destination && !doc.body)) {
      if (!destination) {
        problems.push(
          problemAt(
            origin,
            'destination',
            'is required on a redirect stub',
            'error',
            'name the slug the old address leads to',
          ),
        );
        continue;
      }
      const title = toText(f['title']);
      redirects.push({
        origin,
        from: slugOf(doc.name),
        to: slugOf(destination.replace(/^\/|\/$/g, '')),
        ...(title ? { title } : {}),
      });
      continue;
    }
    const title = toText(f['title']);
    if (!title) {
      problems.push(problemAt(origin, 'title', 'is required', 'error'));
      continue;
    }
    const term = emptyTerm(origin, title);
    term.slug = slugOf(doc.name);
    term.dropUnknownReferences = true;
    term.body = doc.body;
    term.related = toList(f['related_terms']).map(slugOf);
    term.aka = toList(f['synonyms']);
    term.tags = toList(f['tags']);
    term.categories = toList(f['categories']);
    term.references = readReferences(f['references']);
    if (toText(f['date'])) term.published = toText(f['date']).slice(0, 10);
    if (toText(f['last_modified_at'])) term.updated = toText(f['last_modified_at']).slice(0, 10);
    // Jekyll's own `published: false` keeps a page off the site, as a draft does.
    if (f['published'] === false) term.draft = true;
    terms.push(term);
  }
  problems.push(...ignoredFieldWarnings(documents, KNOWN));
  return { terms, redirects, problems };
}
