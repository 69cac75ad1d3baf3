/**
 * Which link and image destinations an entry may publish. Entries are content, never code, so a
 * destination is allowed by its scheme: the web (`https`, `http`), mail and phone links, and
 * anything without a scheme (site paths, relative paths, `#fragments`, `?queries`). Every other
 * scheme is refused, since `javascript:`, `vbscript:` and `data:text/html` run script in the
 * reader's browser when followed, and schemes nobody has reviewed should not reach a page.
 */

/** Schemes an entry body may link to, lowercase, without the colon. */
export const ALLOWED_URL_SCHEMES: ReadonlySet<string> = new Set(['https', 'http', 'mailto', 'tel']);

/** What a destination is, as the browser will read it. */
export type UrlVerdict = { safe: true } | { safe: false; scheme: string };

// The WHATWG URL parser drops leading and trailing C0 controls and spaces, and removes every tab
// and newline, before it looks for a scheme: `\tjava\nscript:` is `javascript:` to a browser.
// eslint-disable-next-line no-control-regex -- the controls a browser drops are the point
const EDGE_CONTROLS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const TAB_OR_NEWLINE = /[\t\n\r]/g;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/**
 * The scheme a browser will find in `url`, lowercase, or `undefined` for a destination without
 * one (it resolves against the page). `url` must already have its character references decoded,
 * as a Markdown parser or an HTML attribute value has them.
 */
export function urlScheme(url: string): string | undefined {
  const cleaned = url.replace(EDGE_CONTROLS, '').replace(TAB_OR_NEWLINE, '');
  return SCHEME.exec(cleaned)?.[1]?.toLowerCase();
}

/** Decides whether a decoded destination may be published. */
export function checkUrl(url: string): UrlVerdict {
  const scheme = urlScheme(url);
  return scheme === undefined || ALLOWED_URL_SCHEMES.has(scheme) ? { safe: true } : { safe: false, scheme };
}
