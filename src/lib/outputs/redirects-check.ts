import type { Term } from '../entries/term.ts';
import { termPath } from '../site/urls.ts';
import { collectRedirects } from './redirects.ts';

/** A `redirectFrom` item that cannot be published, naming the item by its index. */
export interface RedirectProblem {
  term: Term;
  index: number;
  message: string;
  hint: string;
}

/**
 * Checks every entry's old addresses: one may not be the entry's own address (the page would
 * send readers to itself forever), the address of a page the site has (one of the two would be
 * lost), or an old address another item already claims (readers would land on either entry).
 * `pagePaths` are the site's pages as root-free site paths, redirects not included.
 */
export function checkRedirects(
  terms: readonly Term[],
  pagePaths: () => ReadonlySet<string>,
): RedirectProblem[] {
  const redirects = collectRedirects(terms);
  if (redirects.length === 0) return [];
  const entryAt = new Map(terms.map((term) => [termPath(term), term]));
  const claimed = new Map<string, (typeof redirects)[number]>();
  const problems: RedirectProblem[] = [];
  for (const redirect of redirects) {
    const { from, term, index } = redirect;
    const item = term.redirectFrom[index] ?? from;
    const owner = entryAt.get(from);
    const first = claimed.get(from);
    if (owner === term) {
      problems.push({
        term,
        index,
        message: `'${item}' is this entry's own address`,
        hint: `remove '${item}'`,
      });
    } else if (owner) {
      problems.push({
        term,
        index,
        message: `'${item}' is the address of ${owner.file}, which would no longer be reachable`,
        hint: `remove '${item}', or rename or delete ${owner.file} first`,
      });
    } else if (pagePaths().has(from)) {
      problems.push({
        term,
        index,
        message: `'${item}' is the address of a page of this glossary (${from})`,
        hint: `remove '${item}': only addresses that no longer exist can redirect`,
      });
    } else if (first) {
      const where = first.term === term ? 'earlier in this list' : `in ${first.term.file}`;
      problems.push({
        term,
        index,
        message: `'${item}' already redirects ${where} (redirectFrom[${first.index}])`,
        hint:
          first.term === term
            ? `remove the second '${item}'`
            : 'an old address can lead to one entry only: keep it on one of the two',
      });
    } else {
      claimed.set(from, redirect);
    }
  }
  return problems;
}
