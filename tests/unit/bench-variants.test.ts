import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateGlossary } from '../../bench/generate.ts';
import { renderingRow } from '../../bench/support/render-cost.ts';
import { loadSiteConfig } from '../../src/lib/site/site-config.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The autolink settings of a generated benchmark site, as the product reads its config. */
function settingsOf(options: Parameters<typeof generateGlossary>[3]) {
  const dir = mkdtempSync(join(tmpdir(), 'glossa-bench-variant-'));
  dirs.push(dir);
  generateGlossary(dir, 10, 42, options);
  const { autolink, mentions } = loadSiteConfig(dir);
  return { autolink, mentions };
}

describe('the benchmark variants of --autolink-cost', () => {
  it('builds the full feature, the links off, and the whole feature off', () => {
    expect(settingsOf({})).toEqual({ autolink: 'section', mentions: 'body' });
    expect(settingsOf({ autolink: 'off' })).toEqual({ autolink: 'off', mentions: 'body' });
    expect(settingsOf({ mentions: 'explicit' })).toEqual({ autolink: 'off', mentions: 'explicit' });
  });

  it("prices the plugin's rendering against the build's CPU time", () => {
    const figures = { section: 0.7, off: 0.61, explicit: 0.09, none: 0.07, bodies: 2000, rounds: 3 };
    expect(renderingRow(figures, 24.4)).toEqual([
      '  Markdown only, CPU: links / off / explicit / none',
      '0.70 / 0.61 / 0.09 / 0.07 s',
      "2000 bodies, median of 3 rounds in one process; links + mentions 0.61 s (2.5 % of the build's CPU), links alone 0.09 s",
    ]);
  });
});
