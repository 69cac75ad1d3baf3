import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyNamesOf, buildAutolinkSite } from '../../src/lib/autolink/autolink-site.ts';
import { checkGlossary } from '../../src/lib/checks/check-glossary.ts';
import { readSourceFiles } from '../../src/lib/entries/read-glossary.ts';
import { shareAutolinks } from '../../src/lib/markdown/autolink.ts';
import { createEntryRenderer, type RemoteImageRules } from '../../src/lib/markdown/pipeline.ts';
import { loadSiteConfig } from '../../src/lib/site/site-config.ts';
import type { BodyMention } from '../../src/lib/autolink/plan.ts';
import {
  POOL_MIN_BODIES,
  renderSetupFor,
  renderShared,
  workerCount,
  type RenderJob,
  type RenderOutcome,
  type RenderSetup,
} from '../../src/loader/render-pool.ts';

const image: RemoteImageRules = { domains: [], remotePatterns: [] };

/** A fixture glossary as the loader would hand it to the pool: its setup, and this thread's renderer. */
async function glossaryOf(fixture: string) {
  const siteDir = resolve(import.meta.dirname, '../fixtures', fixture);
  const site = loadSiteConfig(siteDir);
  const { terms } = checkGlossary(await readSourceFiles(siteDir), site);
  const setting = { root: '/', locale: site.locale, policy: bodyNamesOf(site) };
  const files = new Map(terms.map((t) => [resolve(siteDir, t.file), { slug: t.slug, autolink: t.autolink }]));
  const setup = renderSetupFor({ siteDir, root: '/', image, published: terms, setting, files });
  const found = new Map<string, BodyMention[]>();
  shareAutolinks(siteDir, { site: buildAutolinkSite(terms, setting), entries: files, found });
  const render = await createEntryRenderer(siteDir, '/', image);
  const renderHere = async (job: RenderJob): Promise<RenderOutcome> => ({
    rendered: await render(job.body, pathToFileURL(job.file)),
    mentions: found.get(job.slug) ?? [],
  });
  // Every body several times over, so that each thread gets batches (50 bodies each).
  const jobs: RenderJob[] = [];
  const rounds = Math.ceil(300 / terms.length);
  for (let round = 0; round < rounds; round++)
    for (const t of terms)
      jobs.push({ slug: `${t.slug}~${round}`, body: t.body, file: resolve(siteDir, t.file) });
  // The copies are named apart, but each must render as its entry does (its own self link left out).
  const here = (job: RenderJob) => renderHere({ ...job, slug: job.slug.replace(/~\d+$/u, '') });
  return { setup, jobs, renderHere: here };
}

describe('renderShared', () => {
  let autolink: Awaited<ReturnType<typeof glossaryOf>>;
  let rich: Awaited<ReturnType<typeof glossaryOf>>;
  beforeAll(async () => {
    autolink = await glossaryOf('autolink');
    rich = await glossaryOf('rich');
  });

  it('renders every body on a worker exactly as on this thread: HTML, headings, images and mentions', async () => {
    for (const glossary of [autolink, rich]) {
      const { setup, jobs, renderHere } = glossary;
      const alone = new Map<string, RenderOutcome>();
      for (const job of jobs) alone.set(job.slug, await renderHere(job));
      const lost: string[] = [];
      const shared = await renderShared(jobs, {
        renderHere,
        setup: () => setup,
        workers: 2,
        onWorkerLost: (reason) => lost.push(reason),
      });
      expect(lost, lost.join('; ')).toEqual([]);
      expect(shared.size).toBe(jobs.length);
      for (const job of jobs) expect(shared.get(job.slug), job.slug).toEqual(alone.get(job.slug));
    }
  }, 60_000);

  it('works without workers, and renders a lost worker’s bodies here', async () => {
    const { setup, jobs, renderHere } = autolink;
    expect((await renderShared(jobs, { renderHere, setup: () => setup, workers: 0 })).size).toBe(jobs.length);
    // A setup the worker cannot build its pipeline from: it dies at its start, holding a batch.
    const broken = { ...setup, names: { ...setup.names, entries: null } } as unknown as RenderSetup;
    const lost: string[] = [];
    const here: string[] = [];
    const shared = await renderShared(jobs, {
      renderHere: (job) => (here.push(job.slug), renderHere(job)),
      setup: () => broken,
      workers: 1,
      onWorkerLost: (reason) => lost.push(reason),
    });
    expect(lost).toHaveLength(1);
    expect(shared.size).toBe(jobs.length);
    expect(new Set(here).size).toBe(jobs.length);
  }, 60_000);

  it('fails with the error of a body that cannot be rendered', async () => {
    const { setup, jobs, renderHere } = autolink;
    const bad = jobs[70] as RenderJob;
    await expect(
      renderShared(jobs, {
        renderHere: (job) => (job === bad ? Promise.reject(new Error('engine broke')) : renderHere(job)),
        setup: () => setup,
        workers: 0,
      }),
    ).rejects.toThrow('engine broke');
  });
});

describe('workerCount', () => {
  it('starts no worker for a few bodies, and one per other core, at most three, for many', () => {
    expect(workerCount(POOL_MIN_BODIES - 1, 8)).toBe(0);
    expect(workerCount(POOL_MIN_BODIES, 2)).toBe(1);
    expect(workerCount(POOL_MIN_BODIES, 1)).toBe(1);
    expect(workerCount(50_000, 16)).toBe(3);
  });
});
