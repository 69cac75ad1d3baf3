import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSyncScheduler } from '../../src/loader/sync-scheduler.ts';

describe('the live preview sync scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('syncs once after a burst of events has settled', async () => {
    const sync = vi.fn(() => Promise.resolve());
    const schedule = createSyncScheduler(sync, 40);
    schedule();
    await vi.advanceTimersByTimeAsync(30);
    schedule();
    await vi.advanceTimersByTimeAsync(30);
    expect(sync).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(10);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it('never overlaps syncs, and syncs once more after one that saw new events', async () => {
    const log: string[] = [];
    let finish: () => void = () => {};
    const sync = vi.fn(() => {
      log.push('start');
      return new Promise<void>((done) => {
        finish = () => {
          log.push('end');
          done();
        };
      });
    });
    const schedule = createSyncScheduler(sync, 40);
    schedule();
    await vi.advanceTimersByTimeAsync(40);
    schedule();
    await vi.advanceTimersByTimeAsync(40);
    schedule();
    await vi.advanceTimersByTimeAsync(40);
    expect(log).toEqual(['start']);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['start', 'end', 'start']);
    finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(log).toEqual(['start', 'end', 'start', 'end']);
  });
});
