import { describe, expect, it } from 'vitest';
import { axeViolations, useSiteTab } from './support/browser.ts';

const tab = useSiteTab();

/** One page of each kind a reader meets. */
const PAGES = [
  '/',
  '/definition/negative-gamma/',
  '/term/liquidity-evaporation/',
  '/definition/',
  '/a-z/',
  '/tags/gamma/',
  '/categories/',
  '/404.html',
];

describe('every kind of page', () => {
  for (const path of PAGES) {
    it(`has no axe-core violations, in light and dark mode: ${path}`, async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await tab.page.emulateMedia({ colorScheme });
        await tab.page.goto(`${tab.site.origin}${path}`);
        expect(await axeViolations(tab.page), `${path} (${colorScheme})`).toEqual([]);
      }
    });
  }

  it('reads on a phone without sideways scrolling of the page', async () => {
    await tab.page.setViewportSize({ width: 375, height: 800 });
    for (const path of PAGES) {
      await tab.page.goto(`${tab.site.origin}${path}`);
      const overflow = await tab.page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  it('runs no script on a term page until search is used', async () => {
    const scripts: string[] = [];
    tab.page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await tab.page.goto(`${tab.site.origin}/definition/negative-gamma/`);
    await tab.page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
  });

  it('prints a term of ordinary length, with its diagram, on at most two A4 pages', async () => {
    await tab.page.goto(`${tab.site.origin}/definition/negative-gamma/`);
    const pdf = await tab.page.pdf({ format: 'A4' });
    // Each page of the PDF is one /Type /Page object (the tree above them is /Type /Pages).
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
  });
});
