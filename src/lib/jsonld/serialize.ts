/**
 * Serializes structured data for a `<script type="application/ld+json">` element. JSON escapes
 * (not HTML entities, which are never decoded inside a script) keep `</script>`, `<!--` and
 * U+2028/U+2029 in editor text from ending the script or breaking parsers, while the parsed
 * values stay exactly what the editor wrote.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
