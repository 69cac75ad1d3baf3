import { describe, expect, it } from 'vitest';
import { heapLimitFor } from '../../src/publish/heap-limit.ts';

const machine = { totalMemoryMiB: 24_576, defaultLimitMiB: 4_288 };

describe('heapLimitFor', () => {
  it("leaves Node's default for a glossary it is enough for", () => {
    expect(heapLimitFor({ ...machine, entries: 60 })).toBeUndefined();
    expect(heapLimitFor({ ...machine, entries: 10_000 })).toBeUndefined();
  });

  it('raises the limit with the number of entries', () => {
    expect(heapLimitFor({ ...machine, entries: 50_000 })).toBe(6_000);
    expect(heapLimitFor({ ...machine, entries: 100_000 })).toBe(12_000);
  });

  it('never asks for more than three quarters of the machine', () => {
    expect(heapLimitFor({ ...machine, entries: 1_000_000 })).toBe(18_432);
  });

  it('never sets a limit below the default, even on a small machine', () => {
    expect(heapLimitFor({ totalMemoryMiB: 4_096, defaultLimitMiB: 2_048, entries: 100_000 })).toBe(3_072);
    expect(heapLimitFor({ totalMemoryMiB: 2_048, defaultLimitMiB: 2_048, entries: 100_000 })).toBeUndefined();
  });

  it("keeps the user's own limit from NODE_OPTIONS", () => {
    const entries = 100_000;
    expect(heapLimitFor({ ...machine, entries, nodeOptions: '--max-old-space-size=8000' })).toBeUndefined();
    expect(heapLimitFor({ ...machine, entries, nodeOptions: '--max_old_space_size=8000' })).toBeUndefined();
    expect(heapLimitFor({ ...machine, entries, nodeOptions: '--enable-source-maps' })).toBe(12_000);
  });
});
