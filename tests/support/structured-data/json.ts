/** Plain-JSON helpers shared by the structured-data checks. */

export type JsonObject = { [key: string]: unknown };

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

export const typesOf = (node: JsonObject): string[] => {
  const type = node['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
};

/** `Article <https://site/x/#article>`, the way our messages name a node. */
export function nodeLabel(node: JsonObject, fallback: string): string {
  const types = typesOf(node);
  const id = typeof node['@id'] === 'string' ? ` <${node['@id']}>` : '';
  return types.length > 0 || id ? `${types.join('/') || '(no @type)'}${id}` : fallback;
}
