import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImportSource } from '../../src/import/index.ts';
import { glossaryCacheDir } from '../../src/integration/cache-dir.ts';
import { planImport } from '../../src/import/plan.ts';
import { measureNameRanking } from '../../bench/support/name-ranking.ts';
import { buildSite, fingerprint, readPage, type FixtureBuild } from '../support/build-fixture.ts';
import { runScript, type ScriptRun } from '../support/run-script.ts';
import { findBrokenLinks, findStructuredDataErrors } from '../support/site-checks.ts';

// The Machine Learning Glossary (CC BY 4.0), 381 real Jekyll entries: imported into a temporary
// site and built, as a team migrating it would. Read from where it is kept, never copied here.
const ML_TERMS = '/work/shared/corpora/ml-glossary/terms';
const SITE_URL = 'https://ml.example.org';
const work = mkdtempSync(join(tmpdir(), 'glossa-ml-'));
const source = join(work, 'terms');
const site = join(work, 'site');
const outputs = resolve(import.meta.dirname, '../.output');
const astroCache = pathToFileURL(resolve(import.meta.dirname, '../../node_modules/.astro/'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  // Astro's caches for this temporary site, which no other run will find again.
  for (const out of ['ml-glossary', 'ml-glossary-cold']) {
    rmSync(fileURLToPath(glossaryCacheDir(astroCache, site, `${join(outputs, out)}/`)), {
      recursive: true,
      force: true,
    });
  }
});

let firstTry: ScriptRun;
let imported: ScriptRun;
let build: FixtureBuild;
beforeAll(() => {
  if (!existsSync(ML_TERMS)) {
    throw new Error(`${ML_TERMS} is missing: this test needs the shared corpora of the build machine`);
  }
  cpSync(ML_TERMS, source, { recursive: true });
  mkdirSync(join(site, 'public'), { recursive: true });
  writeFileSync(
    join(site, 'glossa.config.yaml'),
    [
      'name: Machine Learning Glossary',
      'description: Terms of machine learning, from the Machine Learning Glossary (CC BY 4.0).',
      `url: ${SITE_URL}`,
      'locale: en',
      "timezone: '+00:00'",
      'publisher:',
      '  name: Machine Learning Glossary',
      `  url: ${SITE_URL}`,
      '  logo: /logo.svg',
      'authors:',
      '  contributors:',
      '    name: The contributors',
      `    url: ${SITE_URL}`,
      'defaultAuthor: contributors',
      '',
    ].join('\n'),
  );
  for (const icon of ['logo.svg', 'favicon.svg']) {
    writeFileSync(join(site, 'public', icon), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
  }
  const args = [source, '--from', 'jekyll', '--section', 'ml', '--date', '2026-01-01', '--site', site];
  firstTry = runScript('import-entries', args);
  // What the first try asks the editor to fix in the source, done as they would: the one link that
  // cannot be published, one mistyped path (/term/ for /terms/), and the pictures the old site
  // kept outside the terms folder.
  const fix = (file: string, from: string, to: string) =>
    writeFileSync(join(source, file), readFileSync(join(source, file), 'utf8').replace(from, to));
  fix('peephole-connection-lstm.md', 'ftp://ftp.idsia.ch', 'https://ftp.idsia.ch');
  fix('non-max-suppression.md', '](/term/bounding-box)', '](/terms/bounding-box)');
  mkdirSync(join(site, 'public/images'), { recursive: true });
  for (const picture of ['overfitting.png', 'margin.png', 'faceting.png']) {
    writeFileSync(
      join(site, 'public/images', picture),
      readFileSync(join(import.meta.dirname, '../fixtures/basic/public/logo.svg')),
    );
  }
  imported = runScript('import-entries', args);
  // Logged, as the rebuild below is: a different log level is a different Astro config, whose
  // rebuild would start from nothing.
  build = buildSite(site, 'ml-glossary', {}, { log: true });
}, 600_000);

describe('the Machine Learning Glossary, imported from Jekyll and built', () => {
  const plan = planImport(readImportSource(ML_TERMS, { format: 'jekyll', name: 'terms' }), {
    section: 'ml',
    date: '2026-01-01',
  });

  it('first names the one link of the source that cannot be published, and writes nothing', () => {
    expect(firstTry.status).toBe(1);
    expect(firstTry.stderr).toContain(
      "terms/peephole-connection-lstm.md:1:1  body  link definition 'ftp://ftp.idsia.ch/pub/juergen/TimeCount-IJCNN2000.pdf' uses the ftp: scheme",
    );
  });

  it('imports every term once the source is fixed', () => {
    expect(imported.stderr).not.toContain('Nothing was written');
    expect(imported.status).toBe(0);
    expect(imported.stdout.trimEnd().split('\n').at(-1)).toBe(
      'Imported 370 entries from terms (196 stubs, 11 redirects).',
    );
  });

  it('builds with no errors', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('publishes every entry with a definition, and every stub with its note', () => {
    for (const entry of plan.entries) {
      const page = readPage(build.outDir, `/ml/${entry.slug}/`);
      expect(page.querySelector('h1')?.textContent.trim()).toBeTruthy();
      if (entry.stub) expect(page.querySelector('main')?.textContent).toContain('No definition yet.');
    }
  });

  it('answers at the address of each redirect stub with a redirect to its target', () => {
    const redirects: [string, string][] = [
      ['backprop', 'backpropagation'],
      ['minibatching', 'minibatch-gradient-descent'],
      ['yolo9000-object-detection', 'yolov2-object-detection'],
    ];
    for (const [from, to] of redirects) {
      const page = join(build.outDir, 'ml', from, 'index.html');
      expect(existsSync(page), from).toBe(true);
      const refresh = readPage(build.outDir, `/ml/${from}/`).querySelector('meta[http-equiv="refresh"]');
      expect(refresh?.getAttribute('content')).toContain(`/ml/${to}/`);
    }
  });

  it('has no broken links', async () => {
    const { broken, checked } = await findBrokenLinks(build.outDir);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(plan.entries.length);
  });

  it('answers an exact title or synonym query with its entry first, from Pagefind’s own API', async () => {
    const ranking = await measureNameRanking(build.outDir);
    expect(ranking.first / ranking.queried, JSON.stringify(ranking.misses, null, 2)).toBeGreaterThanOrEqual(
      0.95,
    );
  });

  it('has valid structured data on every page', async () => {
    const { errors, pages } = await findStructuredDataErrors(build.outDir, SITE_URL);
    expect(errors).toEqual([]);
    expect(pages).toBeGreaterThan(plan.entries.length);
  });
});

// What an editor of the migrated glossary does next: edits one entry and builds again. The rebuild
// reuses the first build's pages, bodies and copies; it must publish what a cold build of the
// edited glossary publishes, byte for byte, on content none of Glossa's fixtures resemble.
describe('the Machine Learning Glossary, rebuilt after one of its entries is edited', () => {
  let rebuilt: FixtureBuild;
  let cold: FixtureBuild;
  beforeAll(() => {
    const entry = join(site, 'content/ml/backpropagation.md');
    writeFileSync(
      entry,
      readFileSync(entry, 'utf8').concat(
        '\nIt repeats the chain rule, layer by layer, as gradient descent needs.\n',
      ),
    );
    rebuilt = buildSite(site, 'ml-glossary', {}, { log: true });
    cold = buildSite(site, 'ml-glossary-cold');
  }, 600_000);

  it('publishes what a cold build of the edited glossary publishes, byte for byte', () => {
    expect(rebuilt.status, rebuilt.output).toBe(0);
    expect(cold.status, cold.output).toBe(0);
    const before = fingerprint(cold.outDir);
    const after = fingerprint(rebuilt.outDir);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(Object.keys(before).filter((path) => after[path] !== before[path])).toEqual([]);
    // Not a cold build in disguise: most pages came from the first build (Astro marks them).
    expect(stripVTControlCharacters(rebuilt.output).match(/ \(restored\)/g)?.length).toBeGreaterThan(300);
    expect(readPage(rebuilt.outDir, '/ml/backpropagation/').querySelector('.prose')?.textContent).toContain(
      'It repeats the chain rule, layer by layer',
    );
  });
});
