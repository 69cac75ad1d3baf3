/** The sentences search announces through its live region. Pure, shared by the box and the page. */

/** What a search outcome says: how many terms match, or that none do and what is shown instead. */
export function describeOutcome(outcome: {
  query: string;
  searched: string;
  total: number;
  suggestions: readonly string[];
}): string {
  const { query, searched, total, suggestions } = outcome;
  const none = `No terms match “${query}”.`;
  if (total === 0) {
    return suggestions.length > 0 ? `${none} Did you mean ${listOf(suggestions)}?` : none;
  }
  if (searched !== query) return `${none} Showing ${countOf(total)} for “${searched}”.`;
  return `${countOf(total)} ${total === 1 ? 'matches' : 'match'} “${query}”.`;
}

/** "1 term", "35 terms". */
export function countOf(total: number): string {
  return `${total} ${total === 1 ? 'term' : 'terms'}`;
}

function listOf(items: readonly string[]): string {
  const quoted = items.map((s) => `“${s}”`);
  return quoted.length < 2 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
