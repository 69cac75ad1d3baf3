import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HIDE_DELAY_MS, SHOW_DELAY_MS } from '../../src/browser/preview/previews.ts';
import { SITE_DIR, axeViolations, useSiteTab } from './support/browser.ts';

const tab = useSiteTab();

const PAGE = '/definition/negative-gamma/';
const PREVIEW = '#glossa-preview';
const BODY_LINK = '.prose a[href="/definition/gamma/"]';
const RELATED_LINK = '.related a[href="/definition/positive-gamma/"]';

/** The lede ("Keyword ⎊ summary") of a built entry page, as its preview must repeat it. */
function ledeOf(path: string): string {
  const page = parse(readFileSync(join(SITE_DIR, path, 'index.html'), 'utf8'));
  return page.querySelector('.lede')?.textContent.trim() ?? '';
}

const isOpen = (page: Page) =>
  page.evaluate((id) => document.querySelector(id)?.matches(':popover-open') ?? false, PREVIEW);

async function open(path = PAGE): Promise<Page> {
  await tab.page.goto(`${tab.site.origin}${path}`);
  return tab.page;
}

/** Presses Tab until `link` has the focus, as a keyboard reader reaches it. */
async function tabTo(page: Page, link: Locator): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await link.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Tab never reached the link');
}

describe('entry previews', () => {
  it('loads no preview code or data until a link to an entry is pointed at', async () => {
    const page = await open();
    const fetched: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (/^\/(_astro|glossa-previews)\/.+\.js(on)?$/.test(path)) fetched.push(path);
    });
    await page.waitForLoadState('networkidle');
    await page.hover('h1');
    await page.waitForTimeout(SHOW_DELAY_MS);
    expect(fetched).toEqual([]);
    await page.hover(BODY_LINK);
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(fetched.filter((p) => p.startsWith('/_astro/'))).toHaveLength(1);
    expect(fetched.filter((p) => p.startsWith('/glossa-previews/'))).toEqual(['/glossa-previews/0.json']);
  });

  it('shows the entry on hover after a short delay, described by the link', async () => {
    const page = await open();
    await page.hover(BODY_LINK);
    await page.waitForTimeout(SHOW_DELAY_MS / 4);
    expect(await isOpen(page)).toBe(false);
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(await page.locator(`${PREVIEW} .term-preview-title`).textContent()).toBe('Gamma');
    expect(await page.locator(`${PREVIEW} .term-preview-summary`).textContent()).toBe(
      ledeOf('/definition/gamma/'),
    );
    expect(await page.locator(BODY_LINK).getAttribute('aria-describedby')).toBe('glossa-preview');
    expect(await page.locator(PREVIEW).getAttribute('role')).toBe('tooltip');
  });

  it("shows an entry's picture, from the Related list and from a card", async () => {
    const page = await open('/definition/gamma/');
    // Negative Gamma is under Related, so (no entry twice) a card shows another: Vega.
    for (const [link, title, src] of [
      [
        '.related a[href="/definition/negative-gamma/"]',
        'Negative Gamma',
        '/images/diagrams/gamma-long-short.svg',
      ],
      ['.cards a[href="/definition/vega/"]', 'Vega', '/images/diagrams/vega-vs-spot.svg'],
    ] as const) {
      await page.hover(link);
      await expect.poll(() => page.locator(`${PREVIEW} .term-preview-title`).textContent()).toBe(title);
      expect(await page.locator(`${PREVIEW} img`).getAttribute('src')).toBe(src);
      await page.mouse.move(0, 0);
      await expect.poll(() => isOpen(page)).toBe(false);
    }
  });

  it('stays open while the pointer moves onto the preview, and closes when it leaves both', async () => {
    const page = await open();
    await page.hover(RELATED_LINK);
    await expect.poll(() => isOpen(page)).toBe(true);
    const box = await page.locator(PREVIEW).boundingBox();
    if (!box) throw new Error('the preview has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await page.waitForTimeout(HIDE_DELAY_MS * 2);
    expect(await isOpen(page)).toBe(true);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height + 200);
    await expect.poll(() => isOpen(page)).toBe(false);
    expect(await page.locator(RELATED_LINK).getAttribute('aria-describedby')).toBeNull();
  });

  it('shows on keyboard focus, closes with Escape, and never moves the focus', async () => {
    const page = await open();
    const link = page.locator(RELATED_LINK);
    await tabTo(page, link);
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(await page.locator(`${PREVIEW} .term-preview-title`).textContent()).toBe('Positive Gamma');
    expect(await link.getAttribute('aria-describedby')).toBe('glossa-preview');
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await isOpen(page)).toBe(false);
    expect(await link.getAttribute('aria-describedby')).toBeNull();
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    // The next link gets its own preview; the one left behind no longer points at it.
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.locator(`${PREVIEW} .term-preview-title`).textContent())
      .not.toBe('Positive Gamma');
    expect(await link.getAttribute('aria-describedby')).toBeNull();
  });

  it('gives no preview to links that are not to entries: tags, sections, this page', async () => {
    const page = await open();
    for (const link of ['.term-meta a[href^="/tags/"]', 'header a[href="/definition/"]']) {
      const target = page.locator(link).first();
      if ((await target.count()) === 0) throw new Error(`no ${link} on the page`);
      await target.hover();
      await page.waitForTimeout(SHOW_DELAY_MS * 2);
      expect(await isOpen(page), link).toBe(false);
    }
  });

  it('has no accessibility violations with a preview open', async () => {
    const page = await open();
    await page.hover(BODY_LINK);
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('entry links without previews', () => {
  it('are plain links without JavaScript', async () => {
    const context = await tab.site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${tab.site.origin}${PAGE}`);
    await page.hover(BODY_LINK);
    await page.waitForTimeout(SHOW_DELAY_MS * 2);
    expect(await page.locator(PREVIEW).count()).toBe(0);
    expect(await page.locator('[aria-describedby]').count()).toBe(0);
    await Promise.all([page.waitForURL('**/definition/gamma/'), page.click(BODY_LINK)]);
    expect(await page.locator('h1').textContent()).toBe('Gamma');
    await context.close();
  });

  it('follow the link on a tap, with no preview in between', async () => {
    const context = await tab.site.browser.newContext({
      hasTouch: true,
      isMobile: true,
      viewport: { width: 390, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(`${tab.site.origin}${PAGE}`);
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await Promise.all([page.waitForURL('**/definition/gamma/'), page.tap(BODY_LINK)]);
    expect(await page.locator('h1').textContent()).toBe('Gamma');
    // The preview module was never fetched: a tap is not a hover, nor keyboard focus.
    expect(scripts).toEqual([]);
    await context.close();
  });
});
