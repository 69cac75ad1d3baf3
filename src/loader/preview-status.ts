/**
 * The live preview's sync outcomes, passed from the content loader to the dev server. The loader
 * runs in Vite's module runner and the integration in Node itself, so each gets its own copy of
 * this module; the two meet on a global, keyed by glossary folder (a host site may serve several).
 * A module of its own so that the loader never imports the integration.
 */
import { createHash } from 'node:crypto';

/** How a live-preview sync ended: with the error it failed with, or whether any entry changed. */
export type SyncOutcome = { error: unknown } | { changed: boolean };

/** What the dev server does with each sync's outcome. */
export type SyncListener = (outcome: SyncOutcome) => void;

const CHANNEL = Symbol.for('glossa.preview-errors');

function listeners(): Map<string, SyncListener> {
  const holder = globalThis as { [CHANNEL]?: Map<string, SyncListener> };
  return (holder[CHANNEL] ??= new Map());
}

/** Called by the content loader after each live-preview sync with how it ended. */
export function reportPreviewSync(siteDir: string, outcome: SyncOutcome): void {
  listeners().get(siteDir)?.(outcome);
}

/** Makes `listener` hear every later sync of the glossary in `siteDir`, replacing any before it. */
export function onPreviewSync(siteDir: string, listener: SyncListener): void {
  listeners().set(siteDir, listener);
}

const GENERATIONS = Symbol.for('glossa.preview-generations');

function generations(): Map<string, number> {
  const holder = globalThis as { [GENERATIONS]?: Map<string, number> };
  return (holder[GENERATIONS] ??= new Map());
}

/**
 * How many times the dev server has made the pages of the glossary in `siteDir` read it again
 * (dev-errors.ts). A page prints the number its glossary was read at, so a page that was still
 * loading when a reload was sent, and never heard it, can tell it shows an older glossary.
 */
export function previewGeneration(siteDir: string): number {
  return generations().get(siteDir) ?? 0;
}

/** Counts one more reload of the glossary in `siteDir`: before its pages read it again. */
export function advancePreviewGeneration(siteDir: string): number {
  const next = previewGeneration(siteDir) + 1;
  generations().set(siteDir, next);
  return next;
}

/** A short name for the glossary in `siteDir` that its pages carry in the live preview, not its path. */
export function previewKey(siteDir: string): string {
  return createHash('sha256').update(siteDir).digest('hex').slice(0, 12);
}
