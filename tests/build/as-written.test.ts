import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagPath } from '../../src/lib/site/urls.ts';
import { buildSiteFolder, readPage, type FixtureBuild } from '../support/build-fixture.ts';

// Entries as other people write them: no summary, no date, an empty list, a Greek title, a tag in
// two cases, a summary longer than a meta description. The fixture is committed to a git
// repository of its own, with fixed dates, so the dates git gives are known and the test does not
// depend on this repository's history (or on there being one: the template test copies it bare).
const site = mkdtempSync(join(tmpdir(), 'glossa-as-written-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

function git(args: string[], date: string): void {
  const run = spawnSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', ...args], {
    cwd: site,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed:\n${run.stderr}`);
}

let build: FixtureBuild;
beforeAll(() => {
  cpSync(join(import.meta.dirname, '../fixtures/as-written'), site, { recursive: true });
  git(['init', '--quiet'], '2025-01-02T10:00:00+00:00');
  git(['add', '.'], '2025-01-02T10:00:00+00:00');
  git(['commit', '--quiet', '-m', 'First version'], '2025-01-02T10:00:00+00:00');
  appendFileSync(join(site, 'content/definition/throughput.md'), '\nIt is measured at the busiest hour.\n');
  git(['commit', '--quiet', '-am', 'A revision'], '2025-06-30T18:30:00+00:00');
  build = buildSiteFolder(site, 'as-written');
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

  it('dates an entry without published from its first and last commit', () => {
    const doc = page('/definition/throughput/');
    expect(meta(doc, 'article:published_time')).toEqual(['2025-01-02T10:00:00+00:00']);
    expect(meta(doc, 'article:modified_time')).toEqual(['2025-06-30T18:30:00+00:00']);
    // An entry that gives its date keeps it, whatever git says.
    expect(meta(page('/definition/latency/'), 'article:published_time')[0]?.slice(0, 10)).toBe('2026-03-15');
  });

  it('files the Greek title under its Greek letter on the A–Z page, with a link in the jump bar', () => {
    const doc = page('/a-z/');
    expect(doc.querySelectorAll('.letter-group h2').map((h) => h.textContent)).toEqual(['L', 'T', 'Ζ']);
    expect(doc.querySelector('.letter-bar a[href$="#letter-ζ"]')?.textContent).toBe('Ζ');
  });
});
