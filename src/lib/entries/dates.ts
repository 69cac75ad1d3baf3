/**
 * Entry dates. Editors write `2026-03-15` (or a full ISO date-time with offset); pages and
 * structured data need ISO 8601 date-times with an offset, so date-only values are pinned to
 * midnight in the site's time zone offset.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Offsets in use run from -12:00 to +14:00; anything beyond is a typing mistake. */
const MAX_OFFSET_HOURS = 14;

/**
 * True when `value` is a real calendar date written as `YYYY-MM-DD`, or an ISO date-time with
 * offset whose time and offset are real too (`T25:61` or `+99:99` would otherwise pass the pattern
 * and only fail later, in the RSS feed, without naming the entry).
 */
export function isEntryDate(value: string): boolean {
  const match = DATE_ONLY.exec(value) ?? DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999, which refused real
  // dates such as 0050-03-01 (historical entries) as "not real".
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  const realDay =
    probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  if (!realDay || match[4] === undefined) return realDay;
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  const offset = /^([+-])(\d{2}):(\d{2})$/.exec(match[7] ?? '');
  const realOffset = !offset || (Number(offset[2]) <= MAX_OFFSET_HOURS && Number(offset[3]) <= 59);
  return hour <= 23 && minute <= 59 && second <= 59 && realOffset;
}

/**
 * Whether `updated` is earlier than `published`. Two date-times are compared as instants; when
 * either is a bare date, as calendar days, since a bare date has no time to compare.
 */
export function isBefore(updated: string, published: string): boolean {
  if (DATE_TIME.test(updated) && DATE_TIME.test(published)) {
    return Date.parse(updated) < Date.parse(published);
  }
  return toDay(updated) < toDay(published);
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
