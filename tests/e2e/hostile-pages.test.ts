import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLoader } from '../../src/lib/pages/inline-loader.ts';
import { buildSite, listFiles } from '../support/build-fixture.ts';
import { HOSTILE_CASES, entry, writeHostileSite } from '../support/hostile-cases.ts';
import { openSite, type SiteSession } from './support/browser.ts';

// The hostile inputs that are legitimate enough to publish (a title that tries to close the
// JSON-LD script, raw HTML with <script> and onerror in a body, …), built for real and opened in
// Chromium. The pages' Content-Security-Policy is bypassed here on purpose: it would stop these
// payloads too, and this test is about the escaping beneath it.
let site: SiteSession;
let context: BrowserContext;
let pages: string[];
let files: string[];
const ran: string[] = [];

beforeAll(async () => {
  const siteDir = writeHostileSite(HOSTILE_CASES.filter((c) => 'published' in c.expect));
  // The schemes besides http(s) that entries may link with, so that there are links to click.
  writeFileSync(
    join(siteDir, 'content/definition/other-schemes.md'),
    entry('Other Schemes', '[Write](mailto:editor@example.org) or [call](tel:+15550100) the editor.'),
  );
  const build = buildSite(siteDir, 'e2e-hostile');
  if (build.status !== 0) throw new Error(`hostile site build failed:\n${build.output}`);
  const all = listFiles(build.outDir);
  pages = all.filter((file) => file.endsWith('.html')).map((file) => `/${file.replace(/index\.html$/, '')}`);
  files = all.filter((file) => file.endsWith('.svg')).map((file) => `/${file}`);
  site = await openSite(build.outDir);
  context = await site.browser.newContext({ bypassCSP: true });
  // Anything a payload could call to show it ran reports here instead.
  await context.exposeFunction('__reportScript', (what: string) => ran.push(what));
  await context.addInitScript(() => {
    const report = (window as unknown as { __reportScript: (what: string) => void }).__reportScript;
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      Object.defineProperty(window, name, {
        value: (...args: unknown[]) => report(`${name}(${args.join(',')})`),
      });
    }
  });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await site?.close();
});

/** What a page holds that could run: scripts that are not Glossa's own, handlers, script URLs. */
function scriptSurface(page: Page, loader: string): Promise<string[]> {
  return page.evaluate((loaderText) => {
    const found: string[] = [];
    for (const script of document.querySelectorAll('script')) {
      const inTemplate = script.closest('template') !== null || script.getRootNode() !== document;
      const own =
        script.type === 'application/ld+json' ||
        (script.src !== '' && new URL(script.src).origin === location.origin) ||
        script.textContent === loaderText;
      if (!own && !inTemplate) found.push(`script: ${script.outerHTML.slice(0, 80)}`);
    }
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(attribute.name)) {
          const url = new URL(attribute.value, location.href);
          if (!/^(https?|mailto|tel):$/.test(url.protocol))
            found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        }
      }
    }
    return found;
  }, loader);
}

describe('the built hostile pages in a browser', () => {
  it('would notice a payload: the trap reports a script that calls alert', async () => {
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'alert(1)';
      document.body.append(script);
    });
    await expect.poll(() => [...ran]).toEqual(['alert(1)']);
    ran.length = 0;
    await page.close();
  });

  it('run no script of an entry on any page, and hold nothing that could', async () => {
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const surface: string[] = [];
    const loader = readLoader();
    expect(pages).toEqual(expect.arrayContaining(['/definition/raw-html/', '/definition/script-title/']));
    for (const path of pages) {
      await page.goto(`${site.origin}${path}`);
      await page.waitForLoadState('load');
      surface.push(...(await scriptSurface(page, loader)).map((line) => `${path}: ${line}`));
    }
    expect(surface).toEqual([]);
    // The raw HTML is there, as text a reader can see.
    await page.goto(`${site.origin}/definition/raw-html/`);
    expect(await page.locator('.prose').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(ran).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('follow every link that does not go to an http(s) page without running anything', async () => {
    const navigations: string[] = [];
    let clicked = 0;
    for (const path of pages) {
      // A page of its own for each path: a clicked mailto: or tel: link leaves Chromium handing
      // the address to the system, and a goto on the same page during that can abort.
      const page = await context.newPage();
      page.on('framenavigated', (frame) => navigations.push(frame.url()));
      await page.goto(`${site.origin}${path}`);
      const links = await page
        .locator('a[href]')
        .evaluateAll((as) =>
          as
            .map((a, index) => ({ index, protocol: new URL((a as HTMLAnchorElement).href).protocol }))
            .filter((a) => a.protocol !== 'http:' && a.protocol !== 'https:'),
        );
      for (const { index } of links) {
        await page.locator('a[href]').nth(index).click({ noWaitAfter: true, timeout: 2000 });
        clicked += 1;
      }
      await page.close();
    }
    expect(clicked).toBe(2);
    expect(navigations.filter((url) => !/^https?:|^about:blank$/.test(url))).toEqual([]);
    expect(ran).toEqual([]);
  });

  it('run nothing when an SVG from public/ is opened on its own', async () => {
    expect(files.length).toBeGreaterThan(0);
    const page = await context.newPage();
    for (const path of files) await page.goto(`${site.origin}${path}`);
    expect(ran).toEqual([]);
    await page.close();
  });
});
