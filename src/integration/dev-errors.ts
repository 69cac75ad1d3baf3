import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRunnableDevEnvironment, type ViteDevServer } from 'vite';
import { GlossaryError, sortProblems, type Problem } from '../lib/checks/problems.ts';
import {
  advancePreviewGeneration,
  onPreviewSync,
  previewGeneration,
  previewKey,
} from '../loader/preview-status.ts';

/**
 * The live preview's errors in the browser. The content loader re-checks the glossary when an
 * entry is saved; a broken save keeps the last good content in the store, so the page would go on
 * showing it with the problem only in the terminal. The loader reports every outcome through
 * src/loader/preview-status.ts and the dev server shows the problem in Astro's error overlay, with
 * file, line and field, until a save fixes it.
 */

/** The error payload sent to the browser; Astro's dev server fills in the rest for its overlay. */
export interface PreviewErrorPayload {
  type: 'error';
  err: {
    name: string;
    title: string;
    /** Plain text, a problem a line: Astro escapes it (and reads `code` and **bold**) for its overlay. */
    message: string;
    hint: string;
    loc?: { file: string; line: number; column: number };
    stack: string;
  };
}

const HINT =
  'Fix the file and save it: the page reloads as soon as the glossary is valid again. Until then it shows the last version that was.';

/** The overlay payload for a failed sync: every problem, the first one's file as its location. */
export function buildPreviewErrorPayload(siteDir: string, error: unknown): PreviewErrorPayload {
  const text = error instanceof Error ? error.message : String(error);
  const [first = '', ...rest] = text.split('\n');
  const problems = problemsOf(error);
  const isList = problems !== undefined && rest.length > 0;
  const top = problems && sortProblems(problems)[0];
  const lines = isList ? rest.map((line) => line.trim()) : [text];
  return {
    type: 'error',
    err: {
      name: problems ? 'GlossaryError' : 'Error',
      title: isList ? first.replace(/:$/, '') : 'The glossary could not be loaded',
      message: lines.join('\n'),
      hint: HINT,
      ...(top
        ? { loc: { file: resolve(siteDir, top.file), line: top.line ?? 1, column: top.column ?? 1 } }
        : {}),
      stack: text,
    },
  };
}

/**
 * Wires the dev server to the loader's reports: a failed sync shows its problems in the overlay of
 * every open page (and of pages opened later, until it is fixed); a good sync that changed an
 * entry reloads them with the new glossary at once, and so does the first good sync after a
 * failed one, which clears the overlay even when the fixed file renders the same as before.
 */
export function showPreviewErrors(server: ViteDevServer, siteDir: string): void {
  const hot = server.environments.client.hot;
  let shown: PreviewErrorPayload | undefined;
  onPreviewSync(siteDir, (outcome) => {
    if ('error' in outcome) {
      shown = buildPreviewErrorPayload(siteDir, outcome.error);
      hot.send(shown);
      return;
    }
    if (outcome.changed) reloadGlossary(server, siteDir);
    else if (shown) hot.send({ type: 'full-reload', path: '*' });
    shown = undefined;
  });
  hot.on('vite:client:connect', (_data, client) => {
    if (shown) client.send(shown);
  });
  // A page says which reload of the glossary it was rendered after, once it runs: one that was
  // loading while a later reload was sent is told, and reloads (src/browser/live-preview/stale-page.ts).
  const glossary = previewKey(siteDir);
  hot.on('glossa:page-shown', (data: unknown, client) => {
    if ((data as { glossary?: unknown } | undefined)?.glossary !== glossary) return;
    client.send('glossa:generation', { glossary, generation: previewGeneration(siteDir) });
  });
}

/** The module every page reads the glossary from (it builds the graph from the loader's entries). */
const GLOSSARY_MODULE = fileURLToPath(new URL('../data/glossary.ts', import.meta.url));

/**
 * Makes the pages read the glossary again and reloads the browser. Astro does the same for the
 * content store, but only once it has written the store to disk, 500 ms after the last change to
 * it (and a saved edit no longer changes it: src/loader/preview-entries.ts). The pages' glossary
 * comes from the loader's memory, so it is current as soon as the sync is done.
 */
function reloadGlossary(server: ViteDevServer, siteDir: string): void {
  // Counted before the pages read the glossary again, so each reads the count it was read at.
  advancePreviewGeneration(siteDir);
  const timestamp = Date.now();
  for (const environment of Object.values(server.environments)) {
    if (environment.name === 'client') continue;
    // Its importers (routes, components) are invalidated with it, so each page is evaluated again.
    for (const module of environment.moduleGraph.getModulesByFile(GLOSSARY_MODULE) ?? [])
      environment.moduleGraph.invalidateModule(module, undefined, timestamp, true);
    if (isRunnableDevEnvironment(environment)) {
      for (const module of environment.runner.evaluatedModules.getModulesByFile(GLOSSARY_MODULE) ?? [])
        environment.runner.evaluatedModules.invalidateModule(module);
    }
    // Astro's dev server keeps each route's getStaticPaths() until the content changes.
    environment.hot.send('astro:content-changed', {});
  }
  server.environments.client.hot.send({ type: 'full-reload', path: '*' });
}

/**
 * The problems of a GlossaryError. Recognised by its name, not `instanceof`: the loader's copy of
 * the class (in Vite's module runner) is not this module's.
 */
function problemsOf(error: unknown): readonly Problem[] | undefined {
  if (!(error instanceof Error) || error.name !== new GlossaryError([]).name) return undefined;
  const { problems } = error as Partial<GlossaryError>;
  return Array.isArray(problems) ? problems : undefined;
}
