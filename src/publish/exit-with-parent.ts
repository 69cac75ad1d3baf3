/**
 * Preloaded into the Astro child of `npm run build` (`node --import`). The build script talks to
 * the child over an IPC channel it opens only for this: when the script dies without a chance to
 * forward a signal (SIGKILL, a crash), the kernel closes the channel, and the child ends its own
 * process group, so neither Astro nor the tools it spawned (esbuild, Pagefind) outlive the script.
 */
if (process.channel) {
  process.on('disconnect', () => {
    try {
      // The child leads its own process group (it is spawned detached): end all of it.
      process.kill(-process.pid, 'SIGTERM');
    } catch {
      process.exit(1);
    }
  });
  // The channel must not keep Astro running once its work is done.
  process.channel.unref();
}
