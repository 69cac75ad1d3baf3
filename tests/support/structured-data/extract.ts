import { parse as parseHtml } from 'node-html-parser';

/** The raw text of every `<script type="application/ld+json">` in the document, in order. */
export function jsonLdScriptTexts(html: string): string[] {
  return (
    parseHtml(html)
      .querySelectorAll('script')
      // A MIME type is case-insensitive and browsers and Google ignore surrounding spaces.
      .filter((script) => script.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json')
      // rawText, not text: a script's content is never entity-decoded by a browser, so `&amp;`
      // must stay `&amp;` here too (decoding it would hide the HTML-escaping bug the reference warns of).
      .map((script) => script.rawText)
  );
}

/**
 * Parses every `<script type="application/ld+json">` block of a page.
 *
 * For tests that inspect properties; use {@link validateStructuredData} to check the data.
 * Blocks inside HTML comments are not extracted (they are not data), and the script text is parsed
 * as-is, without HTML-entity decoding, exactly as a browser or crawler would.
 *
 * @param html The complete HTML of the page.
 * @returns The parsed value of each block, in document order.
 * @throws {SyntaxError} When a block is not valid JSON (the message says which block).
 */
export function extractJsonLd(html: string): unknown[] {
  return jsonLdScriptTexts(html).map((text, index) => {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new SyntaxError(`JSON-LD block ${index + 1} is not valid JSON: ${(error as Error).message}`, {
        cause: error,
      });
    }
  });
}
