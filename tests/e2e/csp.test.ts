import { describe, expect, it } from 'vitest';
import { recordViolations, violationsOf } from './support/csp.ts';
import { useSiteTab } from './support/browser.ts';

const tab = useSiteTab();

/** The policy the page declares in its <meta>, as one string. */
const policyOf = () =>
  tab.page.evaluate(
    () => document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '',
  );

describe('the Content-Security-Policy', () => {
  it('is declared by every kind of page, allowing no inline script but the loader', async () => {
    for (const path of ['/', '/definition/negative-gamma/', '/a-z/', '/tags/', '/search/']) {
      await tab.page.goto(`${tab.site.origin}${path}`);
      const policy = await policyOf();
      expect(policy, path).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      expect(policy, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(policy, path).toContain("object-src 'none'");
    }
  });

  it('blocks and reports an inline script that is not the loader', async () => {
    await recordViolations(tab.page);
    await tab.page.goto(`${tab.site.origin}/`);
    await tab.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.ran = "yes"';
      document.head.append(script);
    });
    await expect
      .poll(() => violationsOf(tab.page))
      .toEqual([{ directive: 'script-src-elem', blocked: 'inline', page: '/' }]);
    expect(await tab.page.evaluate(() => document.body.dataset['ran'])).toBeUndefined();
  });

  it('lets the header search box find a term with no violation', async () => {
    await recordViolations(tab.page);
    await tab.page.goto(`${tab.site.origin}/definition/negative-gamma/`);
    await tab.page.locator('#site-search-input').fill('gamma');
    await expect
      .poll(() => tab.page.locator('#site-search-panel .search-hit-title').count())
      .toBeGreaterThan(0);
    expect(await violationsOf(tab.page)).toEqual([]);
  });

  it('lets the search page list results with no violation', async () => {
    await recordViolations(tab.page);
    await tab.page.goto(`${tab.site.origin}/search/?q=delta`);
    await expect.poll(() => tab.page.locator('#search-page-status').textContent()).toMatch(/match “delta”/);
    expect(await violationsOf(tab.page)).toEqual([]);
  });

  it('lets a preview open with its picture, and the keyboard shortcut work, with no violation', async () => {
    await recordViolations(tab.page);
    await tab.page.goto(`${tab.site.origin}/definition/gamma/`);
    await tab.page.hover('.related a[href="/definition/negative-gamma/"]');
    await expect.poll(() => tab.page.locator('#glossa-preview img').count()).toBe(1);
    await tab.page.mouse.move(0, 0);
    await tab.page.keyboard.press('/');
    expect(await tab.page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    expect(await violationsOf(tab.page)).toEqual([]);
  });
});
