import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPagefindFragments } from '../../bench/support/pagefind-index.ts';
import { checkSite } from '../../src/cli/check-site.ts';
import { buildFixture, readPage, type FixtureBuild } from '../support/build-fixture.ts';

let build: FixtureBuild;
beforeAll(() => {
  build = buildFixture('rich');
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
});

const page = (path: string) => readPage(build.outDir, path);
const body = (path: string) => {
  const prose = page(path).querySelector('.prose');
  if (!prose) throw new Error(`no entry body on ${path}`);
  return prose;
};

describe('formulas', () => {
  it('renders inline and display formulas as MathML, with no script on the page', () => {
    const prose = body('/definition/energy/');
    const [inline, display] = prose.querySelectorAll('math');
    expect(inline?.parentNode?.tagName).toBe('P');
    expect(inline?.getAttribute('display')).toBeUndefined();
    expect(inline?.textContent).toBe('E=mc2');
    expect(display?.getAttribute('display')).toBe('block');
    expect(display?.querySelector('mfrac')).not.toBeNull();
    // The same scripts as on a page without formulas: MathML needs none.
    const scripts = (path: string) =>
      page(path)
        .querySelectorAll('script:not([type="application/ld+json"])')
        .map((script) => script.outerHTML);
    expect(scripts('/definition/energy/')).toEqual(scripts('/definition/hedge-ratio/'));
  });

  it("gives the search index each formula's text, and a broken one's TeX", () => {
    const fragment = readPagefindFragments(build.outDir).find((f) => f.url.endsWith('/definition/energy/'));
    expect(fragment?.content).toContain('related by E=mc2, the best-known');
    expect(fragment?.content).toContain('Γ=∂2V∂S2');
    expect(fragment?.content).toContain('A typo in a formula, \\frac{1}{, is shown');
  });

  it('leaves dollar amounts as text', () => {
    expect(body('/definition/energy/').querySelector('p:last-child')?.textContent).toBe(
      'A kilowatt-hour costs about $0.30, so $10 buys thirty-three of them.',
    );
  });

  it('shows a formula that does not parse as its TeX in code', () => {
    const code = body('/definition/energy/').querySelector('code.math-inline');
    expect(code?.textContent).toBe('\\frac{1}{');
  });

  it('warns about the broken formula in check:content at its file, line and column', async () => {
    const { problems } = await checkSite(join(import.meta.dirname, '../fixtures/rich'));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'content/definition/energy.md',
        line: 19,
        column: 22,
        severity: 'warning',
        message: expect.stringContaining("formula '\\frac{1}{' does not parse: Unexpected end of input"),
      }),
    );
  });

  it('keeps the TeX as written in the Markdown copy', () => {
    const copy = readFileSync(join(build.outDir, 'definition/energy.md'), 'utf8');
    expect(copy).toContain('related by $E = mc^2$, the best-known');
    expect(copy).toContain('$$\n\\Gamma = \\frac{\\partial^2 V}{\\partial S^2}\n$$');
  });
});

describe('code blocks', () => {
  it('are highlighted at build time, each token naming its kind for the theme to colour', () => {
    const pre = body('/definition/energy/').querySelector('pre[data-language="python"]');
    expect(pre?.classList.contains('astro-code')).toBe(true);
    expect(pre?.getAttribute('tabindex')).toBe('0');
    // node-html-parser keeps a <pre>'s content as text by default; parse it as markup.
    const code = parse(pre?.innerHTML ?? '');
    const keyword = code.querySelectorAll('.line > span').find((span) => span.textContent === 'def');
    expect(keyword?.getAttribute('style')).toBe('color:var(--astro-code-token-keyword)');
    expect(code.textContent).toBe('def energy(mass, c=299_792_458):\n    return mass * c ** 2');
  });

  it('have their colours for both themes in the stylesheet', () => {
    const css = page('/definition/energy/')
      .querySelectorAll('link[rel="stylesheet"]')
      .map((link) => readFileSync(join(build.outDir, link.getAttribute('href') ?? ''), 'utf8'))
      .join('\n');
    const keywordColours = css.match(/--astro-code-token-keyword:\s*#[0-9a-f]{6}/gi) ?? [];
    expect(new Set(keywordColours).size).toBe(2);
    expect(css).toMatch(/prefers-color-scheme:\s*dark/);
  });

  it('keep inline code as plain code, without highlighting', () => {
    const inline = body('/definition/energy/').querySelectorAll('p > code');
    expect(inline.map((code) => code.outerHTML)).toContain('<code>energy(1)</code>');
  });
});

describe('long reads', () => {
  const tocLinks = (nav: HTMLElement | null | undefined) =>
    nav?.querySelectorAll('a').map((a) => [a.getAttribute('href'), a.textContent]);

  it('get a table of contents of their h2 and h3 sections, collapsible and beside the text', () => {
    const html = page('/definition/long-read/');
    const compact = html.querySelector('nav.toc-compact[aria-label="Contents"]');
    const aside = html.querySelector('nav.toc-aside[aria-label="Contents"]');
    expect(compact?.querySelector('details > summary')?.textContent).toBe('Contents');
    expect(compact?.querySelector('details')?.hasAttribute('open')).toBe(false);
    const expected = [
      ['#why-it-matters', 'Why it matters'],
      ['#a-detail', 'A detail'],
      ['#how-it-works', 'How it works'],
      ['#worked-example', 'Worked example'],
    ];
    expect(tocLinks(compact)).toEqual(expected);
    expect(tocLinks(aside)).toEqual(expected);
    for (const [target] of expected) expect(html.querySelector(`h2${target}, h3${target}`)).not.toBeNull();
    // Kept out of the search index: the headings themselves are already in it.
    expect(compact?.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(aside?.hasAttribute('data-pagefind-ignore')).toBe(true);
  });

  it('are the only entries with one: two sections are not enough', () => {
    expect(page('/definition/hedge-ratio/').querySelector('nav.toc')).toBeNull();
    expect(page('/definition/energy/').querySelector('nav.toc')).toBeNull();
  });

  it('give each heading a link to itself, named once, outside the heading', () => {
    const heading = body('/definition/long-read/').querySelector('h2#how-it-works');
    expect(heading?.textContent).toBe('How it works');
    const anchor = heading?.nextElementSibling;
    expect(anchor?.tagName).toBe('A');
    expect(anchor?.getAttribute('href')).toBe('#how-it-works');
    expect(anchor?.getAttribute('aria-label')).toBe('Link to the section “How it works”');
    expect(anchor?.querySelector('span')?.getAttribute('aria-hidden')).toBe('true');
    expect(body('/definition/hedge-ratio/').querySelectorAll('a.heading-anchor')).toHaveLength(2);
    // Four sections and subsections; the footnotes' screen-reader-only heading gets no link.
    expect(body('/definition/long-read/').querySelectorAll('a.heading-anchor')).toHaveLength(4);
  });
});

describe('tables', () => {
  it('sit in a focusable, labelled region that scrolls when they are wider than the column', () => {
    const region = body('/definition/long-read/').querySelector('.table-scroll');
    expect(region?.getAttribute('tabindex')).toBe('0');
    expect(region?.getAttribute('role')).toBe('region');
    expect(region?.getAttribute('aria-label')).toBe('Table 1');
    expect(region?.querySelector('table th')?.textContent).toBe('Instrument');
  });
});

describe('dates and counts', () => {
  it("show dates in the site locale's words and keep ISO in the datetime", () => {
    const times = page('/definition/energy/').querySelectorAll('.term-meta time');
    expect(times.map((t) => [t.getAttribute('datetime'), t.textContent])).toEqual([
      ['2026-03-15', 'March 15, 2026'],
      ['2026-05-02', 'May 2, 2026'],
    ]);
  });

  it('count entries in words that agree with the number', () => {
    const home = page('/');
    expect(home.querySelector('.section-list .count')?.textContent).toBe('3 entries');
    expect(home.querySelector('a.button')?.textContent).toBe('Browse all 3 terms A–Z');
    const tag = page('/tags/physics/').querySelector('meta[name="description"]')?.getAttribute('content');
    expect(tag).toBe('1 entry of Rich Fixture Glossary with the tag physics.');
  });
});
