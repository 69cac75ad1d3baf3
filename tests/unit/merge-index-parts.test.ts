import { describe, expect, it } from 'vitest';
import { mergeIndexParts } from '../../src/browser/search/merge-parts.ts';
import { PARTS_FILE, partsManifest } from '../../src/lib/search/index-parts.ts';

const INDEX = 'https://example.org/docs/glossary/pagefind/';

/** A stand-in for Pagefind's API that records what it was asked to merge. */
function recordingApi() {
  const merged: { url: string; options: { baseUrl?: string } | undefined }[] = [];
  return {
    merged,
    mergeIndex: (url: string, options?: { baseUrl?: string }) => {
      merged.push({ url, options });
      return Promise.resolve();
    },
  };
}

/** A `fetch` answering only the parts file at `INDEX`, with `body` or the given failure. */
function serving(body: unknown, status = 200) {
  const asked: string[] = [];
  const load = (url: string) => {
    asked.push(url);
    if (url !== `${INDEX}${PARTS_FILE}`) return Promise.resolve(new Response('', { status: 404 }));
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  };
  return { asked, load };
}

describe('mergeIndexParts', () => {
  it('merges every other part, resolved against the index folder, with the first part’s base URL', async () => {
    const api = recordingApi();
    const { load, asked } = serving(partsManifest(3));
    expect(await mergeIndexParts(api, INDEX, { baseUrl: '/docs/glossary/' }, load)).toBe(2);
    expect(asked).toEqual([`${INDEX}${PARTS_FILE}`]);
    expect(api.merged).toEqual([
      { url: `${INDEX}part-2/`, options: { baseUrl: '/docs/glossary/' } },
      { url: `${INDEX}part-3/`, options: { baseUrl: '/docs/glossary/' } },
    ]);
  });

  it('searches the first part alone when the parts file is missing, unreadable or malformed', async () => {
    for (const { load } of [serving({}, 404), serving('not json at all'), serving({ parts: 'part-2/' })]) {
      const api = recordingApi();
      expect(await mergeIndexParts(api, INDEX, {}, load)).toBe(0);
      expect(api.merged).toEqual([]);
    }
    const api = recordingApi();
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await mergeIndexParts(api, INDEX, {}, offline)).toBe(0);
  });

  it('never follows a listed folder out of the index: only part-N/ folders are merged', async () => {
    const api = recordingApi();
    const { load } = serving({
      parts: [
        'part-2/',
        '../../evil/',
        'https://evil.example/pagefind/',
        '//evil.example/',
        'part-x/',
        'part-3',
      ],
    });
    expect(await mergeIndexParts(api, INDEX, {}, load)).toBe(1);
    expect(api.merged.map(({ url }) => url)).toEqual([`${INDEX}part-2/`]);
  });
});
