import { describe, expect, it } from 'vitest';
import {
  buildHeadersFile,
  IMMUTABLE,
  MAX_RULES,
  REVALIDATE,
  type OutputListing,
} from '../../../src/lib/outputs/headers-file.ts';

const listing: OutputListing = {
  folders: ['term', '_astro', 'definition', 'pagefind', 'search'],
  astroFiles: ['BaseLayout.C6noSfy6.css', 'engine.C3AXMU1v.js'],
  pagefindFiles: ['pagefind.js', 'pagefind.en_f4a0154c47.pf_meta', 'wasm.en.pagefind'],
  pagefindFolders: ['filter', 'fragment', 'index'],
};

/** The rules of a `_headers` text, as path → header lines. */
function rulesOf(text: string): Map<string, string[]> {
  const rules = new Map<string, string[]>();
  for (const block of text.split('\n\n')) {
    const [path, ...headers] = block.split('\n').filter((line) => line && !line.startsWith('#'));
    if (path)
      rules.set(
        path,
        headers.map((h) => h.trim()),
      );
  }
  return rules;
}

describe('buildHeadersFile', () => {
  it('sends security headers everywhere, caches hashed files forever and revalidates the rest', () => {
    expect(buildHeadersFile(listing)).toMatchInlineSnapshot(`
      "# Written by Glossa at each build, for hosts that read _headers (Netlify, Cloudflare Pages).

      /*
        X-Content-Type-Options: nosniff
        Referrer-Policy: strict-origin-when-cross-origin
        Content-Security-Policy: frame-ancestors 'self'
        X-Frame-Options: SAMEORIGIN

      /
        Cache-Control: public, max-age=0, must-revalidate

      /definition/*
        Cache-Control: public, max-age=0, must-revalidate

      /search/*
        Cache-Control: public, max-age=0, must-revalidate

      /term/*
        Cache-Control: public, max-age=0, must-revalidate

      /pagefind/pagefind.js
        Cache-Control: public, max-age=0, must-revalidate

      /pagefind/wasm.en.pagefind
        Cache-Control: public, max-age=0, must-revalidate

      /_astro/*
        Cache-Control: public, max-age=31536000, immutable

      /pagefind/fragment/*
        Cache-Control: public, max-age=31536000, immutable

      /pagefind/index/*
        Cache-Control: public, max-age=31536000, immutable

      /pagefind/filter/*
        Cache-Control: public, max-age=31536000, immutable

      /pagefind/pagefind.en_f4a0154c47.pf_meta
        Cache-Control: public, max-age=31536000, immutable
      "
    `);
  });

  it('sets each header in one rule only, so hosts that join repeated headers send one value', () => {
    const rules = [...rulesOf(buildHeadersFile(listing)).values()];
    const cacheRules = rules.filter((headers) => headers.some((h) => h.startsWith('Cache-Control:')));
    expect(cacheRules.every((headers) => headers.length === 1)).toBe(true);
    expect(
      rules.filter((headers) => headers.some((h) => h.startsWith('X-Content-Type-Options:'))),
    ).toHaveLength(1);
  });

  it('does not cache _astro/ forever when a file there has no hash in its name (one copied from public/)', () => {
    const text = buildHeadersFile({ ...listing, astroFiles: [...listing.astroFiles, 'logo.png'] });
    expect(rulesOf(text).has('/_astro/*')).toBe(false);
  });

  it('leaves out the revalidation rules, the hosts’ default, rather than pass the rule limit', () => {
    const folders = Array.from({ length: MAX_RULES }, (_, i) => `folder-${i}`);
    const rules = rulesOf(buildHeadersFile({ ...listing, folders }));
    expect(rules.size).toBeLessThanOrEqual(MAX_RULES);
    expect(rules.has('/_astro/*')).toBe(true);
    expect(rules.has('/folder-0/*')).toBe(false);
  });

  it('caches the hashed files of every part of an index in parts forever, and revalidates its entry file', () => {
    const parts = Array.from({ length: 15 }, (_, i) => ({
      name: `part-${i + 2}`,
      files: ['pagefind-entry.json', `pagefind.en_${(i + 10).toString(16).padStart(10, '0')}.pf_meta`],
      folders: ['filter', 'fragment', 'index'],
    }));
    const rules = rulesOf(
      buildHeadersFile({
        ...listing,
        pagefindFolders: [...listing.pagefindFolders, ...parts.map((p) => p.name)],
        pagefindParts: parts,
      }),
    );
    const cache = (path: string) => rules.get(path)?.find((h) => h.startsWith('Cache-Control:'));
    expect(cache('/pagefind/part-2/fragment/*')).toBe(`Cache-Control: ${IMMUTABLE}`);
    expect(cache('/pagefind/part-16/index/*')).toBe(`Cache-Control: ${IMMUTABLE}`);
    expect(cache('/pagefind/part-9/pagefind.en_0000000011.pf_meta')).toBe(`Cache-Control: ${IMMUTABLE}`);
    // A part folder is not itself one of Pagefind's hashed folders: its entry file names its meta.
    expect(rules.has('/pagefind/part-2/*')).toBe(false);
    expect(cache('/pagefind/part-2/pagefind-entry.json')).toBe(`Cache-Control: ${REVALIDATE}`);
    // Sixteen parts, the most an index is cut into, stay within the hosts' limit.
    expect(rules.size).toBeLessThanOrEqual(MAX_RULES);
    expect([...rules.keys()].filter((path) => path.startsWith('/pagefind/part-'))).toHaveLength(15 * 5);
  });
});
