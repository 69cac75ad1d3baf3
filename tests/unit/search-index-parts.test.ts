import { describe, expect, it } from 'vitest';
import { mergeIndexParts } from '../../src/browser/search/merge-parts.ts';
import {
  MAX_PARTS,
  PARTS_FILE,
  indexedText,
  partCount,
  partFolder,
  partFoldersOf,
  partOf,
  partsManifest,
} from '../../src/lib/search/index-parts.ts';

const paths = Array.from({ length: 10_000 }, (_, i) => `definition/term-${i}/index.html`);

describe('partCount', () => {
  it('gives one part per part size of pages, at least one and at most MAX_PARTS', () => {
    expect(partCount(0)).toBe(1);
    expect(partCount(60)).toBe(1);
    expect(partCount(1250)).toBe(1);
    expect(partCount(1251)).toBe(2);
    expect(partCount(10_000)).toBe(8);
    expect(partCount(100_000)).toBe(MAX_PARTS);
    expect(partCount(7, 3)).toBe(3);
  });

  it('refuses a part size that is not a whole number of at least 1', () => {
    expect(() => partCount(10, 0)).toThrow(RangeError);
    expect(() => partCount(10, 2.5)).toThrow(RangeError);
  });
});

describe('partOf', () => {
  it('spreads pages evenly over the parts', () => {
    const sizes = new Array<number>(8).fill(0);
    for (const path of paths) sizes[partOf(path, 8)] = (sizes[partOf(path, 8)] ?? 0) + 1;
    // 1,250 each on average; a fair spread stays within a few percent.
    for (const size of sizes) expect(Math.abs(size - 1250)).toBeLessThan(100);
  });

  it('puts a page in the same part whatever other pages there are', () => {
    expect(paths.map((path) => partOf(path, 8))).toEqual(
      [...paths]
        .reverse()
        .map((path) => partOf(path, 8))
        .reverse(),
    );
    expect(partOf('definition/negative-gamma/index.html', 8)).toBe(
      partOf('definition/negative-gamma/index.html', 8),
    );
    expect(paths.every((path) => partOf(path, 1) === 0)).toBe(true);
  });
});

describe('the parts manifest', () => {
  it('lists the folders of every part but the first, which is the index’s own', () => {
    expect(partFolder(0)).toBe('');
    expect(partsManifest(1)).toEqual({ parts: [] });
    expect(partsManifest(3)).toEqual({ parts: ['part-2/', 'part-3/'] });
    expect(partFoldersOf(partsManifest(3))).toEqual(['part-2/', 'part-3/']);
  });

  it('reads only the folders a manifest can hold, never a path elsewhere', () => {
    expect(
      partFoldersOf({ parts: ['part-2/', '../secrets/', 'https://evil.example/', 'part-3', 7, '/part-4/'] }),
    ).toEqual(['part-2/']);
    expect(partFoldersOf(null)).toEqual([]);
    expect(partFoldersOf({ parts: 'part-2/' })).toEqual([]);
  });
});

describe('indexedText', () => {
  const page = (article: string, around = '') =>
    `<!doctype html><html lang="en" data-glossa-root="/"><head><script type="application/ld+json">{"mentions":[]}</script></head><body>${around}${article}<section class="related"><a href="/x/">X</a></section></body></html>`;

  it('is the html tag and the indexed article, nested articles and all', () => {
    const article =
      '<article class="term" data-pagefind-body><h1>Gamma</h1><article class="aside"><p>inner</p></article><p>after</p></article>';
    expect(indexedText(page(article))).toBe(
      `<html lang="en" data-glossa-root="/">\n${article.slice(0, -'</article>'.length)}`,
    );
  });

  it('does not change with the lists around the article, and changes with the article or the language', () => {
    const article = '<article data-pagefind-body><h1>Gamma</h1></article>';
    const base = indexedText(page(article));
    expect(
      indexedText(page(article).replace('<a href="/x/">X</a>', '<a href="/y/">Y, another entry</a>')),
    ).toBe(base);
    expect(indexedText(page(article).replace('"mentions":[]', '"mentions":[1]'))).toBe(base);
    expect(indexedText(page(article.replace('Gamma', 'Delta')))).not.toBe(base);
    expect(indexedText(page(article).replace('lang="en"', 'lang="de"'))).not.toBe(base);
  });

  it('is the whole page when the page has no indexed article or it never ends', () => {
    expect(indexedText(page('<main><h1>All entries</h1></main>'))).toBe(
      page('<main><h1>All entries</h1></main>'),
    );
    const unended = '<html lang="en"><article data-pagefind-body><p>cut off';
    expect(indexedText(unended)).toBe(unended);
  });
});

describe('mergeIndexParts', () => {
  const served =
    (body: unknown, ok = true) =>
    () =>
      Promise.resolve(new Response(JSON.stringify(body), { status: ok ? 200 : 404 }));

  it('merges every listed part, resolved against the index’s folder, with the options given', async () => {
    const merged: [string, unknown][] = [];
    const api = {
      mergeIndex: (path: string, options?: unknown) => Promise.resolve(void merged.push([path, options])),
    };
    const requested: string[] = [];
    const count = await mergeIndexParts(
      api,
      'https://glossary.example/docs/pagefind/',
      { baseUrl: '/docs/' },
      (url) => {
        requested.push(url);
        return served(partsManifest(3))();
      },
    );
    expect(requested).toEqual([`https://glossary.example/docs/pagefind/${PARTS_FILE}`]);
    expect(count).toBe(2);
    expect(merged).toEqual([
      ['https://glossary.example/docs/pagefind/part-2/', { baseUrl: '/docs/' }],
      ['https://glossary.example/docs/pagefind/part-3/', { baseUrl: '/docs/' }],
    ]);
  });

  it('searches the index as it is when it has no parts file, or it cannot be read', async () => {
    const api = { mergeIndex: () => Promise.reject(new Error('nothing should be merged')) };
    await expect(mergeIndexParts(api, 'https://g.example/pagefind/', {}, served({}, false))).resolves.toBe(0);
    await expect(
      mergeIndexParts(api, 'https://g.example/pagefind/', {}, () => Promise.reject(new Error('offline'))),
    ).resolves.toBe(0);
    await expect(
      mergeIndexParts(api, 'https://g.example/pagefind/', {}, () =>
        Promise.resolve(new Response('not json')),
      ),
    ).resolves.toBe(0);
  });
});
