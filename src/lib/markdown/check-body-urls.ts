import { collectBodyUrls } from './body-urls.ts';
import { checkUrl } from './url-safety.ts';

/** Something wrong with a destination in an entry body, positioned within the body. */
export interface BodyUrlProblem {
  message: string;
  hint: string;
  /** Line within the body (1-based). */
  line: number;
  column: number;
}

const SAFE_FORMS = 'use an https:// address, a site path such as /section/slug/, #a-heading, mailto: or tel:';

/**
 * Checks every link and image destination of a body: a scheme other than the allowed ones
 * (url-safety.ts) could run script when followed, and an image path relative to the page would
 * point somewhere else on each page that shows it (term page, cards, Markdown copy).
 */
export function checkBodyUrls(body: string): BodyUrlProblem[] {
  const problems: BodyUrlProblem[] = [];
  for (const found of collectBodyUrls(body)) {
    const what = found.kind === 'definition' ? 'link definition' : found.kind;
    const verdict = checkUrl(found.url);
    if (!verdict.safe) {
      problems.push({
        message: `${what} '${printable(found.url)}' uses the ${verdict.scheme}: scheme, which is not allowed in entries (it could run a script or reach something readers cannot open)`,
        hint: SAFE_FORMS,
        line: found.line,
        column: found.column,
      });
    } else if (found.image && isPageRelative(found.url)) {
      problems.push({
        message: `image '${printable(found.url)}' has a relative path, which would point somewhere else on every page showing it`,
        hint: `put the file under public/ and write it from the site root (e.g. /images/${found.url.split('/').pop() ?? found.url}), or use an https:// URL`,
        line: found.line,
        column: found.column,
      });
    }
  }
  return problems;
}

/** True for a URL that depends on the page it appears on: no scheme and no leading `/`. */
function isPageRelative(url: string): boolean {
  return url !== '' && !url.startsWith('/') && !url.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

/** The destination as one readable line: control characters shown as escapes, long ones cut. */
function printable(url: string): string {
  const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const shown = url.replace(/[\u0000-\u001f\u007f]/g, escape);
  return shown.length > 80 ? `${shown.slice(0, 77)}…` : shown;
}
