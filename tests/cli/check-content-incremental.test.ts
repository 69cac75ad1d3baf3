import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAdviceSite } from '../support/advice-site.ts';
import { copyFixture, runScript } from '../support/run-script.ts';

/**
 * A run after an edit checks again only what the edit can change, from the snapshot the last run
 * kept (check-snapshot.ts, recheck-glossary.ts). Each case edits the glossary as an editor would,
 * then holds the run's report and exit code to those of a run that checks everything afresh
 * (`--no-cache`), and checks that the run did come from the snapshot (GLOSSA_CHECK_TRACE says so
 * on stderr). No case waits for its files to settle: a file changed in the last seconds has no
 * stamp to trust, and is checked again as an edited one.
 */

const sites: string[] = [];
afterAll(() => {
  for (const dir of sites) rmSync(dir, { recursive: true, force: true });
});

/** The report and exit code of a run that uses what earlier runs kept, and how it went (stderr). */
function cachedRun(site: string, ...args: string[]): { report: string; trace: string } {
  const run = runScript('check-content', ['--site', site, ...args], { GLOSSA_CHECK_TRACE: '1' });
  return { report: `${run.stdout}exit ${run.status}\n`, trace: run.stderr };
}

function fullRun(site: string, ...args: string[]): string {
  const run = runScript('check-content', ['--site', site, '--no-cache', ...args]);
  return `${run.stdout}exit ${run.status}\n`;
}

/** Checks `site` both ways and expects the same report; returns it. */
function expectSameReport(site: string, fromSnapshot = true): string {
  const cached = cachedRun(site);
  expect(cached.report).toBe(fullRun(site));
  if (fromSnapshot) expect(cached.trace).toContain('check:content: from the snapshot');
  return cached.report;
}

function edit(site: string, path: string, change: (text: string) => string): void {
  const file = join(site, path);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after, `the edit of ${path} changes it`).not.toBe(before);
  writeFileSync(file, after);
}

function move(site: string, from: string, to: string): void {
  mkdirSync(dirname(join(site, to)), { recursive: true });
  renameSync(join(site, from), join(site, to));
}

describe('check:content after each kind of edit, from the last run’s snapshot', () => {
  const site = writeAdviceSite(60);
  sites.push(site);

  it('prints what a full check prints, run after run', () => {
    const first = cachedRun(site);
    expect(first.report).toBe(fullRun(site));
    expect(first.report).toContain('Advice (names, mentions and ways onward):');

    // A body edit that names another entry: the advice on both changes.
    edit(site, 'content/term/quokka-ledger.md', (t) => `${t}\nIt also names the Hermit and Vanna.\n`);
    const named = expectSameReport(site);
    expect(named).not.toBe(first.report);

    // A title: other bodies now name the entry under its new name, or no longer do.
    edit(site, 'content/term/hermit.md', (t) => t.replace('title: Hermit', 'title: Zebrafish Marmalade'));
    expectSameReport(site);

    // Synonyms: an alias two entries share is never linked.
    edit(site, 'content/definition/vanna.md', (t) =>
      t.replace('published:', 'aka: [volga, dual greek]\npublished:'),
    );
    expect(expectSameReport(site)).toContain("'volga' is also a name of");

    // Related: an orphan is listed, a way onward appears.
    edit(site, 'content/area/vanna-note.md', (t) =>
      t.replace('published:', 'related: [hermit, volga]\npublished:'),
    );
    expectSameReport(site);

    // A new entry naming others in its body.
    writeFileSync(
      join(site, 'content/term/vanna-volga-method.md'),
      '---\ntitle: Vanna Volga Method\nsummary: A way to price exotic options from vanna and volga.\npublished: 2026-02-01\nrelated: [vanna]\n---\n\nThe method adds vanna and volga costs to a Black-Scholes price, as the Zebrafish Marmalade desk does.\n',
    );
    expectSameReport(site);

    // A deleted entry, which others named in their bodies.
    unlinkSync(join(site, 'content/area/volga-note.md'));
    expectSameReport(site);

    // Tags written in two cases, then written one way again.
    edit(site, 'content/term/greek-letters.md', (t) =>
      t.replace('tags: [greeks]', 'tags: [GREEKS, Letters]'),
    );
    expect(expectSameReport(site)).toContain('differ only in case');
    edit(site, 'content/term/greek-letters.md', (t) =>
      t.replace('tags: [GREEKS, Letters]', 'tags: [Greeks]'),
    );
    expectSameReport(site);

    // A draft: its names and references leave the site.
    edit(site, 'content/definition/volga.md', (t) => t.replace('published:', 'draft: true\npublished:'));
    expectSameReport(site);
    edit(site, 'content/definition/volga.md', (t) => t.replace('draft: true\n', ''));
    expectSameReport(site);
  });

  it('reports the errors an edit makes, then the advice again once they are fixed', () => {
    cachedRun(site);
    // A related slug that does not exist.
    edit(site, 'content/definition/vanna.md', (t) =>
      t.replace('published:', 'related: [volgaa]\npublished:'),
    );
    const broken = expectSameReport(site);
    expect(broken).toContain("'volgaa' is not an entry in this glossary  (did you mean 'volga'?)");
    expect(broken).toMatch(/exit 1\n$/);
    // Another body edited while the error stands, then a line added above the broken field.
    edit(site, 'content/term/quokka-ledger.md', (t) => `${t}\nStill the hermit.\n`);
    expect(expectSameReport(site)).toContain("'volgaa' is not an entry");
    edit(site, 'content/definition/vanna.md', (t) =>
      t.replace('related: [volgaa]', 'keyword: Greek\nrelated: [volgaa]'),
    );
    expectSameReport(site);
    edit(site, 'content/definition/vanna.md', (t) => t.replace('keyword: Greek\nrelated: [volgaa]\n', ''));
    expect(expectSameReport(site)).toMatch(/exit 0\n$/);

    // A second file of the same slug in another section, then removed.
    writeFileSync(
      join(site, 'content/definition/pair-note.md'),
      readFileSync(join(site, 'content/area/pair-note.md')),
    );
    expect(expectSameReport(site)).toContain("slug 'pair-note' is already used by");
    unlinkSync(join(site, 'content/definition/pair-note.md'));
    expectSameReport(site);

    // A front matter that does not parse, then mended.
    edit(site, 'content/term/short-one.md', (t) => t.replace('title: Short One', 'title: [Short One'));
    expect(expectSameReport(site)).toMatch(/exit 1\n$/);
    edit(site, 'content/term/short-one.md', (t) => t.replace('title: [Short One', 'title: Short One'));
    expectSameReport(site);
  });

  it('follows a renamed or moved entry, and the references it breaks and mends', () => {
    cachedRun(site);
    // Renamed: its slug changes, so the entry relating to it points nowhere.
    move(site, 'content/term/hermit.md', 'content/term/hermit-crab.md');
    expect(expectSameReport(site)).toContain("'hermit' is not an entry in this glossary");
    edit(site, 'content/term/long-summary.md', (t) =>
      t.replace('related: [hermit]', 'related: [hermit-crab]'),
    );
    edit(site, 'content/area/vanna-note.md', (t) =>
      t.replace('related: [hermit, volga]', 'related: [hermit-crab, volga]'),
    );
    expect(expectSameReport(site)).toMatch(/exit 0\n$/);
    // Moved to another section: its address changes, its slug does not.
    move(site, 'content/definition/volga.md', 'content/area/volga.md');
    expectSameReport(site);
    // JSON and strict runs come from the same snapshot.
    edit(site, 'content/term/quokka-ledger.md', (t) => `${t}\nAnd volga.\n`);
    for (const args of [['--format', 'json'], ['--strict']]) {
      const cached = cachedRun(site, ...args);
      expect(cached.report).toBe(fullRun(site, ...args));
    }
  });
});

describe('check:content’s advice from the last run’s findings', () => {
  it('keeps the advice’s findings across edits that leave who points at whom alone', () => {
    const site = writeAdviceSite(60);
    sites.push(site);
    cachedRun(site);
    // Each run from the snapshot prints what a full check prints; how it got its advice findings.
    const checkAgain = () => {
      const run = cachedRun(site);
      expect(run.report).toBe(fullRun(site));
      const advised = /advice findings (kept|found again|patched for \d+ bodies)/.exec(run.trace)?.[1];
      return { report: run.report, advised };
    };
    // Words, not names: the orphans' closest bodies may change, who points at whom does not.
    edit(site, 'content/term/quokka-ledger.md', (t) => `${t}\nLedgers of marsupials, kept in ink.\n`);
    let run = checkAgain();
    expect(run.advised).toBe('kept');
    // A line above the title of an entry with advice: its warnings move down a line.
    edit(site, 'content/term/ptarmigan-book.md', (t) =>
      t.replace('---\ntitle:', '---\nkeyword: Grouse\ntitle:'),
    );
    run = checkAgain();
    expect(run.report).toContain('content/term/ptarmigan-book.md:3:1  file  no other entry mentions');
    expect(run.advised).toBe('kept');
    // A body that names another entry now: patched for it, and kept on the next edit.
    edit(site, 'content/term/short-one.md', (t) => `${t}\nSee the Ptarmigan Book.\n`);
    run = checkAgain();
    expect(run.advised).toBe('patched for 1 bodies');
    expect(run.report).not.toContain('content/term/ptarmigan-book.md:3:1  file  no other entry mentions');
    // Two bodies at once, one naming it no more: the orphan is back.
    edit(site, 'content/term/short-one.md', (t) => t.replace('\nSee the Ptarmigan Book.\n', '\n'));
    edit(site, 'content/term/quokka-ledger.md', (t) => `${t}\nSee the Short One.\n`);
    run = checkAgain();
    expect(run.advised).toBe('patched for 2 bodies');
    expect(run.report).toContain('content/term/ptarmigan-book.md:3:1  file  no other entry mentions');
    edit(site, 'content/term/short-one.md', (t) => `${t}\nSee the Ptarmigan Book.\n`);
    run = checkAgain();
    expect(run.advised).toBe('patched for 1 bodies');
    edit(site, 'content/term/short-one.md', (t) => `${t}\nShort, still.\n`);
    run = checkAgain();
    expect(run.advised).toBe('kept');
    // A related list, and a draft: both change who points at whom.
    edit(site, 'content/term/repeats-title.md', (t) =>
      t.replace('published:', 'related: [long-summary]\npublished:'),
    );
    run = checkAgain();
    expect(run.advised).toBe('found again');
    edit(site, 'content/term/long-summary.md', (t) => t.replace('published:', 'draft: true\npublished:'));
    run = checkAgain();
    expect(run.advised).toBe('found again');
  });
});

describe('check:content from a snapshot of a glossary with links, drafts and old addresses', () => {
  it('prints what a full check prints after edits to links and drafts', () => {
    const site = copyFixture('basic');
    sites.push(site);
    expect(cachedRun(site).report).toBe(fullRun(site));
    edit(site, 'content/definition/beta.md', (t) =>
      t.replace('[alpha](/definition/alpha/)', '[alpha](/definition/alpha/#missing)'),
    );
    expect(expectSameReport(site)).toContain("which is not a heading of 'alpha'");
    edit(site, 'content/definition/alpha.md', (t) =>
      t.replace('Alpha has a body', '## Missing\n\nAlpha has a body'),
    );
    expectSameReport(site);
    unlinkSync(join(site, 'content/definition/alpha.md'));
    expect(expectSameReport(site)).toMatch(/exit 1\n$/);
  });
});

// The Machine Learning Glossary (CC BY 4.0, see /work/shared/corpora/ml-glossary/README.md), 381
// real Jekyll entries: imported into a temporary site as ml-glossary.test.ts does, then edited.
// Read from where it is kept, never copied into the repository.
const ML_TERMS = '/work/shared/corpora/ml-glossary/terms';

describe('check:content from a snapshot of the Machine Learning Glossary', () => {
  it('prints what a full check prints after edits to a real glossary', () => {
    if (!existsSync(ML_TERMS)) {
      throw new Error(`${ML_TERMS} is missing: this test needs the shared corpora of the build machine`);
    }
    const work = mkdtempSync(join(tmpdir(), 'glossa-ml-check-'));
    sites.push(work);
    const source = join(work, 'terms');
    const site = join(work, 'site');
    cpSync(ML_TERMS, source, { recursive: true });
    // The source's one link that cannot be published and its one mistyped path (ml-glossary.test.ts).
    edit(work, 'terms/peephole-connection-lstm.md', (t) =>
      t.replace('ftp://ftp.idsia.ch', 'https://ftp.idsia.ch'),
    );
    edit(work, 'terms/non-max-suppression.md', (t) =>
      t.replace('](/term/bounding-box)', '](/terms/bounding-box)'),
    );
    mkdirSync(join(site, 'public/images'), { recursive: true });
    for (const picture of ['logo.svg', 'overfitting.png', 'margin.png', 'faceting.png'])
      writeFileSync(
        join(site, 'public', picture === 'logo.svg' ? '' : 'images', picture),
        '<svg xmlns="http://www.w3.org/2000/svg"/>',
      );
    writeFileSync(
      join(site, 'glossa.config.yaml'),
      [
        'name: Machine Learning Glossary',
        'description: Terms of machine learning, from the Machine Learning Glossary (CC BY 4.0).',
        'url: https://ml.example.org',
        'publisher:',
        '  name: Machine Learning Glossary',
        '  url: https://ml.example.org',
        '  logo: /logo.svg',
        'authors:',
        '  contributors:',
        '    name: The contributors',
        '    url: https://ml.example.org',
        'defaultAuthor: contributors',
        '',
      ].join('\n'),
    );
    const imported = runScript('import-entries', [
      source,
      '--from',
      'jekyll',
      '--section',
      'ml',
      '--date',
      '2026-01-01',
      '--site',
      site,
    ]);
    expect(imported.status, imported.stderr).toBe(0);

    expect(cachedRun(site).report).toBe(fullRun(site));
    const [first = '', second = ''] = readdirSync(join(site, 'content/ml')).sort();
    // A body naming other entries, a title, a new entry, a deleted one.
    edit(
      site,
      `content/ml/${first}`,
      (t) => `${t}\nIt is trained with backpropagation and gradient descent.\n`,
    );
    expectSameReport(site);
    edit(site, `content/ml/${second}`, (t) => t.replace(/^title: .*$/m, 'title: Gradient Descent Variant'));
    expectSameReport(site);
    writeFileSync(
      join(site, 'content/ml/learning-rate-warmup.md'),
      '---\ntitle: Learning Rate Warmup\nsummary: Raising the learning rate slowly over the first steps of training.\npublished: 2026-02-01\n---\n\nWarmup keeps gradient descent stable while the weights are still random.\n',
    );
    expectSameReport(site);
    unlinkSync(join(site, `content/ml/${first}`));
    expectSameReport(site);
  });
});
