import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { axeViolations, openSite, resultTitles, type SiteSession } from './support/browser.ts';

let site: SiteSession;
let page: Page;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site.close();
});
beforeEach(async () => {
  page = await site.browser.newPage();
});
afterEach(async () => {
  await page.close();
});

const BOX = '#site-search-input';
const BOX_RESULTS = '#site-search-panel .search-results';
const BOX_STATUS = '#site-search-panel [role="status"]';

/** Types a query into the header box of `path` and waits for its announced result count. */
async function searchFromHeader(path: string, query: string): Promise<string[]> {
  await page.goto(`${site.origin}${path}`);
  await page.locator(BOX).fill(query);
  await expect.poll(() => page.locator(BOX_STATUS).textContent()).toContain(`“${query}”`);
  return resultTitles(page, BOX_RESULTS);
}

describe('search from the header box', () => {
  it('downloads no search code until the box is focused', async () => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script' || r.url().includes('/pagefind/'))
        scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${site.origin}/`);
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
    await page.locator(BOX).focus();
    await expect.poll(() => scripts.some((s) => s === '/pagefind/pagefind.js')).toBe(true);
  });

  it('lists Negative Gamma first for "negative gamma"', async () => {
    const titles = await searchFromHeader('/', 'negative gamma');
    expect(titles[0]).toBe('Negative Gamma');
  });

  it('finds a term by its synonym: "IV" is Implied Volatility, "short gamma" is Negative Gamma', async () => {
    expect((await searchFromHeader('/', 'IV'))[0]).toBe('Implied Volatility');
    expect((await searchFromHeader('/a-z/', 'short gamma'))[0]).toBe('Negative Gamma');
  });

  it('works with the keyboard alone: / focuses, arrows move, Esc closes, Enter opens', async () => {
    await page.goto(`${site.origin}/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    await page.keyboard.type('gamma');
    await expect.poll(() => page.locator(BOX_STATUS).textContent()).toContain('“gamma”');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = (await resultTitles(page, BOX_RESULTS))[1];
    expect(
      await page.evaluate(() => document.activeElement?.querySelector('.search-hit-title')?.textContent),
    ).toBe(second);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    await page.keyboard.press('Escape');
    expect(await page.locator('#site-search-panel').isHidden()).toBe(true);
    await page.keyboard.press('Control+k');
    await page.keyboard.press('ArrowDown');
    const first = (await resultTitles(page, BOX_RESULTS))[0];
    await Promise.all([page.waitForURL(/\/definition\/|\/area\/|\/term\//), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe(first);
  });

  it('shows a visible focus outline on the focused result', async () => {
    await searchFromHeader('/', 'delta');
    await page.keyboard.press('ArrowDown');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).toBe('solid');
  });

  it('has no axe-core violations with the results open', async () => {
    await searchFromHeader('/', 'gamma');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the /search/ page', () => {
  it('searches for ?q= on arrival and narrows results with the section filter', async () => {
    await page.goto(`${site.origin}/search/?q=gamma`);
    const status = page.locator('#search-page-status');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ terms match “gamma”\.$/);
    const all = Number((await status.textContent())?.split(' ')[0]);
    await page.getByRole('checkbox', { name: 'Area' }).check();
    await expect.poll(() => status.textContent()).not.toBe(`${all} terms match “gamma”.`);
    const narrowed = Number((await status.textContent())?.split(' ')[0]);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    const sections = await page.locator('#search-page-results .search-hit-section').allTextContents();
    expect(new Set(sections)).toEqual(new Set(['Area']));
    expect(new URL(page.url()).searchParams.getAll('section')).toEqual(['Area']);
  });

  it('has no axe-core violations with results and filters shown', async () => {
    await page.goto(`${site.origin}/search/?q=volatility`);
    await expect.poll(() => page.locator('#search-page-status').textContent()).toContain('“volatility”');
    expect(await axeViolations(page)).toEqual([]);
  });
});
