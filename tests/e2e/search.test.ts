import { describe, expect, it } from 'vitest';
import { axeViolations, resultTitles, useSiteTab } from './support/browser.ts';

const tab = useSiteTab();

const BOX = '#site-search-input';
const BOX_RESULTS = '#site-search-panel .search-results';
const BOX_STATUS = '#site-search-panel [role="status"]';

/** Types a query into the header box of `path` and waits for its announced result count. */
async function searchFromHeader(path: string, query: string): Promise<string[]> {
  await tab.page.goto(`${tab.site.origin}${path}`);
  await tab.page.locator(BOX).fill(query);
  await expect.poll(() => tab.page.locator(BOX_STATUS).textContent()).toContain(`“${query}”`);
  return resultTitles(tab.page, BOX_RESULTS);
}

describe('search from the header box', () => {
  it('downloads no search code until the box is focused', async () => {
    const scripts: string[] = [];
    tab.page.on('request', (r) => {
      if (r.resourceType() === 'script' || r.url().includes('/pagefind/'))
        scripts.push(new URL(r.url()).pathname);
    });
    await tab.page.goto(`${tab.site.origin}/`);
    await tab.page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
    await tab.page.locator(BOX).focus();
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
    await tab.page.goto(`${tab.site.origin}/`);
    await tab.page.keyboard.press('/');
    expect(await tab.page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    await tab.page.keyboard.type('gamma');
    await expect.poll(() => tab.page.locator(BOX_STATUS).textContent()).toContain('“gamma”');
    await tab.page.keyboard.press('ArrowDown');
    await tab.page.keyboard.press('ArrowDown');
    const second = (await resultTitles(tab.page, BOX_RESULTS))[1];
    expect(
      await tab.page.evaluate(() => document.activeElement?.querySelector('.search-hit-title')?.textContent),
    ).toBe(second);
    await tab.page.keyboard.press('ArrowUp');
    await tab.page.keyboard.press('ArrowUp');
    expect(await tab.page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    await tab.page.keyboard.press('Escape');
    expect(await tab.page.locator('#site-search-panel').isHidden()).toBe(true);
    await tab.page.keyboard.press('Control+k');
    await tab.page.keyboard.press('ArrowDown');
    const first = (await resultTitles(tab.page, BOX_RESULTS))[0];
    await Promise.all([
      tab.page.waitForURL(/\/definition\/|\/area\/|\/term\//),
      tab.page.keyboard.press('Enter'),
    ]);
    expect(await tab.page.locator('h1').textContent()).toBe(first);
  });

  it('shows a visible focus outline on the focused result', async () => {
    await searchFromHeader('/', 'delta');
    await tab.page.keyboard.press('ArrowDown');
    const outline = await tab.page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).toBe('solid');
  });

  it('has no axe-core violations with the results open', async () => {
    await searchFromHeader('/', 'gamma');
    expect(await axeViolations(tab.page)).toEqual([]);
  });
});

describe('the /search/ page', () => {
  it('searches for ?q= on arrival and narrows results with the section filter', async () => {
    await tab.page.goto(`${tab.site.origin}/search/?q=gamma`);
    const status = tab.page.locator('#search-page-status');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ terms match “gamma”\.$/);
    const all = Number((await status.textContent())?.split(' ')[0]);
    await tab.page.getByRole('checkbox', { name: 'Area' }).check();
    await expect.poll(() => status.textContent()).not.toBe(`${all} terms match “gamma”.`);
    const narrowed = Number((await status.textContent())?.split(' ')[0]);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    const sections = await tab.page.locator('#search-page-results .search-hit-section').allTextContents();
    expect(new Set(sections)).toEqual(new Set(['Area']));
    expect(new URL(tab.page.url()).searchParams.getAll('section')).toEqual(['Area']);
  });

  it('has no axe-core violations with results and filters shown', async () => {
    await tab.page.goto(`${tab.site.origin}/search/?q=volatility`);
    await expect.poll(() => tab.page.locator('#search-page-status').textContent()).toContain('“volatility”');
    expect(await axeViolations(tab.page)).toEqual([]);
  });
});
