import { describe, expect, it } from 'vitest';
import { formatCount, formatDay } from '../../src/lib/pages/format.ts';

describe('formatDay', () => {
  it("writes the day in the locale's long form", () => {
    expect(formatDay('2026-03-15', 'en-US')).toBe('March 15, 2026');
    expect(formatDay('2026-03-15', 'en-GB')).toBe('15 March 2026');
    expect(formatDay('2026-03-15', 'de')).toBe('15. März 2026');
  });

  it('keeps the day the editor wrote, whatever the offset of a date-time', () => {
    expect(formatDay('2026-01-01T00:30:00+14:00', 'en')).toBe('January 1, 2026');
    expect(formatDay('2026-12-31T23:59:00-12:00', 'en')).toBe('December 31, 2026');
  });
});

describe('formatCount', () => {
  it('makes the noun agree with the number', () => {
    expect(formatCount(0, 'entry', 'entries', 'en')).toBe('0 entries');
    expect(formatCount(1, 'entry', 'entries', 'en')).toBe('1 entry');
    expect(formatCount(2, 'entry', 'entries', 'en')).toBe('2 entries');
  });

  it("groups the digits the locale's way", () => {
    expect(formatCount(12040, 'entry', 'entries', 'en-US')).toBe('12,040 entries');
    expect(formatCount(12040, 'entry', 'entries', 'de')).toBe('12.040 entries');
  });
});
