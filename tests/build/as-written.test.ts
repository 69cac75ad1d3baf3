import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { readGitDates } from '../../src/lib/git-dates.ts';
import { tagPath } from '../../src/lib/urls.ts';
import { buildFixture, readPage, type FixtureBuild } from '../support/build-fixture.ts';

// Entries as other people write them: no summary, no date, an empty list, a Greek title, a tag in
// two cases, a summary longer than a meta description.
let build: FixtureBuild;
beforeAll(() => {
  build = buildFixture('as-written');
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
});

const page = (path: string) => readPage(build.outDir, path);
const meta = (doc: HTMLElement, key: string) =>
  doc
    .querySelectorAll(`meta[name="${key}"], meta[property="${key}"]`)
    .map((element) => element.getAttribute('content'));

describe('a glossary as its authors wrote it', () => {
  it('takes a missing summary from the body’s first sentence, on the page and in the head', () => {
    const doc = page('/definition/zeta-function/');
    const summary = 'The Ζ-function extends the sum of 1/n^s to the whole complex plane.';
    expect(meta(doc, 'description')).toEqual([summary]);
    expect(doc.querySelector('main')?.textContent).toContain(summary);
  });

  it('cuts a long summary to 160 characters in the head and shows it in full on the page', () => {
    const doc = page('/definition/latency/');
    const full =
      'Latency is the time a request spends between leaving the client and the first byte of the answer arriving back, which is what users feel as slowness on every click.';
    const [description] = meta(doc, 'description');
    expect(description).toBe(
      'Latency is the time a request spends between leaving the client and the first byte of the answer arriving back, which is what users feel as slowness on every…',
    );
    expect(doc.querySelector('main')?.textContent).toContain(full);
  });

  it('shows a tag written in two cases once, in its most common spelling', () => {
    const doc = page('/definition/zeta-function/');
    expect(meta(doc, 'article:tag')).toEqual(['Performance']);
    const links = doc
      .querySelectorAll(`main a[href$="${tagPath('Performance')}"]`)
      .map((a) => a.textContent.trim());
    expect(links).toEqual(['Performance']);
  });

  it('dates an entry without published from git, or today when it is not committed yet', () => {
    const dates = readGitDates(join(import.meta.dirname, '../fixtures/as-written'));
    const expected =
      dates?.files.get('content/definition/throughput.md')?.published.slice(0, 10) ?? dates?.today ?? '';
    expect(meta(page('/definition/throughput/'), 'article:published_time')[0]?.slice(0, 10)).toBe(expected);
  });

  it('files the Greek title under its Greek letter on the A–Z page, with a link in the jump bar', () => {
    const doc = page('/a-z/');
    expect(doc.querySelectorAll('.letter-group h2').map((h) => h.textContent)).toEqual(['L', 'T', 'Ζ']);
    expect(doc.querySelector('.letter-bar a[href$="#letter-ζ"]')?.textContent).toBe('Ζ');
  });
});
