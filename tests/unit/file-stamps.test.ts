import { readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/cli/check-site.ts';
import { UnreadSource, fileStamp, textDigest } from '../../src/lib/checks/file-stamps.ts';
import { formatProblem } from '../../src/lib/checks/problems.ts';
import { stampSite } from '../../src/lib/checks/site-stamps.ts';
import { createValidationCache } from '../../src/lib/checks/validation-cache.ts';
import { copyFixture } from '../support/run-script.ts';

const stats = (changed: number) =>
  ({ size: 120, mtimeMs: changed, ctimeMs: changed + 0.5, ino: 42, dev: 7 }) as Stats;

describe('fileStamp', () => {
  it('stamps a file with its size, times, inode and device once its last change is 3 s old', () => {
    expect(fileStamp(stats(1_000), 4_001)).toBe('120:1000:1000.5:42:7');
  });

  it('gives no stamp to a file changed within the last 3 s, by modification or change time', () => {
    expect(fileStamp(stats(1_000), 3_999)).toBeUndefined();
    expect(fileStamp({ ...stats(1_000), ctimeMs: 2_000 } as Stats, 4_500)).toBeUndefined();
  });
});

describe('UnreadSource', () => {
  let site = '';
  afterEach(() => rmSync(site, { recursive: true, force: true }));

  it('reads the file when its text is asked for, and refuses a text other than the one kept', () => {
    site = copyFixture('mistakes');
    const path = join(site, 'glossa.config.yaml');
    const text = readFileSync(path, 'utf8');
    const source = new UnreadSource(path, 'glossa.config.yaml', '1:2:3:4:5', textDigest(text), 'kept');
    expect([source.path, source.stamp, source.kept]).toEqual(['glossa.config.yaml', '1:2:3:4:5', 'kept']);
    writeFileSync(path, `${text}# edited\n`);
    expect(() => source.text).toThrow(
      'glossa.config.yaml changed while check:content was reading the glossary: run it again',
    );
    writeFileSync(path, text);
    expect(source.text).toBe(text);
  });
});

/**
 * checkSite with a cache kept in a file, as check:content runs it, on a clock 10 s ahead so the
 * fixture's fresh files are old enough to be stamped; each case compares the warm report with a
 * check without a cache, and counts the files handed over unread.
 */
describe('check:content skipping files that stat says are unchanged', () => {
  let site = '';
  afterEach(() => rmSync(site, { recursive: true, force: true }));
  const ahead = () => Date.now() + 10_000;
  const run = async (clock = ahead, stamps?: ReadonlyMap<string, string>) => {
    const cache = createValidationCache({
      file: { path: join(site, '.cache'), code: 'code-1' },
      now: clock,
      stamps,
    });
    const unchanged = cache.unchanged.bind(cache);
    let unread = 0;
    cache.unchanged = (path, shown) => {
      const source = unchanged(path, shown);
      if (source) unread++;
      return source;
    };
    const check = await checkSite(site, { cache });
    cache.save();
    return { problems: check.problems.map(formatProblem), unread, stats: cache.stats };
  };
  const uncached = async () => (await checkSite(site)).problems.map(formatProblem);
  const file = (path: string) => join(site, path);

  it('hands every stamped file over unread on the next run, with the same report', async () => {
    site = copyFixture('mistakes');
    const first = await run();
    expect(first.unread).toBe(0);
    const second = await run();
    // Of the 38 entry files, one has CRLF line endings, which the cache never keeps.
    expect(second).toEqual({ problems: await uncached(), unread: 37, stats: { checked: 1, reused: 37 } });
  });

  it('reads a file rewritten at the same size with its modification time put back', async () => {
    site = copyFixture('mistakes');
    await run();
    const lonely = file('content/term/lonely.md');
    const { mtime } = statSync(lonely);
    const text = readFileSync(lonely, 'utf8');
    writeFileSync(lonely, text.replace('2026-03-15', '2026-13-15'));
    utimesSync(lonely, mtime, mtime);
    const warm = await run();
    expect(warm.problems).toEqual(await uncached());
    expect(warm.problems).toContain(
      'content/term/lonely.md:4:1  published  must be a real date written as YYYY-MM-DD, e.g. 2026-03-15',
    );
    expect({ unread: warm.unread, checked: warm.stats.checked }).toEqual({ unread: 36, checked: 2 });
  });

  it('reports an added and a deleted entry as a check without a cache does', async () => {
    site = copyFixture('mistakes');
    await run();
    writeFileSync(
      file('content/term/newcomer.md'),
      '---\ntitle: Newcomer\nsummary: A newcomer is an entry added after the first check.\npublished: 2026-03-15\nrelated: [lonely]\n---\n\nBody text.\n',
    );
    unlinkSync(file('content/definition/gamma.md'));
    const warm = await run();
    expect(warm.problems).toEqual(await uncached());
    expect(warm.problems).toContain(
      "content/definition/image-missing.md:5:1  related[0]  'gamma' is not an entry in this glossary  (create the entry or remove the reference)",
    );
    expect(warm.stats).toEqual({ checked: 2, reused: 36 });
  });

  it('checks every file again when the configuration or the public files change', async () => {
    site = copyFixture('mistakes');
    await run();
    writeFileSync(file('public/images/curv.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const published = await run();
    expect(published.problems).toEqual(await uncached());
    expect(published.problems.filter((p) => p.includes('curv.svg'))).toEqual([]);
    expect(published.stats).toEqual({ checked: 38, reused: 0 });
    const config = file('glossa.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('defaultAuthor: ed', 'defaultAuthor: ann'));
    const renamed = await run();
    expect(renamed.problems).toEqual(await uncached());
    expect(renamed.stats).toEqual({ checked: 38, reused: 0 });
  });

  it('stamps no file changed within the last 3 s, so the next run reads it again', async () => {
    site = copyFixture('mistakes');
    await run(Date.now);
    expect((await run(Date.now)).unread).toBe(0);
    expect((await run()).unread).toBe(0);
    expect((await run()).unread).toBe(37);
  });

  it("takes the stamps the site's stamps already hold, with the same report, stat-ing no file again", async () => {
    site = copyFixture('mistakes');
    const stamps = new Map<string, string>();
    expect(stampSite(site, ahead(), stamps)).toBeDefined();
    expect([...stamps.keys()].filter((path) => path.startsWith('content/')).length).toBe(38);
    await run(ahead, stamps);
    const second = await run(ahead, stamps);
    expect(second).toEqual({ problems: await uncached(), unread: 37, stats: { checked: 1, reused: 37 } });
    // A file the stamps vouch for is handed over unread without a stat: here it is no longer there.
    const cache = createValidationCache({
      file: { path: join(site, '.cache'), code: 'code-1' },
      now: ahead,
      stamps,
    });
    const lonely = 'content/term/lonely.md';
    unlinkSync(file(lonely));
    expect(cache.unchanged(file(lonely), lonely)?.path).toBe(lonely);
    expect(
      createValidationCache({ file: { path: join(site, '.cache'), code: 'code-1' }, now: ahead }).unchanged(
        file(lonely),
        lonely,
      ),
    ).toBeUndefined();
  });
});
