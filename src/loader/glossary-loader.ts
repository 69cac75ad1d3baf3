import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import runtime from 'virtual:glossa/config';
import { buildAutolinkSite } from '../lib/autolink/autolink-site.ts';
import type { BodyMention } from '../lib/autolink/plan.ts';
import { shareAutolinks } from '../lib/markdown/autolink.ts';
import { GlossaryError, formatProblem } from '../lib/problems.ts';
import { readPublicFiles, readPublicSvgs, readSourceFiles } from '../lib/read-glossary.ts';
import { SITE_CONFIG_FILE, loadSiteConfig } from '../lib/site-config.ts';
import { z } from 'astro/zod';
import type { Term } from '../lib/term.ts';
import { validateGlossary } from '../lib/validate-glossary.ts';

/**
 * The Astro content loader of the glossary the `glossa()` integration was given. Unlike Astro's
 * glob loader it validates the whole glossary at once with the same validator as
 * `check:content`, so the build reports every problem in one go and the two never disagree.
 * Use it as the `glossa` collection in `src/content.config.ts`.
 */
export function glossaryLoader(): Loader {
  const siteDir = resolve(runtime.siteDir);
  const options = { projectRoot: runtime.projectRoot };
  return {
    name: 'glossa-loader',
    // Types the collection's data as a Term (minus its body), so getCollection needs no cast. A
    // type only, never checked at run time: validateGlossary has checked the whole glossary.
    schema: z.custom<Omit<Term, 'body'> & { bodyMentions: BodyMention[] }>(),
    load: async (context) => {
      await syncGlossary(context, siteDir, options.projectRoot);
      const { watcher } = context;
      if (!watcher) return;
      // Live preview: any change to an entry or the config re-validates the whole glossary; a
      // broken save is reported and the last good content stays on screen.
      // public/ too: adding a missing image must clear its image.src error.
      watcher.add([
        resolve(siteDir, 'content'),
        resolve(siteDir, 'public'),
        resolve(siteDir, SITE_CONFIG_FILE),
      ]);
      const onChange = (path: string) => {
        if (!path.startsWith(siteDir)) return;
        syncGlossary(context, siteDir, options.projectRoot).catch((error: unknown) => {
          context.logger.error(error instanceof Error ? error.message : String(error));
        });
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', onChange);
    },
  };
}

async function syncGlossary(context: LoaderContext, siteDir: string, projectRoot: string): Promise<void> {
  const { store, logger, generateDigest, renderMarkdown } = context;
  // Re-read on every sync so a saved glossa.config.yaml reaches the live preview; pages keep the
  // address the integration worked out (the host site's, under a prefix).
  const site = { ...loadSiteConfig(siteDir), url: runtime.site.url };
  const [files, publicFiles] = await Promise.all([readSourceFiles(siteDir), readPublicFiles(siteDir)]);
  const publicSvgs = readPublicSvgs(siteDir, publicFiles);
  const { terms, problems } = validateGlossary(files, site, { publicFiles, publicSvgs });
  for (const warning of problems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(warning));
  if (problems.some((p) => p.severity === 'error')) throw new GlossaryError(problems);

  const texts = new Map(files.map((f) => [f.path, f.text]));
  // Every body links to the other entries' names, so a changed name re-renders every entry.
  const autolinks = buildAutolinkSite(
    terms.filter((t) => !t.draft),
    { root: runtime.root, locale: site.locale, policy: site.autolink },
  );
  const found = new Map<string, BodyMention[]>();
  const entries = new Map(
    terms.map((t) => [resolve(siteDir, t.file), { slug: t.slug, autolink: t.autolink }]),
  );
  shareAutolinks(siteDir, { site: autolinks, entries, found });
  const namesDigest = generateDigest(autolinks.fingerprint);
  const seen = new Set<string>();
  for (const term of terms) {
    seen.add(term.slug);
    // The root is part of the rendering: body site paths are printed under it.
    const digest = generateDigest(
      `${runtime.root}\n${site.defaultAuthor}\n${namesDigest}\n${texts.get(term.file) ?? ''}`,
    );
    if (store.get(term.slug)?.digest === digest) continue;
    const absolute = resolve(siteDir, term.file);
    const { body, ...data } = term;
    const rendered = await renderMarkdown(body, { fileURL: pathToFileURL(absolute) }).catch(
      (cause: unknown) => {
        // Whatever the Markdown engine throws, the editor must learn which file caused it.
        throw new Error(`${term.file}: the body could not be rendered`, { cause });
      },
    );
    store.set({
      id: term.slug,
      // The entries the body mentions, found while rendering it (src/lib/markdown/autolink.ts).
      data: { ...data, bodyMentions: found.get(term.slug) ?? [] },
      body,
      filePath: relative(projectRoot, absolute),
      digest,
      rendered,
    });
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
}
