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

  it.each([
    ['gamam', 'Gamma'],
    ['gama', 'Gamma'],
    ['gammma', 'Gamma'],
    ['delat', 'Delta'],
    ['thetta', 'Theta'],
  ])('forgives the typo "%s": says so and lists %s first', async (typo, title) => {
    const titles = await searchFromHeader('/', typo);
    expect(titles[0]).toBe(title);
    expect(await tab.page.locator(BOX_STATUS).textContent()).toMatch(
      new RegExp(`^No terms match “${typo}”\\. Showing \\d+ terms for “${title}”\\.$`),
    );
    expect(await tab.page.locator('#site-search-panel .search-suggestion').allTextContents()).toEqual([
      title,
    ]);
  });

  it('corrects a misspelt word: "volatilty" searches "volatility"', async () => {
    const titles = await searchFromHeader('/', 'volatilty');
    expect(titles[0]).toMatch(/Volatility$/);
    expect(await tab.page.locator(BOX_STATUS).textContent()).toContain('for “volatility”');
  });

  it('fetches the names list for suggestions only when a query matches nothing', async () => {
    const names: string[] = [];
    tab.page.on('request', (r) => {
      if (r.url().endsWith('/search/names.json')) names.push(r.url());
    });
    await searchFromHeader('/', 'gamma');
    expect(names).toEqual([]);
    await tab.page.locator(BOX).fill('gamam');
    await expect.poll(() => tab.page.locator(BOX_STATUS).textContent()).toContain('“gamam”');
    expect(names).toHaveLength(1);
  });

  it.each(['xyzzy', 'qqq', 'kubernetes'])('admits that nothing matches "%s"', async (nonsense) => {
    const titles = await searchFromHeader('/', nonsense);
    expect(titles).toEqual([]);
    expect(await tab.page.locator(BOX_STATUS).textContent()).toBe(`No terms match “${nonsense}”.`);
    expect(await tab.page.locator('#site-search-panel .search-see-all').isHidden()).toBe(true);
  });

  it('does not count a match in a footnote citation as a hit', async () => {
    // "Subrahmanyam" appears only in a footnote of Implied Volatility.
    expect(await searchFromHeader('/', 'Subrahmanyam')).toEqual([]);
  });

  it('shows body excerpts with their spaces, and the summary when the title matched', async () => {
    await searchFromHeader('/', 'liquidity spiral');
    const excerpts = await tab.page.locator(`${BOX_RESULTS} .search-hit-excerpt`).allTextContents();
    for (const text of excerpts) expect(text).not.toMatch(/Meaning ⎊|Footnotes|Also known as/);
    // What follows each highlight: never a letter glued to it, as when the space was lost.
    const after = await tab.page
      .locator(`${BOX_RESULTS} mark`)
      .evaluateAll((marks) => marks.map((m) => m.nextSibling?.textContent?.[0] ?? ''));
    expect(after.length).toBeGreaterThan(0);
    for (const next of after) expect(next).not.toMatch(/[\p{L}\p{N}]/u);
    const titles = await resultTitles(tab.page, BOX_RESULTS);
    // The title matched, so the entry shows its summary rather than a passage.
    expect(excerpts[titles.indexOf('Liquidity Spirals')]).toMatch(
      /^A liquidity spiral is a self-reinforcing/,
    );
  });

  it('ends the list with "See all N results", which opens the search page on that query', async () => {
    const titles = await searchFromHeader('/', 'gamma');
    const status = (await tab.page.locator(BOX_STATUS).textContent()) ?? '';
    const total = Number(status.split(' ')[0]);
    expect(total).toBeGreaterThan(titles.length);
    const seeAll = tab.page.locator('#site-search-panel .search-see-all');
    expect(await seeAll.textContent()).toBe(`See all ${total} results`);
    // Reached with the keyboard: past the last result.
    for (let i = 0; i <= titles.length; i++) await tab.page.keyboard.press('ArrowDown');
    expect(await tab.page.evaluate(() => document.activeElement?.className)).toBe('search-see-all');
    await Promise.all([tab.page.waitForURL(/\/search\/\?q=gamma$/), tab.page.keyboard.press('Enter')]);
    await expect
      .poll(() => tab.page.locator('#search-page-status').textContent())
      .toBe(`${total} terms match “gamma”.`);
  });

  it('has no axe-core violations with the results open', async () => {
    await searchFromHeader('/', 'gamma');
    expect(await axeViolations(tab.page)).toEqual([]);
  });
});

/** WCAG contrast ratio of two computed CSS colours (`rgb(r, g, b)`). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r = 0, g = 0, bl = 0] = (css.match(/[\d.]+/g) ?? []).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('search on phones and in both themes', () => {
  it.each(['light', 'dark'] as const)(
    'highlights matches with at least AA contrast in the %s theme',
    async (colorScheme) => {
      await tab.page.emulateMedia({ colorScheme });
      await searchFromHeader('/', 'liquidation cascade');
      const colours = await tab.page
        .locator(`${BOX_RESULTS} mark`)
        .first()
        .evaluate((mark) => [getComputedStyle(mark).color, getComputedStyle(mark).backgroundColor]);
      const [fg = '', bg = ''] = colours;
      expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
      expect(await axeViolations(tab.page)).toEqual([]);
    },
  );

  it('gives the box the full width on a phone, with a placeholder naming no key', async () => {
    const phone = await tab.site.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    try {
      const page = await phone.newPage();
      await page.goto(`${tab.site.origin}/`);
      const box = page.locator(BOX);
      expect(await box.getAttribute('placeholder')).toBe('Search terms');
      expect(await page.locator('.search-key').isHidden()).toBe(true);
      const header = await page.locator('.site-header').evaluate((h) => {
        const style = getComputedStyle(h);
        return h.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      });
      expect((await box.boundingBox())?.width).toBeCloseTo(header, 0);
      await box.fill('gamma');
      await expect.poll(() => page.locator(BOX_STATUS).textContent()).toContain('“gamma”');
      expect((await page.locator('#site-search-panel').boundingBox())?.width).toBeCloseTo(header, 0);
    } finally {
      await phone.close();
    }
  });

  it('shows the "/" shortcut where there is a keyboard', async () => {
    await tab.page.goto(`${tab.site.origin}/`);
    expect(await tab.page.locator('.search-key').isVisible()).toBe(true);
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

  it('lists every result with "Show more", moving focus to the first new one', async () => {
    await tab.page.goto(`${tab.site.origin}/search/?q=gamma`);
    const status = tab.page.locator('#search-page-status');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ terms match “gamma”\.$/);
    const total = Number((await status.textContent())?.split(' ')[0]);
    const hits = tab.page.locator('#search-page-results .search-hit');
    expect(await hits.count()).toBe(10);
    const more = tab.page.getByRole('button', { name: /^Show more/ });
    await more.focus();
    await tab.page.keyboard.press('Enter');
    await expect.poll(() => hits.count()).toBe(Math.min(total, 30));
    expect(
      await tab.page.evaluate(() => document.activeElement?.closest('li')?.previousElementSibling),
    ).not.toBeNull();
    while (await more.isVisible()) {
      const before = await hits.count();
      await more.click();
      await expect.poll(() => hits.count()).toBeGreaterThan(before);
    }
    expect(await hits.count()).toBe(total);
    const urls = await hits.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(new Set(urls).size).toBe(total);
  });

  it('keeps a typo search honest and suggests from the page too', async () => {
    await tab.page.goto(`${tab.site.origin}/search/?q=xyzzy`);
    await expect
      .poll(() => tab.page.locator('#search-page-status').textContent())
      .toBe('No terms match “xyzzy”.');
    await tab.page.locator('#search-page-input').fill('thetta');
    await expect
      .poll(() => tab.page.locator('#search-page-status').textContent())
      .toMatch(/^No terms match “thetta”\. Showing \d+ terms? for “Theta”\.$/);
    expect((await resultTitles(tab.page, '#search-page-results'))[0]).toBe('Theta');
    expect(new URL(tab.page.url()).searchParams.get('q')).toBe('thetta');
  });

  it('works from the keyboard: type, arrow down through results, Enter opens one', async () => {
    await tab.page.goto(`${tab.site.origin}/search/`);
    await tab.page.locator('#search-page-input').focus();
    await tab.page.keyboard.type('vega');
    await expect.poll(() => tab.page.locator('#search-page-status').textContent()).toContain('“vega”');
    await tab.page.keyboard.press('ArrowDown');
    const first = (await resultTitles(tab.page, '#search-page-results'))[0];
    await Promise.all([tab.page.waitForURL(/\/definition\//), tab.page.keyboard.press('Enter')]);
    expect(await tab.page.locator('h1').textContent()).toBe(first);
  });

  it('has no axe-core violations with results and filters shown', async () => {
    await tab.page.goto(`${tab.site.origin}/search/?q=volatility`);
    await expect.poll(() => tab.page.locator('#search-page-status').textContent()).toContain('“volatility”');
    expect(await axeViolations(tab.page)).toEqual([]);
  });
});
