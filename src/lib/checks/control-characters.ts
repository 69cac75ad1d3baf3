/**
 * Control characters in editor text. XML 1.0 forbids most C0 controls outright (a NUL or U+0001
 * in a title made `rss.xml` not well-formed while the build exited 0), and in one-line fields
 * (titles, summaries, tags) no control character is ever intended: they come from pasting out of
 * PDFs and terminals. So validation refuses them, and the XML writers strip whatever XML forbids
 * as a second line of defence.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

// Characters outside XML 1.0's Char production: C0 controls other than tab, LF and CR, the two
// noncharacters U+FFFE and U+FFFF, and lone surrogates.
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Describes the first control character of a one-line text (`U+0001 at character 6`), or
 * undefined when there is none.
 */
export function findControlCharacter(text: string): string | undefined {
  const match = CONTROL.exec(text);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `U+${code} at character ${match.index + 1}`;
}

/** The sentence validation reports for a control character, shared by entries and site config. */
export function controlCharacterMessage(found: string): string {
  return `must not contain control characters (found ${found}); retype the text or paste it as plain text`;
}

/** Removes every character XML 1.0 forbids, so a feed or sitemap stays well-formed whatever it is given. */
export function stripXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}
