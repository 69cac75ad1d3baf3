import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, buildSite, listFiles, readPage, type FixtureBuild } from '../support/build-fixture.ts';
import { copyFixture, runScript } from '../support/run-script.ts';

const SITE = 'https://fixture.example.org';
let build: FixtureBuild;
let subPath: FixtureBuild;
let subPathDir: string;

beforeAll(() => {
  build = buildFixture('links');
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
  subPathDir = copyFixture('links');
  const config = join(subPathDir, 'glossa.config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^url: .*$/m, `url: ${SITE}/docs/glossary`));
  subPath = buildSite(subPathDir, 'links-sub-path');
  if (subPath.status !== 0) throw new Error(`sub-path build failed:\n${subPath.output}`);
}, 240_000);

afterAll(() => rmSync(subPathDir, { recursive: true, force: true }));

const read = (out: FixtureBuild, path: string) => readFileSync(join(out.outDir, path), 'utf8');
const bodyLinks = (out: FixtureBuild, path: string) =>
  readPage(out.outDir, path)
    .querySelectorAll('[data-pagefind-body] p a')
    .map((a) => a.getAttribute('href'));

describe('links between entries', () => {
  it('point every way of writing them at the entry page', () => {
    expect(bodyLinks(build, '/term/udp/')).toEqual([
      '/definition/tcp/',
      '/definition/tcp/#history',
      '/definition/tcp/#flow-control',
      '/definition/tcp/',
      '/definition/tcp/#flow-control',
      '/tags/networking/',
    ]);
  });

  it('are printed under the base path of a glossary on a sub-path', () => {
    expect(bodyLinks(subPath, '/term/udp/')).toEqual([
      '/docs/glossary/definition/tcp/',
      '/docs/glossary/definition/tcp/#history',
      '/docs/glossary/definition/tcp/#flow-control',
      '/docs/glossary/definition/tcp/',
      '/docs/glossary/definition/tcp/#flow-control',
      '/docs/glossary/tags/networking/',
    ]);
  });

  it('become absolute URLs of the entry pages in the Markdown copies', () => {
    expect(read(subPath, 'term/udp.md')).toBe(
      [
        '# UDP',
        '',
        'UDP is the transport protocol that sends independent datagrams with no connection and no delivery guarantee.',
        '',
        `Compare with [TCP](${SITE}/docs/glossary/definition/tcp/), its [history](${SITE}/docs/glossary/definition/tcp/#history),`,
        `[flow control](${SITE}/docs/glossary/definition/tcp/#flow-control), [the same file](${SITE}/docs/glossary/definition/tcp/) and [by reference][tcp-ref].`,
        `See the [tags](${SITE}/docs/glossary/tags/networking/) and the ![chart](${SITE}/docs/glossary/images/chart.svg).`,
        '',
        '`<!-- a comment in code stays -->`',
        '',
        '```html',
        '<!-- so does this one -->',
        '```',
        '',
        `[tcp-ref]: ${SITE}/docs/glossary/definition/tcp/#flow-control`,
        '',
        '## Related',
        '',
        `- [TCP](${SITE}/docs/glossary/definition/tcp/)`,
        '',
      ].join('\n'),
    );
  });
});

describe('HTML comments', () => {
  it('reach no page, copy, feed, list or search index; only code keeps the ones written in it', () => {
    const withComments = listFiles(build.outDir).filter((path) => {
      const bytes = readFileSync(join(build.outDir, path));
      const text = path.endsWith('.pf_fragment')
        ? gunzipSync(bytes).toString('utf8')
        : bytes.toString('utf8');
      return ['<!--', "Editor's note", 'a note in the middle'].some((mark) => text.includes(mark));
    });
    expect(withComments.sort()).toEqual(['pagefind/' + fragmentOf('/term/udp/'), 'term/udp.md']);
    const page = readPage(build.outDir, '/term/udp/');
    expect(page.querySelectorAll('[data-pagefind-body] p code').map((code) => code.textContent)).toEqual([
      '<!-- a comment in code stays -->',
    ]);
    // The parser keeps a <pre>'s content as raw text; Shiki has split the block into tokens.
    expect(page.querySelector('[data-pagefind-body] pre')?.innerHTML).toContain(
      '&lt;!-- so does this one --&gt;',
    );
    expect(read(build, 'definition/tcp.md')).toContain(
      'TCP sets up a connection before sending data.\n\n## History\n',
    );
  });
});

/** The search index fragment of a page: Pagefind's fragments are gzipped JSON behind a signature. */
function fragmentOf(url: string): string {
  const folder = join(build.outDir, 'pagefind');
  const found = listFiles(folder).find(
    (path) =>
      path.startsWith('fragment/') &&
      gunzipSync(readFileSync(join(folder, path)))
        .toString('utf8')
        .includes(`"url":"${url}"`),
  );
  if (!found) throw new Error(`no search fragment for ${url}`);
  return found;
}

describe('redirects from old addresses', () => {
  it('write a noindex page at each old address that sends readers to the entry', () => {
    for (const path of ['/definition/transmission-control-protocol/', '/old/tcp/']) {
      const page = readPage(subPath.outDir, path);
      expect(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
        '0; url=/docs/glossary/definition/tcp/',
      );
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
        `${SITE}/docs/glossary/definition/tcp/`,
      );
      expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
      expect(page.querySelector('body a')?.getAttribute('href')).toBe('/docs/glossary/definition/tcp/');
      expect(page.querySelector('body')?.textContent).toBe('This page has moved to TCP.');
    }
  });

  it('write _redirects with a 301 per old address, under the base path', () => {
    expect(read(build, '_redirects')).toBe(
      '/definition/transmission-control-protocol/ /definition/tcp/ 301\n/old/tcp/ /definition/tcp/ 301\n',
    );
    expect(read(subPath, '_redirects')).toBe(
      '/docs/glossary/definition/transmission-control-protocol/ /docs/glossary/definition/tcp/ 301\n' +
        '/docs/glossary/old/tcp/ /docs/glossary/definition/tcp/ 301\n',
    );
  });

  it('leave the old addresses out of the sitemap and the search index, and remove the bundle', () => {
    const sitemap = read(build, 'sitemap-0.xml');
    expect(sitemap).toContain(`<loc>${SITE}/definition/tcp/</loc>`);
    expect(sitemap).not.toMatch(/old\/tcp|transmission-control/);
    const entry = JSON.parse(read(build, 'pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages['en']?.page_count).toBe(2);
    expect(listFiles(build.outDir)).not.toContain('glossa-redirects.json');
  });
});

describe('a glossary with broken links and redirects', () => {
  const EXPECTED = [
    "content/definition/tcp.md:5:1  redirectFrom[0]  'tcp' is this entry's own address  (remove 'tcp')",
    "content/definition/tcp.md:5:1  redirectFrom[1]  '/term/udp/' is the address of content/term/udp.md, which would no longer be reachable  (remove '/term/udp/', or rename or delete content/term/udp.md first)",
    "content/definition/tcp.md:5:1  redirectFrom[2]  '/a-z/' is the address of a page of this glossary (/a-z/)  (remove '/a-z/': only addresses that no longer exist can redirect)",
    "content/term/udp.md:5:1  redirectFrom[0]  '/old/' already redirects in content/definition/tcp.md (redirectFrom[3])  (an old address can lead to one entry only: keep it on one of the two)",
    "content/term/udp.md:8:5  body  link './tpc.md' points to 'tpc', which is not an entry in this glossary  (did you mean './tcp.md'?)",
    "content/term/udp.md:8:26  body  link '../definition/tcp.md#histroy' points to '#histroy', which is not a heading of 'tcp'  (did you mean '#history'?)",
    "content/term/udp.md:8:67  body  link '/s/missing/' is not a page of this glossary  (link to an entry as /section/slug/ or ./slug.md)",
    "content/term/udp.md:9:1  body  link 'quic.md' points to 'quic', which is a draft and will not be published  (publish content/term/quic.md (remove draft: true) or remove the link)",
    "content/term/udp.md:9:26  body  image '/images/chrat.png' is not a file in public/  (did you mean '/images/chart.svg'?)",
    'content/term/udp.md:11:1  body  has an HTML comment that is never closed, so the page would show the rest of the entry as text  (end the comment with -->)',
  ];

  it('fails check:content with every problem, positioned and with a fix', () => {
    const run = runScript('check-content', ['--site', join(import.meta.dirname, '../fixtures/links-broken')]);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines.slice(1, lines.indexOf(''))).toEqual(EXPECTED);
  });

  it('fails the build with the same problems', () => {
    const broken = buildFixture('links-broken');
    expect(broken.status).not.toBe(0);
    for (const line of EXPECTED) expect(broken.output).toContain(line);
  });
});
