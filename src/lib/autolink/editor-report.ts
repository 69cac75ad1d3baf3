import type { FieldPositions, GlossaryValidation } from '../checks/validate-glossary.ts';
import { buildGlossary, type Glossary } from '../graph/glossary-graph.ts';
import { formatProblem, sortProblems, type Problem } from '../checks/problems.ts';
import type { SiteConfig } from '../site/site-config.ts';
import type { Term } from '../entries/term.ts';
import { findBodyMentions } from './body-mentions.ts';
import type { MentionCache } from './mention-cache.ts';
import type { AmbiguousName } from './name-index.ts';
import type { BodyMention } from './plan.ts';

/** What the editor's report reads: the published glossary, its body mentions and ambiguous names. */
export interface EditorReportInput {
  glossary: Glossary;
  bodyMentions: ReadonlyMap<string, readonly BodyMention[]>;
  ambiguous: readonly AmbiguousName[];
  positions: ReadonlyMap<string, FieldPositions>;
}

/** How many suggestions one piece of advice names, so a line stays readable. */
const SUGGESTIONS = 3;
/** Words in more bodies than this say nothing about what a body is about ("price", "the"). */
const COMMON_WORD_BODIES = 50;
/**
 * Two entries are worth relating when other bodies name them together at least this many times,
 * and in at least `CO_MENTION_SHARE` of the bodies naming either: common terms ("delta")
 * share bodies with everything, which says nothing about the pair.
 */
const CO_MENTIONS = 3;
const CO_MENTION_SHARE = 0.5;

/**
 * Advice for editors, as warnings: names two entries share (never linked), entries nothing
 * mentions or links to (with the entries whose bodies share the most distinctive words, as the
 * ones to link from), entries whose page offers no way onward, and `related` candidates: entries
 * other bodies keep naming together. Every suggested slug is a published entry. Linear in the
 * size of the glossary: common words and long mention lists are capped.
 */
export function buildEditorReport(input: EditorReportInput): Problem[] {
  const { glossary, bodyMentions, positions } = input;
  const problems: Problem[] = [];
  const at = (term: Term, field: string) => positions.get(term.file)?.(field) ?? { line: 1, column: 1 };
  const quote = (slugs: readonly string[]) => slugs.map((s) => `'${s}'`).join(', ');

  for (const { name, slugs } of input.ambiguous) {
    for (const slug of slugs) {
      const term = glossary.bySlug.get(slug);
      if (!term) continue;
      const index = term.aka.findIndex((a) => a.toLowerCase() === name.toLowerCase());
      const field = index === -1 ? 'title' : `aka[${index}]`;
      const others = slugs.filter((s) => s !== slug);
      problems.push({
        file: term.file,
        field,
        message: `'${name}' is also a name of ${quote(others)}, so it is never linked`,
        hint: 'give each entry its own name, or keep the alias on one of them',
        severity: 'warning',
        ...at(term, field === 'title' ? 'title' : 'aka'),
      });
    }
  }

  const inbound = new Set<string>();
  for (const term of glossary.terms)
    for (const b of glossary.backlinks(term)) if (b !== term) inbound.add(term.slug);
  // Comparing every body's words is made only once an orphan needs it: most glossaries have none.
  let closest: ((term: Term) => Term[]) | undefined;
  for (const term of glossary.terms) {
    if (inbound.has(term.slug)) continue;
    closest ??= closestBodies(glossary.terms);
    const near = closest(term);
    problems.push({
      file: term.file,
      field: 'file',
      message: 'no other entry mentions or links to it, in its body or front matter',
      hint:
        near.length > 0
          ? `name or link it in the entries whose bodies come closest: ${quote(near.map((t) => t.slug))}`
          : 'name it in the body of an entry on the same subject',
      severity: 'warning',
      ...at(term, 'title'),
    });
  }

  for (const term of glossary.terms) {
    // The two cheap signs of a way onward first: working out every page's ways (its "Discover
    // more" ranking above all) took most of the report's time, and most entries list a related one.
    if ((bodyMentions.get(term.slug) ?? []).length > 0) continue;
    if (glossary.related(term).some((t) => t !== term)) continue;
    const ways = glossary.waysOnward(term);
    const onward = ways.related.length + ways.glossary.length + ways.linkedFrom.length + ways.discover.length;
    if (onward > 0) continue;
    problems.push({
      file: term.file,
      field: 'related',
      message: 'the page offers no way onward: no links, mentions, tags or categories',
      hint: 'list related entries or name other entries in the body',
      severity: 'warning',
      ...at(term, 'related'),
    });
  }

  for (const [term, candidates] of coMentioned(glossary, bodyMentions)) {
    problems.push({
      file: term.file,
      field: 'related',
      message: `other bodies often name it together with ${quote(candidates.map((t) => t.slug))}`,
      hint: `consider adding ${candidates.length === 1 ? 'it' : 'them'} to related`,
      severity: 'warning',
      ...at(term, 'related'),
    });
  }
  return problems;
}

/** For each entry, the entries whose bodies share the most distinctive words with its own. */
function closestBodies(terms: readonly Term[]): (term: Term) => Term[] {
  const wordsOf = new Map<Term, Set<string>>();
  const postings = new Map<string, Term[]>();
  for (const term of terms) {
    const words = new Set((term.body.toLowerCase().match(/\p{L}{4,}/gu) ?? []).slice(0, 2000));
    wordsOf.set(term, words);
    for (const word of words) {
      const list = postings.get(word);
      if (!list) postings.set(word, [term]);
      else if (list.length <= COMMON_WORD_BODIES) list.push(term);
    }
  }
  return (term) => {
    const scores = new Map<Term, number>();
    for (const word of wordsOf.get(term) ?? []) {
      const list = postings.get(word) ?? [];
      if (list.length > COMMON_WORD_BODIES) continue;
      // Rarer words say more: a word two bodies share counts more than one twenty share.
      for (const other of list)
        if (other !== term) scores.set(other, (scores.get(other) ?? 0) + 1 / list.length);
    }
    return [...scores.entries()]
      .sort(([a, x], [b, y]) => y - x || a.slug.localeCompare(b.slug))
      .slice(0, SUGGESTIONS)
      .map(([t]) => t);
  };
}

/** Entries that other bodies name together at least `CO_MENTIONS` times, and which are not yet related either way. */
function coMentioned(
  glossary: Glossary,
  bodyMentions: ReadonlyMap<string, readonly BodyMention[]>,
): [Term, Term[]][] {
  const counts = new Map<Term, Map<Term, number>>();
  const bodiesNaming = new Map<Term, number>();
  for (const mentions of bodyMentions.values()) {
    const named = mentions.slice(0, 12).flatMap((m) => glossary.bySlug.get(m.slug) ?? []);
    for (const a of named) bodiesNaming.set(a, (bodiesNaming.get(a) ?? 0) + 1);
    for (const a of named) {
      for (const b of named) {
        if (a === b) continue;
        let row = counts.get(a);
        if (!row) counts.set(a, (row = new Map()));
        row.set(b, (row.get(b) ?? 0) + 1);
      }
    }
  }
  const result: [Term, Term[]][] = [];
  for (const term of glossary.terms) {
    const row = counts.get(term);
    if (!row) continue;
    const candidates = [...row.entries()]
      .filter(
        ([other, n]) =>
          n >= CO_MENTIONS &&
          n >= CO_MENTION_SHARE * Math.max(bodiesNaming.get(term) ?? 0, bodiesNaming.get(other) ?? 0) &&
          !term.related.includes(other.slug) &&
          !other.related.includes(term.slug),
      )
      .sort(([a, x], [b, y]) => y - x || a.slug.localeCompare(b.slug))
      .slice(0, SUGGESTIONS)
      .map(([t]) => t);
    if (candidates.length > 0) result.push([term, candidates]);
  }
  return result;
}

/**
 * The editor's report of a validated glossary, as `check:content` prints it: reads every
 * published body for mentions (or takes them from `cache`), builds the graph the site would
 * have, and gives the advice.
 */
export function adviseEditors(
  terms: readonly Term[],
  site: SiteConfig,
  positions: ReadonlyMap<string, FieldPositions>,
  cache?: MentionCache,
): Problem[] {
  const published = terms.filter((t) => !t.draft);
  const { mentions, ambiguous } = findBodyMentions(published, site.locale, cache);
  const glossary = buildGlossary(published, site, mentions);
  return sortProblems(buildEditorReport({ glossary, bodyMentions: mentions, ambiguous, positions }));
}

/** The report as a section of `check:content`'s text output; empty when there is no advice. */
export function formatEditorReport(advice: readonly Problem[]): string {
  if (advice.length === 0) return '';
  return ['Advice (names, mentions and ways onward):', ...advice.map(formatProblem), '', ''].join('\n');
}

/** `check:content`'s advice section for a validated glossary (see `adviseEditors`). */
export function editorAdvice(validation: GlossaryValidation, site: SiteConfig, cache?: MentionCache): string {
  return formatEditorReport(adviseEditors(validation.terms, site, validation.positions, cache));
}
