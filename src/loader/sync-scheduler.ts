/**
 * Runs the live preview's sync after a burst of file events has settled, one sync at a time.
 * A save is often several events (an editor truncates, then writes; a checkout touches many
 * files): reading at the first one can see a half-written file and report a problem that is not
 * there. Syncs never overlap, so an older one can never finish after, and undo, a newer one; events
 * during a sync ask for one more sync after it.
 */
export function createSyncScheduler(sync: () => Promise<void>, settleMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  const run = () => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = true;
    void sync().finally(() => {
      running = false;
      if (again) {
        again = false;
        run();
      }
    });
  };
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, settleMs);
  };
}
