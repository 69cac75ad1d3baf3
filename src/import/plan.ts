/**
 * Turns what a reader found into entry files: slugs, sections, dates, redirects moved onto their
 * targets, references to renamed terms followed, stubs marked. Pure: terms in, files and
 * problems out; writing and validating against the site are `apply.ts`'s job.
 */
import { stringify } from 'yaml';
import type { Problem } from '../lib/checks/problems.ts';
import { slugify } from '../lib/entries/slugify.ts';
import { SLUG_PATTERN } from '../lib/entries/term-schema.ts';
import {
  problemAt,
  type ImportOrigin,
  type ImportReference,
  type ImportSource,
  type ImportedTerm,
} from './imported-term.ts';

/**
 * What a stub (a term with no definition at all) says on its page. Stubs are published with it
 * rather than kept as drafts: in a real glossary published entries list stubs among their related
 * terms (105 such links in the Machine Learning Glossary), and a draft may not be referenced by a
 * published entry, so drafts would have cost every one of those links; the note tells readers
 * honestly that the page only names the term (with its references and related entries, if any).
 */
export const STUB_NOTE = '_No definition yet._';

/** An entry file the import would write. */
export interface PlannedEntry {
  origin: ImportOrigin;
  slug: string;
  section: string;
  /** `content/<section>/<slug>.md`. */
  path: string;
  text: string;
  /** True when the source had no definition: published with STUB_NOTE. */
  stub: boolean;
  draft: boolean;
  redirectFrom: string[];
  /** True when neither the source nor `--date` gave a date: the plan reports it once for all. */
  undated: boolean;
}

/** The plan of an import: files to write, and what is wrong or worth knowing. */
export interface ImportPlan {
  entries: PlannedEntry[];
  problems: Problem[];
}

/** How the plan fills in what the source leaves out. */
export interface PlanOptions {
  /** Section for terms whose source names none (`--section`). */
  section?: string;
  /** Publication date for terms with no date in the source or its git history (`--date`). */
  date?: string;
  /** Slugs already in the site: references to them are kept even when the source lacks them. */
  existingSlugs?: ReadonlySet<string>;
}

/** Plans the entry files for everything a source holds. */
export function planImport(source: ImportSource, options: PlanOptions = {}): ImportPlan {
  const problems: Problem[] = [...source.problems];
  const existing = options.existingSlugs ?? new Set<string>();
  const slugged: { term: ImportedTerm; slug: string; section: string }[] = [];
  const firstBySlug = new Map<string, ImportOrigin>();
  const noSection: ImportOrigin[] = [];
  for (const term of source.terms) {
    const section = term.section ?? options.section;
    const slug = term.slug ?? slugify(term.title);
    if (!section) {
      noSection.push(term.origin);
      continue;
    }
    // Both become parts of a path: anything but kebab-case could leave content/ ('../x').
    const misnamed = [
      ['section', section],
      ['slug', slug],
    ].find(([, name]) => name && !SLUG_PATTERN.test(name));
    if (misnamed) {
      const [field = '', name = ''] = misnamed;
      const hint = slugify(name);
      problems.push(
        problemAt(
          term.origin,
          field,
          `'${name}' must be lowercase kebab-case ASCII`,
          'error',
          hint ? `did you mean '${hint}'?` : undefined,
        ),
      );
      continue;
    }
    if (!slug) {
      problems.push(
        problemAt(
          term.origin,
          'title',
          `'${term.title}' has no letters or digits to make a file name from`,
          'error',
          'give the entry a slug (a slug column, or rename the file)',
        ),
      );
      continue;
    }
    const first = firstBySlug.get(slug);
    if (first) {
      problems.push(
        problemAt(
          term.origin,
          'title',
          `gives the slug '${slug}', as ${first.file}:${first.line} does`,
          'error',
          'two terms cannot share a file name: give one a slug of its own (a slug column) or merge them',
        ),
      );
      continue;
    }
    firstBySlug.set(slug, term.origin);
    slugged.push({ term, slug, section });
  }
  if (noSection.length > 0 && noSection[0]) {
    problems.push(
      problemAt(
        noSection[0],
        'section',
        `is required (${count(noSection.length, 'term')} name none)`,
        'error',
        'add --section NAME, the folder under content/ the entries go to, e.g. --section term',
      ),
    );
  }

  const imported = new Set(slugged.map((s) => s.slug));
  const redirectTo = resolveRedirects(source, imported, problems);
  const redirectsOnto = new Map<string, string[]>();
  const akaOnto = new Map<string, string[]>();
  for (const redirect of source.redirects) {
    const to = redirectTo.get(redirect.from);
    if (!to) continue;
    redirectsOnto.set(to, [...(redirectsOnto.get(to) ?? []), redirect.from]);
    if (redirect.title) akaOnto.set(to, [...(akaOnto.get(to) ?? []), redirect.title]);
  }

  const undated: ImportOrigin[] = [];
  const entries: PlannedEntry[] = [];
  for (const { term, slug, section } of slugged) {
    const references = (field: 'related' | 'mentions') =>
      unique(
        unique(term[field]).flatMap((ref) => {
          const target = redirectTo.get(ref) ?? ref;
          if (target === slug) return [];
          if (term.dropUnknownReferences && !imported.has(target) && !existing.has(target)) {
            problems.push(
              problemAt(
                term.origin,
                field,
                `'${ref}' is not a term of this glossary and is left out`,
                'warning',
                'the old site had a broken link here',
              ),
            );
            return [];
          }
          return [target];
        }),
      );
    const published = term.published ?? options.date;
    if (!published) undated.push(term.origin);
    const stub = !term.body.trim() && !term.summary;
    const redirectFrom = redirectsOnto.get(slug) ?? [];
    const aka = unique([...term.aka, ...(akaOnto.get(slug) ?? [])]).filter((name) => name !== term.title);
    const front: Record<string, unknown> = { title: term.title };
    if (term.summary) front['summary'] = term.summary;
    front['published'] = published ?? '';
    if (term.updated && term.updated !== published) front['updated'] = term.updated;
    if (term.keyword) front['keyword'] = term.keyword;
    if (term.author) front['author'] = term.author;
    const lists: [string, string[]][] = [
      ['related', references('related')],
      ['mentions', references('mentions')],
      ['aka', aka],
      ['tags', unique(term.tags)],
      ['categories', unique(term.categories)],
      ['redirectFrom', redirectFrom],
    ];
    for (const [key, list] of lists) if (list.length > 0) front[key] = list;
    if (term.image) front['image'] = term.image;
    if (term.draft) front['draft'] = true;
    const body = [
      stub ? STUB_NOTE : followRedirectLinks(term.body.trim(), redirectTo),
      formatReferences(term.references),
    ]
      .filter(Boolean)
      .join('\n\n');
    entries.push({
      origin: term.origin,
      slug,
      section,
      path: `content/${section}/${slug}.md`,
      text: `---\n${formatFrontMatter(front)}---\n\n${body ? `${body}\n` : ''}`,
      stub,
      draft: term.draft === true,
      redirectFrom,
      undated: !published,
    });
  }
  if (undated.length > 0 && undated[0]) {
    problems.push(
      problemAt(
        undated[0],
        'published',
        `is missing: ${count(undated.length, 'term')} have no date in the source or in its git history`,
        'error',
        'add --date YYYY-MM-DD to give them one; the import never guesses today',
      ),
    );
  }
  return { entries, problems };
}

/**
 * Where each redirect stub leads, followed through chains (a stub pointing at another stub), to a
 * term being imported. A stub leading nowhere is reported and left out.
 */
function resolveRedirects(
  source: ImportSource,
  imported: ReadonlySet<string>,
  problems: Problem[],
): Map<string, string> {
  const direct = new Map(source.redirects.map((r) => [r.from, r.to]));
  const out = new Map<string, string>();
  for (const redirect of source.redirects) {
    if (imported.has(redirect.from)) {
      problems.push(
        problemAt(
          redirect.origin,
          'destination',
          `'${redirect.from}' is also a term with a definition; the redirect is left out`,
          'warning',
        ),
      );
      continue;
    }
    let to = redirect.to;
    for (let hops = 0; direct.has(to) && hops < source.redirects.length; hops++) to = direct.get(to) ?? to;
    if (imported.has(to)) out.set(redirect.from, to);
    else
      problems.push(
        problemAt(
          redirect.origin,
          'destination',
          `'${redirect.to}' is not a term of this glossary; the redirect is left out`,
          'warning',
        ),
      );
  }
  return out;
}

/** Points links to a redirect stub's file (`backprop.md`) at the entry it leads to. */
function followRedirectLinks(body: string, redirectTo: ReadonlyMap<string, string>): string {
  if (redirectTo.size === 0) return body;
  return body.replace(
    /(\]\(\s*|^\s{0,3}\[[^\]]+\]:\s*)([a-z0-9-]+)\.md(?=[#\s)]|$)/gm,
    (whole, before: string, slug: string) => {
      const to = redirectTo.get(slug);
      return to ? `${before}${to}.md` : whole;
    },
  );
}

/**
 * The source's references as a "References" list at the end of the body: that is where the old
 * site showed them, after the definition, and a list in the body reaches the page, the Markdown
 * copy, the search index and the feeds alike.
 */
export function formatReferences(references: readonly ImportReference[]): string {
  if (references.length === 0) return '';
  const items = references.map(({ title, url }) => {
    const text = (title ?? url ?? '').replace(/([\\[\]])/g, '\\$1');
    // Angle brackets only where a bare destination would break (spaces, parentheses).
    const destination = /[\s()<>]/.test(url ?? '') ? `<${url}>` : url;
    return url ? `- [${text}](${destination})` : `- ${text}`;
  });
  return ['## References', '', ...items].join('\n');
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Front matter the way editors write it by hand: one line a field, lists as `[a, b]`. */
function formatFrontMatter(front: Record<string, unknown>): string {
  return Object.entries(front)
    .map(
      ([key, value]) =>
        `${key}: ${stringify(value, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trimEnd()}\n`,
    )
    .join('');
}
