/**
 * How much JavaScript heap the Astro build of a large glossary is given. Node's default limit
 * (about 4 GiB on a 64-bit machine) is reached near 100,000 entries while the content layer
 * holds every entry's data and rendered HTML; the build then dies with "JavaScript heap out of
 * memory" however much memory the machine has.
 */

/** Heap one entry needs in the build, in MiB: 10,000 entries peaked at about 3 GiB of RSS. */
const MIB_PER_ENTRY = 0.12;

/** The share of the machine's memory the build's heap may grow to: Pagefind runs beside it. */
const MACHINE_SHARE = 0.75;

/** What `heapLimitFor` needs to know. */
export interface HeapLimitInput {
  /** The glossary's entry files. */
  entries: number;
  /** The machine's memory, in MiB (`os.totalmem()`). */
  totalMemoryMiB: number;
  /** Node's own heap limit for a process started without options, in MiB. */
  defaultLimitMiB: number;
  /** `NODE_OPTIONS` as the build was started with. */
  nodeOptions?: string | undefined;
}

/**
 * The `--max-old-space-size` (MiB) the build should run with, or `undefined` to leave Node's
 * default: a glossary small enough for it, or a limit the user set in `NODE_OPTIONS` (theirs
 * stands). Never above three quarters of the machine, never below the default.
 */
export function heapLimitFor({
  entries,
  totalMemoryMiB,
  defaultLimitMiB,
  nodeOptions = '',
}: HeapLimitInput): number | undefined {
  if (/--max-old-space-size\b|--max_old_space_size\b/.test(nodeOptions)) return undefined;
  const limit = Math.min(Math.ceil(entries * MIB_PER_ENTRY), Math.floor(totalMemoryMiB * MACHINE_SHARE));
  return limit > defaultLimitMiB ? limit : undefined;
}
