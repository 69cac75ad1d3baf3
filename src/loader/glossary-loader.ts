import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import runtime from 'virtual:glossa/config';
import { bodyNamesOf, buildAutolinkSite, type AutolinkSite } from '../lib/autolink/autolink-site.ts';
import type { BodyMention } from '../lib/autolink/plan.ts';
import { checkGlossary } from '../lib/checks/check-glossary.ts';
import {
  createValidationCache,
  validationCodeDigest,
  type ValidationCache,
} from '../lib/checks/validation-cache.ts';
import { readGitDates } from '../lib/entries/git-dates.ts';
import { shareAutolinks } from '../lib/markdown/autolink.ts';
import { mayLinkToEntryFiles } from '../lib/markdown/entry-links.ts';
import { entryRenderer, remoteImageRules, type EntryRenderer } from '../lib/markdown/pipeline.ts';
import { GlossaryError, failingProblems, formatProblem } from '../lib/checks/problems.ts';
import { readPublicFiles, readPublicSvgs, readSourceFiles } from '../lib/entries/read-glossary.ts';
import { loadSiteConfig } from '../lib/site/site-config.ts';
import { z } from 'astro/zod';
import { SCHEMA_FILE, loadSchemaExtension } from '../lib/entries/schema-extension.ts';
import type { Term } from '../lib/entries/term.ts';
import type { TermSchemaExtension } from '../lib/entries/term-schema.ts';
import { loadKeptParts, saveKeptParts } from './kept-parts-file.ts';
import { storedMentions } from './stored-mentions.ts';
import { previewParts } from './preview-entries.ts';
import { reportPreviewSync } from './preview-status.ts';
import { createNamesKey, createNamesKeyMemo, namesLine, type NamesKeyMemo } from './names-digest.ts';
import { watchTree, type TreeWatcher } from './content-watcher.ts';
import { createSourceReads, type SourceReads } from './source-reads.ts';
import {
  BodyRenderError,
  renderSetupFor,
  renderShared,
  workerCount,
  type RenderOutcome,
  type RenderSetup,
} from './render-pool.ts';
import { createSyncScheduler } from './sync-scheduler.ts';
import { glossarySources, glossarySourceTest } from './watched-paths.ts';

/** How long file events must pause before the live preview re-reads the glossary, in ms. */
const SETTLE_MS = 40;

/** Options of `glossaryLoader()`. */
export interface GlossaryLoaderOptions<Extension extends TermSchemaExtension> {
  /**
   * The site's own entry fields, for typing `getCollection('glossa')`: pass the `extend` that
   * `glossa.schema.ts` in the glossary's folder exports (`import { extend } from
   * './glossa.schema.ts'`). Validation always uses that file, so the build and `check:content`
   * check the same fields; without the option the fields are validated all the same, only
   * typed `unknown`.
   */
  extend?: Extension;
}

/** An entry of the `glossa` collection: a Term without its body, with the site's fields typed. */
export type GlossaryEntryData<Extension extends TermSchemaExtension> = Omit<Term, 'body' | 'fields'> & {
  fields?: z.output<Extension>;
  /**
   * The entries the body mentions, found while rendering it (src/lib/markdown/autolink.ts). In the
   * collection a site reads itself, each mention's context is the name as written, without its
   * sentence (src/loader/stored-mentions.ts).
   */
  bodyMentions: BodyMention[];
};

/**
 * The Astro content loader of the glossary the `glossa()` integration was given. Unlike Astro's
 * glob loader it validates the whole glossary at once with the same validator as
 * `check:content`, so the build reports every problem in one go and the two never disagree.
 * Use it as the `glossa` collection in `src/content.config.ts`.
 */
export function glossaryLoader<Extension extends TermSchemaExtension = z.ZodObject<Record<never, never>>>(
  options: GlossaryLoaderOptions<Extension> = {},
): Loader & { schema: z.ZodType<GlossaryEntryData<Extension>> } {
  const siteDir = resolve(runtime.siteDir);
  const projectRoot = runtime.projectRoot;
  return {
    name: 'glossa-loader',
    // Types the collection's data as a Term (minus its body), so getCollection needs no cast. A
    // type only, never checked at run time: validateGlossary has checked the whole glossary.
    schema: z.custom<GlossaryEntryData<Extension>>(),
    load: async (context) => {
      const extend = await loadSchemaExtension(siteDir);
      // An extension given only here would type the collection but escape check:content.
      if (options.extend && !extend) {
        throw new Error(
          `glossaryLoader() was given extend, but ${resolve(siteDir, SCHEMA_FILE)} does not exist: declare the fields there (export const extend = z.object({ … })) and import them from it, so check:content validates them too`,
        );
      }
      // Kept for the loader's life: the live preview's saves re-check only the files that changed.
      const memo: SyncMemo = {
        validation: context.watcher
          ? createValidationCache()
          : // A build keeps each file's outcome for the next (validation-cache.ts): checking every
            // file again was 1.3 s of a 10,000-entry rebuild that one edit had started.
            createValidationCache({
              file: {
                path: fileURLToPath(new URL('glossa-entries/outcomes.ndjson', context.config.cacheDir)),
                code: validationCodeDigest(),
              },
            }),
        bodyWords: new Map(),
        namesKeys: createNamesKeyMemo(),
        digests: new Map(),
        reads: createSourceReads(siteDir),
        autolinks: undefined,
        storeListsEntries: false,
      };
      await syncGlossary(context, siteDir, projectRoot, extend, memo);
      const { watcher } = context;
      if (!watcher) return;
      // Live preview: any change to an entry or the config syncs the glossary again (the files
      // that changed re-checked, the rules across entries for all); a broken save is reported and
      // the last good content stays on screen.
      // The entries are watched here, not by the dev server's watcher (see content-watcher.ts).
      const content = resolve(siteDir, 'content');
      watcher.add(glossarySources(siteDir).filter((source) => source !== content));
      const schedule = createSyncScheduler(
        () =>
          syncGlossary(context, siteDir, projectRoot, extend, memo).then(
            (changed) => reportPreviewSync(siteDir, { changed }),
            (error: unknown) => {
              context.logger.error(error instanceof Error ? error.message : String(error));
              // The browser shows it too: the page would otherwise go on showing the last good version.
              reportPreviewSync(siteDir, { error });
            },
          ),
        SETTLE_MS,
      );
      const isSource = glossarySourceTest(siteDir);
      // Whether a path was added, changed or deleted, the sync asks the disk (source-reads.ts).
      const on = (path: string) => {
        if (!isSource(path)) return;
        memo.reads.changed(path);
        schedule();
      };
      for (const event of ['change', 'add', 'unlink'] as const) watcher.on(event, on);
      // A loader started again (the dev server restarts on a config change) replaces the watch of
      // the one before, whose syncs would write to a store no page reads any more.
      const watches = ((globalThis as { [CONTENT_WATCHES]?: Map<string, TreeWatcher> })[CONTENT_WATCHES] ??=
        new Map());
      watches.get(siteDir)?.close();
      watches.set(siteDir, watchTree(content, on));
    },
  };
}

/** Where the loaders of this process keep their content watches, by glossary folder. */
const CONTENT_WATCHES = Symbol.for('glossa.content-watches');

/** What the loader keeps from one sync to the next, so a save redoes only what it changed. */
interface SyncMemo {
  validation: ValidationCache;
  /** The words of each body as the name index reads them (names-digest.ts). */
  bodyWords: Map<string, readonly string[]>;
  /** The names key of each body as the last sync worked it out (names-digest.ts). */
  namesKeys: NamesKeyMemo;
  /** What each entry's digest was last worked out from, by slug: its term, links and own digest. */
  digests: Map<string, { term: Term; links: string; mayLink: boolean; own: string }>;
  /** The glossary's files as the live preview read them, told of each file event. */
  reads: SourceReads;
  /** The last autolink site, with the names it was built from (namesLine), to reuse while they stay. */
  autolinks: { names: string; site: AutolinkSite } | undefined;
  /**
   * Whether a sync of this loader has brought the live preview's store up to the glossary's
   * entries: from then on the preview leaves the store alone (see `syncGlossary`).
   */
  storeListsEntries: boolean;
}

/** Brings the store (and the live preview's memory) up to the glossary's files; whether any entry changed. */
async function syncGlossary(
  context: LoaderContext,
  siteDir: string,
  projectRoot: string,
  extend: TermSchemaExtension | undefined,
  memo: SyncMemo,
): Promise<boolean> {
  const lap = createLaps();
  const { store, logger, generateDigest } = context;
  const renderMarkdown = await entryRenderer(siteDir, runtime.root, context.config.image);
  // Re-read on every sync so a saved glossa.config.yaml reaches the live preview; pages keep the
  // address the integration worked out (the host site's, under a prefix).
  const site = { ...loadSiteConfig(siteDir), url: runtime.site.url };
  // The live preview reads only what changed; a build reads once, and keeping every file's bytes
  // would only add to its peak memory.
  const read = context.watcher
    ? await memo.reads.read()
    : {
        files: await readSourceFiles(siteDir),
        publicFiles: await readPublicFiles(siteDir),
        unchanged: false,
      };
  const { files, publicFiles } = read;
  lap('read');
  // An editor's save is often two file events, the second one during the sync of the first; the
  // sync it asks for finds the same files, and would check and digest all of them for nothing.
  memo.reads.settle(undefined);
  if (read.unchanged) {
    memo.reads.settle(read);
    logger.debug(`synced: ${lap.report()}; nothing changed`);
    return false;
  }
  const publicSvgs = readPublicSvgs(siteDir, publicFiles);
  const { terms, problems } = checkGlossary(files, site, {
    publicFiles,
    publicSvgs,
    gitDates: () => readGitDates(siteDir),
    extend,
    cache: memo.validation,
  });
  // Kept before a failure is reported too: the files that were fine are not checked again.
  if (!context.watcher) memo.validation.save();
  lap('check');
  // strict: true holds the build to zero warnings, not the live preview: a preview that stops on
  // every warning while an entry is being written helps nobody.
  const strict = site.strict && !context.watcher;
  // Under strict the warnings are part of the error's list; printing them first would say it twice.
  if (!strict) {
    for (const warning of problems.filter((p) => p.severity === 'warning'))
      logger.warn(formatProblem(warning));
  }
  if (failingProblems(problems, strict).length > 0) throw new GlossaryError(problems, { strict });

  const texts = new Map(files.map((f) => [f.path, f.text]));
  const published = terms.filter((t) => !t.draft);
  const setting = { root: runtime.root, locale: site.locale, policy: bodyNamesOf(site) };
  // Its name index takes a while at 10,000 entries; most saves change no name.
  const siteNames = [setting.policy, setting.root, setting.locale, ...published.map(namesLine)].join('\n');
  const autolinks =
    memo.autolinks?.names === siteNames ? memo.autolinks.site : buildAutolinkSite(published, setting);
  memo.autolinks = { names: siteNames, site: autolinks };
  // A body's links depend only on the names that begin with one of its words (names-digest.ts):
  // a new, deleted or renamed entry re-renders only the bodies that may name it.
  const namesKey = createNamesKey(published, setting, {
    hash: generateDigest,
    bodyWords: memo.bodyWords,
    memo: memo.namesKeys,
  });
  lap('autolink site');
  const found = new Map<string, BodyMention[]>();
  const entries = new Map(
    terms.map((t) => [resolve(siteDir, t.file), { slug: t.slug, autolink: t.autolink }]),
  );
  shareAutolinks(siteDir, { site: autolinks, entries, found });
  const seen = new Set<string>();
  const digests: SyncMemo['digests'] = new Map();
  // The bodies to render, worked out first so that many can be rendered on worker threads.
  const toRender: BodyToRender[] = [];
  // The bulky parts of each entry stay out of Astro's store (see preview-entries.ts). A build, or
  // the live preview when it starts, begins from the parts the last one kept on disk
  // (kept-parts-file.ts), and renders again only what changed, or what Astro's store no longer
  // holds (it is cleared when the config or Astro changes). The live preview keeps its own: its
  // bodies' image addresses are the dev server's, not a build's. It rendered every body at each
  // start before, which took 4.5 minutes at 50,000 entries.
  const inMemory = previewParts(siteDir);
  const building = !context.watcher;
  const partsDir = fileURLToPath(
    new URL(building ? 'glossa-entries/' : 'glossa-entries-dev/', context.config.cacheDir),
  );
  if (inMemory.size === 0) loadKeptParts(partsDir, inMemory);
  // Nothing on disk yet: every shard is written, whatever this sync renders.
  const reusable = inMemory.size > 0;
  // After the live preview's first sync, an added, moved or deleted entry leaves Astro's store as
  // it is: its pages list the loader's parts, and an added entry is made from them
  // (preview-entries.ts). A changed store made Astro write all of it again 500 ms later (devalue
  // of 50,000 stubs, 0.7-3 s of a blocked dev server) and then reload every page a second time.
  const keepStore = !building && memo.storeListsEntries;
  const changed: string[] = [];
  // Entries whose parts stand for names that changed since they were rendered (see below).
  const restamped: string[] = [];
  // The digest of all the glossary's names, as the names key worked it out.
  const allNames = memo.namesKeys.all ?? '';
  let named = 0;
  const countedNamesKey = (body: string) => {
    named++;
    return namesKey(body);
  };
  // A body linking to `other.md` renders the other entry's section into its page, so a moved
  // or added entry must re-render it.
  const imageSettings = JSON.stringify(context.config.image);
  const sections = generateDigest(terms.map((term) => `${term.slug}/${term.section}`).join('\n'));
  for (const term of terms) {
    seen.add(term.slug);
    // The root is part of the rendering: body site paths are printed under it. The data, not
    // only the file's text: dates come from git, a tag's spelling from the other entries. And the
    // code: a body kept on disk by a build of another Glossa (or Sätteri) is rendered again.
    const { body, ...data } = term;
    // A term the validation cache handed back unchanged (the same object) has the same data, so
    // its own digest stands while its links do: hashing every entry's data and text took about a
    // second a save at 10,000 entries (and scanning every body for links to entry files a tenth
    // of one).
    const last = memo.digests.get(term.slug);
    const mayLink = last?.term === term ? last.mayLink : mayLinkToEntryFiles(body);
    const links = mayLink ? sections : '';
    const own =
      last && last.term === term && last.links === links
        ? last.own
        : generateDigest(
            `${runtime.codeDigest}\n${imageSettings}\n${runtime.root}\n${site.defaultAuthor}\n${links}\n${JSON.stringify(data)}\n${texts.get(term.file) ?? ''}`,
          );
    digests.set(term.slug, { term, links, mayLink, own });
    // The names the body's links depend on (names-digest.ts) are worked out only when the entry
    // or the glossary's names changed since its parts were rendered: reading every body's words
    // for them was 1.2 s of each build and rebuild at 10,000 entries.
    const part = inMemory.get(term.slug);
    const sources = part?.sources;
    const digest =
      part && sources?.own === own && sources.names === allNames
        ? part.digest
        : generateDigest(`${own}\n${countedNamesKey(body)}`);
    if (part?.digest === digest && sources?.names !== allNames) {
      // Other names changed, none this body holds: the parts stand for the new names too. A
      // build keeps that for the next one; the live preview only in memory, since writing every
      // shard again would hold up the save that renamed an entry.
      part.sources = { own, names: allNames };
      if (building) restamped.push(term.slug);
    }
    // The parts in memory (or from disk) were rendered from this digest. A build renders again
    // when Astro's store no longer holds the entry with it; the live preview only puts its stub
    // back, since Astro clears the store whenever its config changes, and the dev server's port
    // is part of that (the image settings, which do change a body's HTML, are in the digest).
    const kept = inMemory.get(term.slug)?.digest === digest;
    if (kept && building && store.get(term.slug)?.digest === digest) continue;
    if (kept && !building) {
      if (!keepStore && !store.has(term.slug))
        store.set(devStub(term.slug, inMemory.get(term.slug)?.filePath ?? ''));
      continue;
    }
    const absolute = resolve(siteDir, term.file);
    toRender.push({ term, data, absolute, digest });
  }
  const outcomes = await renderBodies(toRender, {
    render: renderMarkdown,
    found,
    setup: () =>
      renderSetupFor({
        siteDir,
        root: runtime.root,
        image: remoteImageRules(context.config.image),
        published,
        setting,
        files: entries,
      }),
    logger,
  });
  for (const { term, data, absolute, digest } of toRender) {
    const { rendered, mentions: bodyMentions } = outcomes.get(term.slug) as RenderOutcome;
    const filePath = relative(projectRoot, absolute);
    inMemory.set(term.slug, {
      data: { ...data, bodyMentions },
      body: term.body,
      rendered,
      filePath,
      digest,
      sources: { own: digests.get(term.slug)?.own ?? '', names: allNames },
    });
    changed.push(term.slug);
    // In the live preview the store holds a stub of each entry as the first sync found it, which
    // no later save changes, so Astro neither rewrites the store nor reloads the pages for it (the
    // dev server does, at once: src/integration/dev-errors.ts). A build's
    // entry carries the digest, so a store Astro cleared renders every body again, and the data,
    // so a host site's own getCollection('glossa') reads it (the bodies' HTML stays out, and the
    // mentions' sentences: stored-mentions.ts).
    if (building)
      store.set({
        id: term.slug,
        data: { ...data, bodyMentions: storedMentions(bodyMentions) },
        filePath,
        digest,
      });
    else if (!keepStore) store.set(devStub(term.slug, filePath));
  }
  memo.digests = digests;
  lap(`digests and ${toRender.length} renders`);
  if (!keepStore) for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  if (!building) memo.storeListsEntries = true;
  for (const id of inMemory.keys()) if (!seen.has(id) && inMemory.delete(id)) changed.push(id);
  // In the live preview only the shard of the saved entry is written: a few milliseconds.
  saveKeptParts(partsDir, inMemory, reusable ? [...changed, ...restamped] : 'all');
  // Edited bodies leave their old texts behind; dropped once they outnumber the current ones.
  if (memo.bodyWords.size > 2 * terms.length || memo.namesKeys.keys.size > 2 * terms.length) {
    const bodies = new Set(terms.map((term) => term.body));
    for (const body of memo.bodyWords.keys()) if (!bodies.has(body)) memo.bodyWords.delete(body);
    for (const body of memo.namesKeys.keys.keys()) if (!bodies.has(body)) memo.namesKeys.keys.delete(body);
  }
  lap('deletes');
  logger.info(`${toRender.length} of ${terms.length} bodies rendered`);
  // For tests of what a rebuild skips: the bodies whose words were read for the names they hold.
  if (process.env['GLOSSA_BUILD_TRACE']) {
    const { checked, reused } = memo.validation.stats;
    logger.info(`names looked up in ${named} bodies; ${checked} files checked, ${reused} reused`);
  }
  // `astro dev --verbose` shows where a sync's time went: what the live preview's latency is made of.
  const { checked, reused } = memo.validation.stats;
  const filesRead = memo.reads.stats.read;
  logger.debug(`synced: ${lap.report()}; ${filesRead} files read, ${checked} checked, ${reused} reused`);
  if (context.watcher) memo.reads.settle(read);
  // Rendered or deleted entries: what the live preview reloads the page for.
  return changed.length > 0;
}

/** Times the steps of a sync: `lap(name)` ends one, `lap.report()` lists them all. */
function createLaps() {
  let last = performance.now();
  const parts: string[] = [];
  const lap = (name: string) => {
    const now = performance.now();
    parts.push(`${name} ${(now - last).toFixed(0)} ms`);
    last = now;
  };
  lap.report = () => parts.join(', ');
  return lap;
}

/** The live preview's store entry: its id and file only (see preview-entries.ts). */
function devStub(id: string, filePath: string) {
  return { id, data: {}, filePath, digest: filePath };
}

/** An entry whose body a sync renders, with what its parts are stored with. */
interface BodyToRender {
  term: Term;
  data: Omit<Term, 'body'>;
  absolute: string;
  digest: string;
}

/**
 * Renders `bodies` with the loader's own renderer, whose mentions the autolink plugin leaves in
 * `found`, helped by worker threads when there are many (render-pool.ts). A body that cannot be
 * rendered fails the sync with its file named.
 */
async function renderBodies(
  bodies: readonly BodyToRender[],
  options: {
    render: EntryRenderer;
    found: Map<string, BodyMention[]>;
    setup: () => RenderSetup;
    logger: LoaderContext['logger'];
  },
): Promise<Map<string, RenderOutcome>> {
  const byFile = new Map(bodies.map((body) => [body.absolute, body.term]));
  const jobs = bodies.map(({ term, absolute }) => ({ slug: term.slug, body: term.body, file: absolute }));
  try {
    return await renderShared(jobs, {
      renderHere: async (job) => {
        const rendered = await options.render(job.body, pathToFileURL(job.file)).catch((cause: unknown) => {
          throw new BodyRenderError(job.file, cause instanceof Error ? cause : new Error(String(cause)));
        });
        // The entries the body mentions, found while rendering it (src/lib/markdown/autolink.ts).
        return { rendered, mentions: options.found.get(job.slug) ?? [] };
      },
      setup: options.setup,
      workers: workerCount(jobs.length),
      onWorkerLost: (reason) =>
        options.logger.warn(`a render worker stopped (${reason}); its bodies are rendered here`),
    });
  } catch (error) {
    // Whatever the Markdown engine throws, the editor must learn which file caused it.
    const file = error instanceof BodyRenderError ? error.file : undefined;
    const term = file === undefined ? undefined : byFile.get(file);
    // A BodyRenderError says the engine's message, and holds the engine's error as its cause.
    throw new Error(`${term?.file ?? 'an entry'}: the body could not be rendered`, { cause: error });
  }
}
