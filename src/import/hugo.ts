/**
 * A Hugo glossary in the Kubernetes shape: one file per term with `id`, `title`, `date`,
 * `short_description`, `aka`, `tags` and `full_link`, and bodies that link other terms with the
 * `glossary_tooltip` shortcode.
 */
import type { Problem } from '../lib/checks/problems.ts';
import { slugify } from '../lib/entries/slugify.ts';
import { SLUG_PATTERN, SUMMARY_MAX } from '../lib/entries/term-schema.ts';
import {
  emptyTerm,
  isShortDefinition,
  problemAt,
  toList,
  toText,
  type ImportSource,
} from './imported-term.ts';
import { ignoredFieldWarnings, type SourceDocument } from './markdown-folder.ts';

const KNOWN = new Set([
  'id',
  'title',
  'date',
  'lastmod',
  'short_description',
  'aka',
  'tags',
  'full_link',
  'draft',
]);
const SHORTCODE = /\{\{[<%]\s*([\w-]+)((?:\s+[\w-]+=(?:"[^"]*"|'[^']*'|\S+))*)\s*[>%]\}\}/g;
const ATTRIBUTE = /([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))/g;

/** The slug of a Hugo term: its file name, the address it had, made kebab-case if it is not. */
function slugOf(doc: SourceDocument): string {
  return SLUG_PATTERN.test(doc.name) ? doc.name : slugify(doc.name);
}

/**
 * Replaces `{{< glossary_tooltip text="x" term_id="y" >}}` with `[x](slug.md)`, the link to the
 * entry that Glossa resolves; other shortcodes are left as text, each named in a warning.
 */
export function replaceShortcodes(
  body: string,
  slugById: ReadonlyMap<string, { slug: string; title: string }>,
  warn: (message: string) => void,
): string {
  return body.replace(SHORTCODE, (whole, name: string, attributes: string) => {
    if (name !== 'glossary_tooltip') {
      warn(`shortcode '${name}' has no Glossa equivalent and is kept as text`);
      return whole;
    }
    const values = new Map<string, string>();
    for (const [, key = '', ...value] of attributes.matchAll(ATTRIBUTE))
      values.set(key, value.find((v) => v !== undefined) ?? '');
    const id = values.get('term_id') ?? '';
    const target = slugById.get(id) ?? slugById.get(id.toLowerCase());
    // Without text, Hugo shows the term's name.
    const text = values.get('text') || target?.title || id;
    if (!target) {
      warn(`glossary_tooltip term_id '${id}' is not a term of this glossary: kept as plain text`);
      return text;
    }
    return `[${text}](${target.slug}.md)`;
  });
}

/** Reads the documents of a Hugo glossary folder into terms. */
export function readHugoDocuments(documents: readonly SourceDocument[]): ImportSource {
  const problems: Problem[] = [];
  const slugById = new Map<string, { slug: string; title: string }>();
  for (const doc of documents) {
    const id = toText(doc.fields['id']) || doc.name;
    const target = { slug: slugOf(doc), title: toText(doc.fields['title']) || id };
    slugById.set(id, target);
    slugById.set(id.toLowerCase(), target);
  }
  const terms = [];
  for (const doc of documents) {
    const origin = { file: doc.file, line: 1 };
    const f = doc.fields;
    const title = toText(f['title']);
    if (!title) {
      problems.push(problemAt(origin, 'title', 'is required', 'error'));
      continue;
    }
    const term = emptyTerm(origin, title);
    term.slug = slugOf(doc);
    term.dropUnknownReferences = true;
    const warn = (message: string) => problems.push(problemAt(origin, 'body', message, 'warning'));
    const body = replaceShortcodes(doc.body, slugById, warn);
    const short = replaceShortcodes(toText(f['short_description']), slugById, warn);
    if (short && isShortDefinition(short, SUMMARY_MAX)) term.summary = short.replace(/\s+/g, ' ');
    term.body = short && !term.summary ? `${short}\n\n${body}`.trim() : body;
    if (toText(f['date'])) term.published = toText(f['date']);
    if (toText(f['lastmod'])) term.updated = toText(f['lastmod']);
    term.aka = toList(f['aka']);
    term.tags = toList(f['tags']);
    if (f['draft'] === true) term.draft = true;
    const link = toText(f['full_link']);
    if (/^https:\/\//.test(link)) term.references.push({ title: `${title}: full documentation`, url: link });
    else if (link)
      problems.push(
        problemAt(
          origin,
          'full_link',
          `'${link}' is a page of the old site, not of this glossary, and is left out`,
          'warning',
          'add the link to the body with its full https:// address if readers need it',
        ),
      );
    terms.push(term);
  }
  problems.push(...ignoredFieldWarnings(documents, KNOWN));
  return { terms, redirects: [], problems };
}
