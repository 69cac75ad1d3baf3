import type { Glossary } from '../../src/lib/graph/glossary-graph.ts';

/**
 * Checks of our example glossary that are not product rules (the product's editorial rules are
 * src/lib/checks/content-warnings.ts, which tests call directly): each returns the offending entries as
 * readable lines, so a failing test names every one of them at once.
 */

/** `aka` names that equal another entry's title, ignoring case and accents. */
export function findAkaCollisions(glossary: Glossary): string[] {
  const key = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase();
  const byTitle = new Map(glossary.terms.map((t) => [key(t.title), t]));
  return glossary.terms.flatMap((t) =>
    t.aka.flatMap((aka) => {
      const other = byTitle.get(key(aka));
      return other && other !== t ? [`${t.file}: aka "${aka}" is the title of ${other.file}`] : [];
    }),
  );
}

/**
 * Clicks needed to reach each entry from `start`, following the links a term page renders:
 * Related, Glossary (mentions), Linked from and Discover more. Entries not reached are absent.
 */
export function clicksFrom(glossary: Glossary, start: string): Map<string, number> {
  const first = glossary.bySlug.get(start);
  if (!first) throw new Error(`No entry ${start}`);
  const clicks = new Map([[first.slug, 0]]);
  let frontier = [first];
  for (let depth = 1; frontier.length > 0; depth++) {
    const next = [];
    for (const term of frontier) {
      for (const t of [
        ...glossary.related(term),
        ...glossary.mentions(term),
        ...glossary.waysOnward(term).linkedFrom.map((backlink) => backlink.term),
        ...glossary.discoverMore(term),
      ]) {
        if (!clicks.has(t.slug)) {
          clicks.set(t.slug, depth);
          next.push(t);
        }
      }
    }
    frontier = next;
  }
  return clicks;
}
