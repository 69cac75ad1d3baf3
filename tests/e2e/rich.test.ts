import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildFixture } from '../support/build-fixture.ts';
import { axeViolations, openSite, type SiteSession } from './support/browser.ts';
import { recordViolations, violationsOf } from './support/csp.ts';

// The rich fixture: formulas, a highlighted code block, a long read with a wide table.
let site: SiteSession;
let page: Page;
beforeAll(async () => {
  const build = buildFixture('rich', {}, 'e2e-rich');
  if (build.status !== 0) throw new Error(`rich fixture build failed:\n${build.output}`);
  site = await openSite(build.outDir);
}, 120_000);
afterAll(async () => {
  await site?.close();
});
beforeEach(async () => {
  page = await site.browser.newPage();
});
afterEach(async () => {
  await page?.close();
});

// Rendered and not hidden by display, visibility or a closed <details>.
const visible = (selector: string) =>
  page
    .locator(selector)
    .evaluateAll((nodes) => nodes.map((node) => node.checkVisibility({ visibilityProperty: true })));

describe('rich entries in a browser', () => {
  it('lay out MathML formulas with height, inline and as a block', async () => {
    await page.goto(`${site.origin}/definition/energy/`);
    const heights = await page
      .locator('.prose math')
      .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().height));
    expect(heights).toHaveLength(2);
    for (const height of heights) expect(height).toBeGreaterThan(10);
    // The display formula's fraction stacks: taller than a line of text.
    expect(heights[1]).toBeGreaterThan(heights[0] ?? 0);
  });

  it('show formulas, highlighted code and wide tables with no Content-Security-Policy violation', async () => {
    await recordViolations(page);
    for (const path of ['/definition/energy/', '/definition/long-read/']) {
      await page.goto(`${site.origin}${path}`);
      await page.waitForLoadState('networkidle');
      expect(await violationsOf(page), path).toEqual([]);
    }
  });

  it('colour code tokens differently in the light and the dark scheme', async () => {
    const keywordColour = async (colorScheme: 'light' | 'dark') => {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${site.origin}/definition/energy/`);
      return page
        .locator('pre.astro-code .line span')
        .first()
        .evaluate((node) => getComputedStyle(node).color);
    };
    const light = await keywordColour('light');
    const dark = await keywordColour('dark');
    expect(light).not.toBe(dark);
    expect(light).not.toBe('rgb(0, 0, 0)');
  });

  it('let a keyboard user reach a wide table on a phone and scroll it', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${site.origin}/definition/long-read/`);
    const region = page.getByRole('region', { name: 'Table 1' });
    const overflow = await region.evaluate((node) => node.scrollWidth - node.clientWidth);
    expect(overflow).toBeGreaterThan(0);
    await region.focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Table 1');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((node) => node.scrollLeft)).toBeGreaterThan(0);
    // The page itself does not scroll sideways.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
  });

  it('show the contents beside the text on a wide screen and as a closed list on a phone', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.origin}/definition/long-read/`);
    expect(await visible('nav.toc-aside')).toEqual([true]);
    expect(await visible('nav.toc-compact')).toEqual([false]);
    const aside = await page.locator('nav.toc-aside').boundingBox();
    const prose = await page.locator('.prose').boundingBox();
    expect(aside?.x).toBeGreaterThan((prose?.x ?? 0) + (prose?.width ?? 0));

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await visible('nav.toc-aside')).toEqual([false]);
    expect(await visible('nav.toc-compact')).toEqual([true]);
    expect(await visible('nav.toc-compact > details > ol')).toEqual([false]);
    await page.locator('nav.toc-compact summary').click();
    expect(await visible('nav.toc-compact > details > ol')).toEqual([true]);
  });

  it('print the term and its diagram without the chrome, links followed by their address', async () => {
    await page.goto(`${site.origin}/definition/energy/`);
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.site-search', '.site-header nav', '.breadcrumb', '.discover', '.related']) {
      expect(await visible(chrome), chrome).not.toContain(true);
    }
    expect(await visible('h1')).toEqual([true]);
    expect(await visible('.term-figure img')).toEqual([true]);
    const after = (selector: string) =>
      page.locator(selector).evaluate((node) => getComputedStyle(node, '::after').content);
    expect(await after('.prose a[href="/definition/long-read/"]')).toContain('https://rich.example.org');
    expect(await after('.prose a[href^="https://en.wikipedia.org"]')).toContain(
      '(https://en.wikipedia.org/wiki/Energy)',
    );
    await page.goto(`${site.origin}/definition/long-read/`);
    expect(await visible('.toc')).not.toContain(true);
    expect(await visible('.heading-anchor')).not.toContain(true);
  });

  for (const width of [390, 1280]) {
    it(`has no axe-core violations at ${width} px, in light and dark mode`, async () => {
      await page.setViewportSize({ width, height: 900 });
      for (const path of ['/definition/energy/', '/definition/long-read/']) {
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await page.goto(`${site.origin}${path}`);
          expect(await axeViolations(page), `${path} ${width}px ${colorScheme}`).toEqual([]);
        }
      }
    });
  }
});
