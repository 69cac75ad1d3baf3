/**
 * Entry dates. Editors write `2026-03-15` (or a full ISO date-time with offset); pages and
 * structured data need ISO 8601 date-times with an offset, so date-only values are pinned to
 * midnight in the site's time zone offset.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** True when `value` is a real calendar date written as `YYYY-MM-DD` or an ISO date-time with offset. */
export function isEntryDate(value: string): boolean {
  const match = DATE_ONLY.exec(value) ?? DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** Returns the ISO 8601 date-time with offset for an entry date (`2026-03-15` → `2026-03-15T00:00:00+00:00`). */
export function toIsoDateTime(value: string, offset: string): string {
  if (DATE_ONLY.test(value)) return `${value}T00:00:00${offset}`;
  return value.replace(/Z$/, '+00:00');
}

/** Milliseconds since the epoch for an entry date, for ordering and comparisons. */
export function toTimestamp(value: string, offset: string): number {
  return Date.parse(toIsoDateTime(value, offset));
}

/** The calendar day part of an entry date (`2026-03-15`), for display in a `<time>` element. */
export function toDay(value: string): string {
  return value.slice(0, 10);
}
