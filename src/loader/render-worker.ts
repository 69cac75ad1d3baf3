/**
 * A render worker (see render-pool.ts): builds the glossary's Markdown pipeline and name index from
 * the loader's inputs, then renders each batch of bodies it is sent, in order, answering with
 * their HTML and mentions. Runs in plain Node, outside Vite: it imports nothing of Astro's runtime.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { buildAutolinkSite } from '../lib/autolink/autolink-site.ts';
import type { BodyMention } from '../lib/autolink/plan.ts';
import { shareAutolinks } from '../lib/markdown/autolink.ts';
import { createEntryRenderer } from '../lib/markdown/pipeline.ts';
import type { RenderOutcome, RenderSetup, WorkerReply, WorkerRequest } from './render-pool.ts';

const setup = workerData as RenderSetup;
const port = parentPort;
if (!port) throw new Error('render-worker.ts runs as a worker thread only');

const found = new Map<string, BodyMention[]>();
const entries = new Map(setup.files);
shareAutolinks(setup.siteDir, {
  site: buildAutolinkSite(setup.names.entries, setup.names.setting),
  entries,
  found,
});
const render = createEntryRenderer(setup.siteDir, setup.root, setup.image);

// The pool sends a worker its next batch only once it has answered the last one.
port.on('message', async (request: WorkerRequest) => {
  const renderer = await render;
  const outcomes: RenderOutcome[] = [];
  for (const job of request.jobs) {
    try {
      const rendered = await renderer(job.body, pathToFileURL(job.file));
      // The plugin files them under the slug of the body's file, as on the loader's thread.
      const slug = entries.get(job.file)?.slug ?? job.slug;
      outcomes.push({ rendered, mentions: found.get(slug) ?? [] });
      found.delete(slug);
    } catch (cause) {
      const error = cause instanceof Error ? cause : new Error(String(cause));
      port.postMessage({
        failed: { slug: job.slug, file: job.file },
        error: { message: error.message, stack: error.stack },
      } satisfies WorkerReply);
      return;
    }
  }
  port.postMessage({ outcomes } satisfies WorkerReply);
});
