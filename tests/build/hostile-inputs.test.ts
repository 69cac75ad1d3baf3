import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SyntaxValidator } from 'fast-xml-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { GlossaryError, formatProblem, type Problem } from '../../src/lib/checks/problems.ts';
import { parseSiteConfig } from '../../src/lib/site/site-config.ts';
import { buildEnv, listFiles } from '../support/build-fixture.ts';
import { HOSTILE_CASES, writeHostileSite, type HostileCase } from '../support/hostile-cases.ts';
import { root, runScript } from '../support/run-script.ts';
import { testSiteInput } from '../support/test-site.ts';

interface JsonProblem {
  severity: 'error' | 'warning';
  file: string;
  line: number | null;
  column: number | null;
  field: string;
  message: string;
  hint: string | null;
}

const toLine = (p: JsonProblem) =>
  formatProblem({
    file: p.file,
    field: p.field,
    message: p.message,
    severity: p.severity,
    ...(p.line === null ? {} : { line: p.line, column: p.column ?? 1 }),
    ...(p.hint === null ? {} : { hint: p.hint }),
  } satisfies Problem);

const filesOf = (c: HostileCase) => [...Object.keys(c.files), ...Object.keys(c.links ?? {})];

describe(`check:content on ${HOSTILE_CASES.length} hostile inputs in one site`, () => {
  let status: number | null;
  let errors: string[];
  let warnings: string[];
  beforeAll(() => {
    const run = runScript('check-content', ['--site', writeHostileSite(), '--format', 'json']);
    status = run.status;
    const report = JSON.parse(run.stdout) as { problems: JsonProblem[] };
    errors = report.problems.filter((p) => p.severity === 'error').map(toLine);
    warnings = report.problems.filter((p) => p.severity === 'warning').map(toLine);
  });

  it('exits non-zero', () => {
    expect(status).toBe(1);
  });

  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const outcome = testCase.expect;
    if ('published' in outcome) {
      const own = errors.filter((line) => filesOf(testCase).some((file) => line.startsWith(`${file}:`)));
      expect(own).toEqual([]);
    } else {
      const [prefix, lines] = 'error' in outcome ? [outcome.error, errors] : [outcome.warning, warnings];
      const matching = lines.filter((line) => line.startsWith(prefix) && line.includes(outcome.text));
      expect(
        matching,
        `no ${'error' in outcome ? 'error' : 'warning'} ${prefix} … ${outcome.text}`,
      ).not.toEqual([]);
    }
  });

  it('reports no error that no case asked for', () => {
    const expected = HOSTILE_CASES.filter((c) => 'error' in c.expect).flatMap(filesOf);
    const unexpected = errors.filter((line) => !expected.some((file) => line.startsWith(`${file}:`)));
    expect(unexpected).toEqual([]);
  });
});

describe('site configuration values that used to fail only inside the build', () => {
  const configError = (over: Record<string, unknown>) => {
    try {
      parseSiteConfig({ ...testSiteInput, ...over });
      return '';
    } catch (error) {
      return (error as GlossaryError).problems.map(formatProblem).join('\n');
    }
  };
  it.each([
    [{ timezone: '+99:99' }, 'glossa.config.yaml  timezone  must be an offset from -14:00 to +14:00'],
    [{ locale: 'en-GBXXXXXXXXXX' }, 'glossa.config.yaml  locale  must be a language tag'],
    [{ url: 'https://example.org/?utm=1' }, 'glossa.config.yaml  url  must not have a query'],
    [{ url: 'https://example.org/#top' }, 'glossa.config.yaml  url  must not have a fragment'],
    [
      { url: 'https://admin:secret@example.org/' },
      'glossa.config.yaml  url  must not contain a user name or password',
    ],
    [
      { url: 'https://example.org/\nx' },
      'glossa.config.yaml  url  must not contain spaces, newlines or control characters',
    ],
    [{ defaultAuthor: 'toString' }, 'glossa.config.yaml  defaultAuthor  names no author in authors'],
  ])('refuses %j naming the field', (over, message) => {
    expect(configError(over)).toContain(message);
  });
});

/** Builds a site folder with the real build, into a fresh output folder. */
function build(site: string, name: string) {
  const outDir = join(root, 'tests/.output', name);
  const result = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--silent'], {
    cwd: root,
    encoding: 'utf8',
    env: buildEnv({ GLOSSA_SITE_DIR: site, GLOSSA_OUT_DIR: outDir }),
  });
  return { outDir, status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('the legitimate hostile inputs, built for real', () => {
  let built: ReturnType<typeof build>;
  beforeAll(() => {
    built = build(
      writeHostileSite(HOSTILE_CASES.filter((c) => 'published' in c.expect)),
      'hostile-published',
    );
    if (built.status !== 0) throw new Error(`build failed:\n${built.output}`);
  }, 120_000);

  it('publishes every one of them', () => {
    for (const slug of [
      'hostile-anchor',
      'many-refs',
      'ancient',
      'languages',
      'odd-title',
      'long-title',
      'script-title',
      'raw-html',
      'windows',
      'nested-ok',
    ]) {
      expect(existsSync(join(built.outDir, `definition/${slug}/index.html`)), slug).toBe(true);
    }
  });

  it('gives C#, C++ and C their own tag pages', () => {
    for (const key of ['c-sharp', 'c-plus-plus', 'c'])
      expect(existsSync(join(built.outDir, `tags/${key}/index.html`)), key).toBe(true);
  });

  it("keeps a link title with '](' intact in the Markdown copy", () => {
    expect(readFileSync(join(built.outDir, 'definition/odd-title.md'), 'utf8')).toContain(
      '[anchor](https://hostile.example.org/definition/hostile-anchor/ "go ](../x/ now")',
    );
  });

  it('writes every feed and sitemap as well-formed XML', () => {
    const xml = listFiles(built.outDir).filter((file) => file.endsWith('.xml'));
    expect(xml).toEqual(
      expect.arrayContaining(['rss.xml', 'definition/rss.xml', 'sitemap-index.xml', 'sitemap-0.xml']),
    );
    for (const file of xml)
      expect(SyntaxValidator.validate(readFileSync(join(built.outDir, file), 'utf8')), file).toBe(true);
  });
});

describe('hostile inputs that reach the build', () => {
  it('refuse the build, naming each file, and leave no output', () => {
    const cases = HOSTILE_CASES.filter((c) =>
      [
        'a NUL in a title',
        "'AT&amp;T and R&amp;D ' repeated to 210 KB, with an image",
        '10,000 nested blockquotes',
        'an SVG with <script>',
        'author: constructor',
      ].includes(c.name),
    );
    expect(cases).toHaveLength(5);
    const built = build(writeHostileSite([HOSTILE_CASES[0] as HostileCase, ...cases]), 'hostile-refused');
    expect(built.status).not.toBe(0);
    for (const file of [
      'content/definition/control-0.md',
      'content/definition/att-bomb.md',
      'content/definition/deep-quote.md',
      'public/images/evil-0.svg',
      'content/definition/author-constructor.md',
    ]) {
      expect(built.output).toContain(file);
    }
    expect(existsSync(join(built.outDir, 'index.html'))).toBe(false);
  }, 120_000);
});
