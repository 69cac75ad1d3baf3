/**
 * A variant build: the benchmark's entries generated again with one feature left out, built as
 * often as the main build, so the difference of the medians is what the feature costs.
 */
import { join } from 'node:path';
import { generateGlossary, type GenerateOptions } from '../generate.ts';
import type { RunResult } from '../measure.ts';
import { medianRun, phaseSeconds, spread, type Builder } from './builds.ts';
import { measureAutolinkRendering, renderingRow } from './render-cost.ts';

/** One variant of the benchmark glossary. */
export interface Variant {
  /** Folder-name suffix of its glossary and output (`site-<terms>-<name>`). */
  name: string;
  /** What the generator leaves out. */
  generate: GenerateOptions;
  /** The log line before each build ("Building with automatic links off"). */
  announce: string;
  /** The table row's label and the note after its figures. */
  label: string;
  note: string;
}

/** The figures saved for a variant. */
export interface VariantFigures {
  seconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  /** The median run's phases, to see where a difference falls (Markdown is in `content`). */
  phases: ReturnType<typeof phaseSeconds>;
  runs: ReturnType<typeof spread>;
}

/** What a variant is measured against: where it builds, how often, and the main build. */
export interface VariantContext {
  work: string;
  terms: number;
  runs: number;
  builder: Builder;
  full: RunResult;
}

/** A percentage change with its sign: how much `value` is above (or below) `base`. */
function change(value: number, base: number): string {
  const percent = (100 * (value - base)) / base;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(1)} %`;
}

/**
 * Generates the variant's glossary (same entries and seed as the main one), builds it `runs`
 * times, and compares the median run with the main build `full`: the saved figures and the
 * table's row.
 */
export async function measureVariant(
  variant: Variant,
  context: VariantContext,
): Promise<{ figures: VariantFigures; row: [string, string, string] }> {
  const { work, terms, runs, builder, full } = context;
  const site = join(work, `site-${terms}-${variant.name}`);
  generateGlossary(site, terms, 42, variant.generate);
  const list: RunResult[] = [];
  for (let run = 1; run <= runs; run++) {
    console.log(`${variant.announce}${runs > 1 ? ` (run ${run} of ${runs})` : ''}…`);
    list.push(await builder.buildGlossa(site, `glossa-${variant.name}-out-${terms}`));
  }
  const without = medianRun(list);
  const s = (n: number) => `${n.toFixed(2)} s`;
  // Where the wall time went: the content phase holds the Markdown plugins, the pages phase what
  // the pages print of the feature (Glossary lists, JSON-LD, Linked from).
  const [phases, base] = [phaseSeconds(full), phaseSeconds(without)];
  const delta = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(2)} s`;
  return {
    figures: {
      seconds: without.seconds,
      cpuSeconds: without.cpuSeconds,
      peakRssMiB: without.peakRssMiB,
      phases: base,
      runs: spread(list),
    },
    row: [
      variant.label,
      `${s(full.seconds)} / ${s(without.seconds)}`,
      `${change(full.seconds, without.seconds)} wall, ${change(full.cpuSeconds, without.cpuSeconds)} CPU (content ${delta(phases.content - base.content)}, pages ${delta(phases.render - base.render)}); ${variant.note}`,
    ],
  };
}

/**
 * What #16 costs (at most 10% of the build): the main build against one with `autolink: off`,
 * which still finds every body mention with its sentence (so: the links alone), and one with
 * `mentions: explicit`, which reads no body for names (the whole feature); then the Markdown
 * plugin alone on the main glossary's bodies (`siteDir`), which no build's noise hides.
 */
export async function measureAutolinkCost(context: VariantContext, siteDir: string) {
  const links = await measureVariant(
    {
      name: 'autolink-off',
      generate: { autolink: 'off' },
      announce: 'Building with automatic links off',
      label: 'automatic links: build with them / without',
      note: 'autolink: off, body mentions still found',
    },
    context,
  );
  const feature = await measureVariant(
    {
      name: 'mentions-explicit',
      generate: { mentions: 'explicit' },
      announce: 'Building without body mentions (mentions: explicit)',
      label: 'links + body mentions: build with them / without',
      note: 'mentions: explicit; target ≤ +10 %',
    },
    context,
  );
  console.log('Timing the autolink plugin on the bodies alone…');
  const rendering = await measureAutolinkRendering(siteDir);
  return {
    rows: [links.row, feature.row, renderingRow(rendering, context.full.cpuSeconds)],
    figures: {
      withoutAutomaticLinks: links.figures,
      withoutBodyMentions: feature.figures,
      autolinkRenderingCpuSeconds: rendering,
    },
  };
}
