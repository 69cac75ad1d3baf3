import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BodyNames, LinkableEntry } from '../lib/autolink/autolink-site.ts';
import type { BodyMention } from '../lib/autolink/plan.ts';
import type { RemoteImageRules, RenderedBody } from '../lib/markdown/pipeline.ts';

/**
 * Renders many entry bodies on worker threads. A cold build renders every body on the thread that
 * runs Astro, one after another, while the machine's other cores wait: at 10,000 entries that was
 * 7 s of the 14 s content phase (Sätteri and the autolink plugin), on a machine with two cores.
 * Each worker builds its own Markdown pipeline and name index from the same inputs as the loader's,
 * so a body renders to the same HTML and mentions wherever it is rendered; the worker's start (about
 * a second: the Markdown engine, Shiki's highlighter, the name index) is why a few bodies, as a save
 * in the live preview renders, are rendered in place instead.
 */

/** What a worker needs to render the glossary's bodies as the loader would. */
export interface RenderSetup {
  siteDir: string;
  root: string;
  image: RemoteImageRules;
  /** The published entries' names and the linking setting (`buildAutolinkSite`'s arguments). */
  names: { entries: LinkableEntry[]; setting: { root: string; locale: string; policy: BodyNames } };
  /** Each entry file (absolute path) with its slug and whether it links automatically. */
  files: [string, { slug: string; autolink: boolean }][];
}

/** One body to render: its entry's slug, its Markdown, and its file (absolute path). */
export interface RenderJob {
  slug: string;
  body: string;
  file: string;
}

/** A rendered body and the entries it mentions. */
export interface RenderOutcome {
  rendered: RenderedBody;
  mentions: BodyMention[];
}

/** What a worker is sent: a batch of jobs. */
export interface WorkerRequest {
  jobs: RenderJob[];
}

/** What a worker answers: the batch's outcomes in order, or the first body that failed. */
export type WorkerReply =
  | { outcomes: RenderOutcome[] }
  | { failed: { slug: string; file: string }; error: { message: string; stack?: string | undefined } };

/** Below this many bodies a worker's start (about 1.5 s on two cores) costs more than it saves. */
export const POOL_MIN_BODIES = 3000;

/** Bodies handed out at a time: fewer messages, and the helpers still finish together. */
const BATCH = 50;

/** A body a worker could not render, with the Markdown engine's error as its cause. */
export class BodyRenderError extends Error {
  override name = 'BodyRenderError';
  /** The body's file (absolute path). */
  readonly file: string;
  constructor(file: string, cause: Error) {
    super(cause.message, { cause });
    this.file = file;
  }
}

/**
 * How many workers help the loader's own thread render `bodies` bodies: one per other core, at
 * most three, none for fewer than `POOL_MIN_BODIES`.
 */
export function workerCount(bodies: number, cores = availableParallelism()): number {
  if (bodies < POOL_MIN_BODIES) return 0;
  return Math.max(1, Math.min(3, cores - 1));
}

/**
 * What the workers are given to render a sync's bodies as the loader does: the published entries'
 * names and the linking setting, as `buildAutolinkSite` takes them, and each entry's file.
 */
export function renderSetupFor(options: {
  siteDir: string;
  root: string;
  image: RemoteImageRules;
  published: readonly LinkableEntry[];
  setting: RenderSetup['names']['setting'];
  files: ReadonlyMap<string, { slug: string; autolink: boolean }>;
}): RenderSetup {
  const { siteDir, root, image, published, setting, files } = options;
  const entries = published.map(({ slug, section, title, aka }) => ({ slug, section, title, aka }));
  return { siteDir, root, image, names: { entries, setting }, files: [...files] };
}

/** Options of {@link renderShared}. */
export interface RenderSharedOptions {
  /** Renders one body on this thread, as the loader always could. */
  renderHere(job: RenderJob): Promise<RenderOutcome>;
  /** What the workers build their pipeline from; asked for only when a worker starts. */
  setup(): RenderSetup;
  workers: number;
  /** Told why a worker stopped helping (its bodies are rendered here instead). */
  onWorkerLost?(reason: string): void;
}

/**
 * Renders `jobs` on this thread and on `workers` worker threads at once, each taking the next
 * batch when it is done, and returns each outcome by slug. This thread starts at once, so the
 * workers' start is not waited for; a worker that cannot start or dies hands its batch back and
 * this thread renders it. A body that cannot be rendered rejects: `renderHere`'s error as it is,
 * a worker's as a `BodyRenderError` naming the file. The workers are ended either way.
 */
export async function renderShared(
  jobs: readonly RenderJob[],
  options: RenderSharedOptions,
): Promise<Map<string, RenderOutcome>> {
  const outcomes = new Map<string, RenderOutcome>();
  // Batches not yet taken, and those a lost worker handed back.
  const returned: RenderJob[][] = [];
  let next = 0;
  const take = (): RenderJob[] | undefined => {
    const back = returned.pop();
    if (back) return back;
    if (next >= jobs.length) return undefined;
    const batch = jobs.slice(next, next + BATCH);
    next += batch.length;
    return batch;
  };
  let failure: Error | undefined;
  const started: Worker[] = [];
  const startWorker = () => {
    let worker: Worker;
    try {
      // The worker is a TypeScript module like this one: Node strips its types as it strips the
      // CLI's (bin/strip-types.mjs, which workers load too, since they inherit execArgv).
      worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: options.setup() });
    } catch (cause) {
      options.onWorkerLost?.(cause instanceof Error ? cause.message : String(cause));
      return;
    }
    started.push(worker);
    // The batch the worker is rendering: its reply lists their outcomes in the same order.
    let batch: RenderJob[] | undefined;
    let stopped = false;
    const stop = (lost?: string) => {
      if (stopped) return;
      stopped = true;
      if (lost !== undefined && batch) {
        returned.push(batch);
        options.onWorkerLost?.(lost);
      }
      batch = undefined;
      void worker.terminate();
    };
    const feed = () => {
      batch = failure ? undefined : take();
      if (batch) worker.postMessage({ jobs: batch } satisfies WorkerRequest);
      else stop();
    };
    worker.on('message', (reply: WorkerReply) => {
      if ('failed' in reply) {
        const cause = Object.assign(new Error(reply.error.message), { stack: reply.error.stack });
        failure ??= new BodyRenderError(reply.failed.file, cause);
        batch = undefined;
        stop();
        return;
      }
      (batch ?? []).forEach((job, k) => outcomes.set(job.slug, reply.outcomes[k] as RenderOutcome));
      feed();
    });
    worker.on('error', (error) => stop(error.message));
    worker.on('exit', (code) => stop(`it exited with status ${code}`));
    feed();
  };
  for (let n = 0; n < options.workers; n++) startWorker();
  try {
    for (;;) {
      if (failure) throw failure;
      const batch = take();
      if (batch) {
        for (const job of batch) {
          if (failure) throw failure;
          outcomes.set(job.slug, await options.renderHere(job));
        }
        // A turn for the event loop: the workers' replies, and the dev server's own start-up.
        await new Promise((turn) => setImmediate(turn));
      } else if (outcomes.size >= jobs.length) break;
      // Nothing left to take: the workers are rendering their last batches (a lost one hands its
      // batch back to be taken here).
      else await new Promise((wake) => setTimeout(wake, 5));
    }
    return outcomes;
  } finally {
    // Ended now, a worker still rendering need not finish its batch.
    for (const worker of started) void worker.terminate();
  }
}
