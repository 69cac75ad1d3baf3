import { slugify } from './slugify.ts';
import { Document, isMap, isScalar } from 'yaml';
import { nameFingerprint } from '../checks/content-warnings.ts';
import { suggestClosest } from '../checks/suggest.ts';
import type { Term } from './term.ts';

/**
 * The slug (file name) for a title: lowercase kebab-case ASCII, accents dropped and other scripts
 * transliterated ("Décalage Horaire" → "decalage-horaire", "日本語" → "ri-ben-yu", "C++" →
 * "c-plus-plus"). Empty when the title has no letters or digits at all.
 */
export function slugifyTitle(title: string): string {
  return slugify(title);
}

/** What a new entry's front matter is filled in with. */
export interface EntryTemplateInput {
  title: string;
  /** `YYYY-MM-DD`. */
  published: string;
  author: string;
}

/**
 * The text of a new entry: every required field filled in, so it passes `check:content` at once,
 * with comments telling the editor what to write. It starts as a draft so it is never published
 * half-written.
 */
export function renderEntryTemplate({ title, published, author }: EntryTemplateInput): string {
  // A title is one line: newlines and tabs (a pasted title) become single spaces, so the entry
  // passes check:content at once.
  const name = title.replace(/\s+/g, ' ').trim();
  // The whole front matter is one YAML document serialized by the yaml package: pasting values
  // into lines broke on a long title (folded onto a second line) and let a newline inject a key.
  const doc = new Document({
    title: name,
    summary: `One sentence that defines ${name} on its own.`,
    published,
    author,
    related: [],
    draft: true,
  });
  const comments: Record<string, string> = {
    summary: ' One sentence (40 to 200 characters) that defines the term on its own.',
    related: ' Slugs (file names without .md) of entries to read next, e.g. [gamma, delta-hedging].',
    draft: ' Delete this line when the entry is ready to publish.',
  };
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const comment = isScalar(pair.key) ? comments[String(pair.key.value)] : undefined;
      if (comment && isScalar(pair.key)) pair.key.commentBefore = comment;
    }
  }
  const front = doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
  return ['---', front, '---', '', `Explain ${name} here, in Markdown.`, ''].join('\n');
}

/**
 * Existing entries a new title may duplicate: same name once case, plurals and punctuation are
 * folded, or a slug within a typo's distance. Returned as sentences for the editor.
 */
export function findSimilarEntries(title: string, slug: string, terms: readonly Term[]): string[] {
  const key = nameFingerprint(title);
  const notes: string[] = [];
  for (const term of terms) {
    const name = [term.title, ...term.aka].find((n) => nameFingerprint(n) === key);
    if (name !== undefined) notes.push(`'${title}' is close to '${name}' in ${term.file}`);
  }
  const close = suggestClosest(
    slug,
    terms.map((t) => t.slug),
  );
  const closeTerm = terms.find((t) => t.slug === close);
  if (closeTerm && !notes.some((n) => n.endsWith(closeTerm.file))) {
    notes.push(`slug '${slug}' is close to '${closeTerm.slug}' (${closeTerm.file})`);
  }
  return notes;
}

/** Today's date in the site's time zone (an offset such as +02:00), as `YYYY-MM-DD`. */
export function todayIn(offset: string, now: Date = new Date()): string {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours = 0, minutes = 0] = offset.slice(1).split(':').map(Number);
  return new Date(now.getTime() + sign * (hours * 60 + minutes) * 60_000).toISOString().slice(0, 10);
}
