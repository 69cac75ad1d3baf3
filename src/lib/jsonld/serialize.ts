/**
 * Serializes structured data for a `<script type="application/ld+json">` element. JSON escapes
 * (not HTML entities, which are never decoded inside a script) keep `</script>`, `<!--` and
 * U+2028/U+2029 in editor text from ending the script or breaking parsers, while the parsed
 * values stay exactly what the editor wrote.
 */
export function serializeJsonLd(data: unknown): string {
  // One pass over the text: this runs for every page of the site.
  return JSON.stringify(data).replace(UNSAFE_IN_SCRIPT, (c) => ESCAPES[c] ?? c);
}

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};
