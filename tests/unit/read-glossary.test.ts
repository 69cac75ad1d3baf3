import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite, formatTextReport } from '../../src/cli/check-site.ts';
import { formatProblem } from '../../src/lib/checks/problems.ts';
import { readSourceFiles, type SourceFileSystem } from '../../src/lib/entries/read-glossary.ts';
import { validateGlossary } from '../../src/lib/checks/validate-glossary.ts';
import { testSite } from '../support/test-site.ts';

const ENTRY = (title: string) =>
  `---\ntitle: ${title}\nsummary: ${title} is an entry used only to test how the glossary is read.\npublished: 2026-03-15\n---\n\nBody.\n`;

/** A site folder with the given files (paths relative to it), for the reader to walk. */
function site(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'glossa-read-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const problemsOf = async (dir: string, fs?: SourceFileSystem) =>
  validateGlossary(await readSourceFiles(dir, fs), testSite).problems.map(formatProblem);

const eacces = (path: string) =>
  Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });

describe('readSourceFiles', () => {
  it('refuses a site whose content/ folder is missing', async () => {
    expect(await problemsOf(site({ 'public/x.txt': 'x' }))).toEqual([
      'content/:1:1  file  is missing  (create content/<section>/<slug>.md files (see README))',
    ]);
  });

  it('refuses a site whose content/ folder holds no entries', async () => {
    const dir = site({});
    mkdirSync(join(dir, 'content/definition'), { recursive: true });
    expect(await problemsOf(dir)).toEqual([
      'content/:1:1  file  holds no entries  (add content/<section>/<slug>.md files, e.g. with npm run new -- "Term" --section definition)',
    ]);
  });

  it('names a section folder it cannot read, and check:content counts it', async () => {
    const dir = site({
      'content/definition/gamma.md': ENTRY('Gamma'),
      'content/secret/delta.md': ENTRY('Delta'),
    });
    const fs: SourceFileSystem = {
      readFileSync: (path) => readFileSync(path),
      readdirSync: (path, options) => {
        if (path.endsWith('secret')) throw eacces(path);
        return readdirSync(path, options);
      },
    };
    expect(await problemsOf(dir, fs)).toEqual([
      'content/secret/:1:1  file  cannot be read (permission denied)  (make it readable (chmod u+r), or move it out of content/)',
    ]);
  });

  it('names an entry file it cannot read instead of crashing with EACCES', async () => {
    const dir = site({
      'content/definition/gamma.md': ENTRY('Gamma'),
      'content/definition/delta.md': ENTRY('Delta'),
    });
    const fs: SourceFileSystem = {
      readdirSync: (path, options) => readdirSync(path, options),
      readFileSync: (path) => {
        if (path.endsWith('delta.md')) throw eacces(path);
        return readFileSync(path);
      },
    };
    const sources = await readSourceFiles(dir, fs);
    expect(validateGlossary(sources, testSite).problems.map(formatProblem)).toEqual([
      'content/definition/delta.md:1:1  file  cannot be read (permission denied)  (make it readable (chmod u+r), or move it out of content/)',
    ]);
  });

  it('counts an unreadable file among the entry files of the report', async () => {
    const dir = site({ 'content/definition/gamma.md': ENTRY('Gamma') });
    mkdirSync(join(dir, 'content/definition/locked'));
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'content/definition/broken.md'));
    writeFileSync(
      join(dir, 'glossa.config.yaml'),
      readFileSync(join(import.meta.dirname, '../fixtures/basic/glossa.config.yaml')),
    );
    const report = formatTextReport(await checkSite(dir));
    expect(report).toContain(
      'content/definition/broken.md:1:1  file  is a symbolic link that cannot be followed (it leads nowhere)',
    );
    expect(report).toContain('in 2 entry files.');
  });

  it('refuses a symbolic link to a file or folder outside the site folder', async () => {
    const outside = site({ 'secret.md': ENTRY('Secret'), 'more/other.md': ENTRY('Other') });
    const dir = site({ 'content/definition/gamma.md': ENTRY('Gamma') });
    symlinkSync(join(outside, 'secret.md'), join(dir, 'content/definition/secret.md'));
    symlinkSync(join(outside, 'more'), join(dir, 'content/more'));
    const problems = await problemsOf(dir);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^content\/definition\/secret\.md:1:1 {2}file {2}is a symbolic link to .*secret\.md, outside the site folder/,
    );
    expect(problems[1]).toMatch(
      /^content\/more:1:1 {2}file {2}is a symbolic link to .*more, outside the site folder/,
    );
  });

  it('follows a symbolic link that stays inside the site folder', async () => {
    const dir = site({ 'content/definition/gamma.md': ENTRY('Gamma'), 'drafts/delta.md': ENTRY('Delta') });
    symlinkSync(join(dir, 'drafts/delta.md'), join(dir, 'content/definition/delta.md'));
    const { terms, problems } = validateGlossary(await readSourceFiles(dir), testSite);
    expect(problems).toEqual([]);
    expect(terms.map((t) => t.slug)).toEqual(['delta', 'gamma']);
  });

  it('warns about .MD, .markdown and hidden files instead of skipping them without a word', async () => {
    const dir = site({
      'content/definition/gamma.md': ENTRY('Gamma'),
      'content/definition/delta.MD': ENTRY('Delta'),
      'content/definition/theta.markdown': ENTRY('Theta'),
      'content/definition/.vega.md': ENTRY('Vega'),
      'content/.obsidian/workspace.json': '{}',
      'content/definition/.DS_Store': '',
    });
    expect(await problemsOf(dir)).toEqual([
      'content/.obsidian/:1:1  file  is hidden, so it is not read  (rename it to <slug>.md to publish it)',
      'content/definition/.vega.md:1:1  file  is hidden, so it is not read  (rename it to <slug>.md to publish it)',
      'content/definition/delta.MD:1:1  file  is not read: only files ending in .md (lowercase) are entries  (rename it to <slug>.md to publish it)',
      'content/definition/theta.markdown:1:1  file  is not read: only files ending in .md (lowercase) are entries  (rename it to <slug>.md to publish it)',
    ]);
  });

  it('refuses invalid UTF-8, naming the first line that holds it', async () => {
    const text = Buffer.concat([
      Buffer.from(ENTRY('Gamma')),
      Buffer.from('Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' au lait.\n'),
    ]);
    const dir = site({ 'content/definition/gamma.md': text });
    expect(await problemsOf(dir)).toEqual([
      'content/definition/gamma.md:8:1  file  is not valid UTF-8: the page would show � in place of some characters  (save the file as UTF-8 in your editor)',
    ]);
  });
});
