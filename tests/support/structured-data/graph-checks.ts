/** Layer 2: our own checks, for what the schema.org validator does not see. */
import { isNonEmptyString, isObject, nodeLabel, typesOf, type JsonObject } from './json.ts';
import type { Vocabulary } from './vocabulary.ts';

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

export const isAbsoluteHttpUrl = (value: string): boolean => {
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

export const quote = (value: unknown): string => JSON.stringify(value) ?? String(value);

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

export function ownChecks(graph: readonly JsonObject[], pageUrl: string, vocabulary: Vocabulary): string[] {
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
