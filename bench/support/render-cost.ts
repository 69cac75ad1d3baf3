/**
 * The Markdown side of #16's cost, timed in the benchmark's own process: every body of the
 * glossary rendered by Sätteri with the autolink plugin under each setting, and without it. A
 * build's wall time on a shared VM varies by more than the whole plugin costs at a few thousand
 * entries; CPU time of the same bodies rendered back to back, rounds alternating, does not.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, type HastPluginEntry } from 'satteri';
import { buildAutolinkSite, type BodyNames } from '../../src/lib/autolink/autolink-site.ts';
import type { BodyMention } from '../../src/lib/autolink/plan.ts';
import { validateGlossary } from '../../src/lib/checks/validate-glossary.ts';
import { readSourceFiles } from '../../src/lib/entries/read-glossary.ts';
import { autolinkTerms, shareAutolinks } from '../../src/lib/markdown/autolink.ts';
import { MATH_FEATURES } from '../../src/lib/markdown/formulas.ts';
import { loadSiteConfig } from '../../src/lib/site/site-config.ts';

/** The settings timed: the site's default, `autolink: off`, `mentions: explicit`, and no plugin. */
const SETTINGS = ['section', 'off', 'explicit', 'none'] as const;

/** CPU seconds to render every body once, median of the rounds, per setting. */
export type RenderingFigures = Record<(typeof SETTINGS)[number], number> & { bodies: number; rounds: number };

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/**
 * Renders the bodies of `siteDir` `rounds` times under each setting (the name index built inside
 * the timing, as a build builds it) and returns the median CPU time of each.
 */
export async function measureAutolinkRendering(siteDir: string, rounds = 3): Promise<RenderingFigures> {
  const site = loadSiteConfig(siteDir);
  const terms = validateGlossary(await readSourceFiles(siteDir), site).terms.filter((t) => !t.draft);
  // A key of its own in the plugin's registry, so nothing else rendering this site is affected.
  const key = `${siteDir}#render-cost`;
  const bodies = terms.map((t) => ({ body: t.body, path: resolve(siteDir, t.file) }));
  const entries = new Map(terms.map((t, i) => [bodies[i]?.path ?? '', { slug: t.slug, autolink: true }]));
  const renderAll = async (setting: (typeof SETTINGS)[number]) => {
    const start = cpuSeconds();
    let plugins: HastPluginEntry[] = [];
    if (setting !== 'none') {
      const policy: BodyNames = setting;
      const autolinks = buildAutolinkSite(terms, { root: '/', locale: site.locale, policy });
      shareAutolinks(key, { site: autolinks, entries, found: new Map<string, BodyMention[]>() });
      plugins = [autolinkTerms(key)];
    }
    for (const { body, path } of bodies)
      await markdownToHtml(body, {
        features: MATH_FEATURES,
        hastPlugins: plugins,
        fileURL: pathToFileURL(path),
      });
    return cpuSeconds() - start;
  };
  const times = new Map(SETTINGS.map((s) => [s, [] as number[]]));
  await renderAll('section'); // warms Sätteri and the JIT, not counted
  for (let round = 0; round < rounds; round++)
    for (const setting of SETTINGS) times.get(setting)?.push(await renderAll(setting));
  const median = (list: number[] = []) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? NaN;
  return {
    section: median(times.get('section')),
    off: median(times.get('off')),
    explicit: median(times.get('explicit')),
    none: median(times.get('none')),
    bodies: terms.length,
    rounds,
  };
}

/** The table's row for the rendering figures, against the CPU time of the whole build. */
export function renderingRow(f: RenderingFigures, buildCpuSeconds: number): [string, string, string] {
  const s = (n: number) => `${n.toFixed(2)} s`;
  const ofBuild = (n: number) => `${((100 * n) / buildCpuSeconds).toFixed(1)} %`;
  return [
    '  Markdown only, CPU: links / off / explicit / none',
    `${f.section.toFixed(2)} / ${f.off.toFixed(2)} / ${f.explicit.toFixed(2)} / ${s(f.none)}`,
    `${f.bodies} bodies, median of ${f.rounds} rounds in one process; links + mentions ${s(f.section - f.explicit)} (${ofBuild(f.section - f.explicit)} of the build's CPU), links alone ${s(f.section - f.off)}`,
  ];
}
