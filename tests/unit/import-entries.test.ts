import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { guessFormat, readImportSource } from '../../src/import/index.ts';
import { planImport, STUB_NOTE } from '../../src/import/plan.ts';
import { parseColumnMap, readCsvRows, readJsonRows, readRows } from '../../src/import/spreadsheet.ts';
import { emptyTerm } from '../../src/import/imported-term.ts';
import { formatProblem } from '../../src/lib/checks/problems.ts';
import { root } from '../support/run-script.ts';

const fixture = (name: string) => join(root, 'tests/fixtures/imports', name);

describe('readCsvRows', () => {
  it('numbers each row by the line it starts on, even after a cell spanning several lines', () => {
    const rows = readCsvRows('\uFEFFtitle,body\r\nA,"one\r\ntwo\r\nthree"\r\n\r\nB,x\r\n');
    expect(rows.map((r) => [r.line, r.values['title']])).toEqual([
      [2, 'A'],
      [6, 'B'],
    ]);
  });

  it('names the line of malformed CSV and says how to fix it', () => {
    expect(() => readCsvRows('title,body\nA,"unclosed\n')).toThrow(
      'Quote Not Closed: the parsing is finished with an opening quote at line 2 (a quoted field is never closed: end it with " and write a quote inside a field as "")',
    );
    expect(() => readCsvRows('title,summary\nGreeks,Delta, gamma and vega\n')).toThrow(
      'Invalid Record Length: columns length is 2, got 3 on line 2 (a row has more or fewer cells than the first line has column names: quote fields that contain commas, e.g. "Greeks, first order")',
    );
  });
});

describe('readJsonRows', () => {
  it('numbers each object by the line it starts on', () => {
    const rows = readJsonRows('[\n  {"title": "A"},\n\n  {\n    "title": "B"\n  }\n]\n');
    expect(rows.map((r) => [r.line, r.values['title']])).toEqual([
      [2, 'A'],
      [4, 'B'],
    ]);
  });

  it('rejects JSON that is not an array', () => {
    expect(() => readJsonRows('{"title": "A"}')).toThrow('must be a JSON array of objects, one per entry');
  });
});

describe('parseColumnMap', () => {
  it('reads from=to pairs and refuses a target that is not a column, suggesting one', () => {
    expect(parseColumnMap('term=title, definition=summary')).toEqual({
      map: new Map([
        ['term', 'title'],
        ['definition', 'summary'],
      ]),
      problems: [],
    });
    expect(parseColumnMap('definition=sumary,term').problems).toEqual([
      "--map 'definition=sumary': 'sumary' is not a column (did you mean 'summary'?); columns: title, slug, summary, section, body, related, mentions, aka, tags, categories, keyword, published, updated, author, image, image_alt, draft",
      "--map 'term' must be from=to, e.g. --map term=title,definition=summary",
    ]);
  });
});

describe('readRows', () => {
  it('warns once about unknown columns, requires a title, and reads slug, image and draft columns', () => {
    const { terms, problems } = readRows(
      [
        { line: 2, values: { title: '', section: 'term', sumary: 'x' } },
        {
          line: 3,
          values: {
            Title: 'Rho',
            sumary: 'y',
            slug: 'rho-greek',
            image: '/r.svg',
            image_alt: 'A curve',
            draft: 'yes',
          },
        },
        { line: 4, values: { title: 'Chi', image: '/c.svg', draft: 'maybe' } },
      ],
      { source: 'terms.csv' },
    );
    expect(problems.map(formatProblem)).toEqual([
      "terms.csv:2:1  sumary  is not a known column and is ignored  (did you mean 'summary'? Rename it, or add --map sumary=…)",
      'terms.csv:2:1  title  is required',
      'terms.csv:4:1  image_alt  is required with an image  (describe what the picture shows in an image_alt column)',
      "terms.csv:4:1  draft  'maybe' is not true or false  (write true (or yes) to keep the entry unpublished, false or nothing to publish it)",
    ]);
    expect(terms.map((t) => [t.title, t.slug, t.image, t.draft])).toEqual([
      ['Rho', 'rho-greek', { src: '/r.svg', alt: 'A curve' }, true],
      ['Chi', undefined, undefined, undefined],
    ]);
  });

  it('renames columns with --map, so a term,definition sheet imports', () => {
    const source = readImportSource(fixture('terms-mapped.csv'), {
      format: 'csv',
      name: 'terms-mapped.csv',
      map: parseColumnMap('Term=title,Definition=summary,Category=section').map,
    });
    const plan = planImport(source, { date: '2026-04-01' });
    expect(plan.problems.map(formatProblem)).toEqual([
      'terms-mapped.csv:2:1  Notes  is not a known column and is ignored  (map it with --map Notes=<column> if it holds one of: title, slug, summary, section, body, related, mentions, aka, tags, categories, keyword, published, updated, author, image, image_alt, draft)',
    ]);
    expect(plan.entries.map((e) => e.path)).toEqual([
      'content/term/c-plus-plus.md',
      'content/term/zeta-function.md',
      'content/term/nihongo.md',
    ]);
    expect(plan.entries[1]?.text).toBe(
      [
        '---',
        'title: Ζ-function',
        'summary: The zeta function sums the reciprocals of the powers of the positive integers.',
        'published: 2026-04-01',
        'draft: true',
        '---',
        '',
        '',
      ].join('\n'),
    );
  });
});

describe('planImport', () => {
  const at = (line: number) => ({ file: 'terms.csv', line });

  it('asks once for --date and --section instead of guessing them', () => {
    const plan = planImport({
      terms: [
        emptyTerm(at(2), 'Alpha'),
        emptyTerm(at(3), 'Beta'),
        { ...emptyTerm(at(4), 'Gamma'), section: 'term' },
      ],
      redirects: [],
      problems: [],
    });
    expect(plan.problems.map(formatProblem)).toEqual([
      'terms.csv:2:1  section  is required (2 terms name none)  (add --section NAME, the folder under content/ the entries go to, e.g. --section term)',
      'terms.csv:4:1  published  is missing: 1 term have no date in the source or in its git history  (add --date YYYY-MM-DD to give them one; the import never guesses today)',
    ]);
  });

  it('reports two titles that give the same slug instead of writing one over the other', () => {
    const plan = planImport(
      { terms: [emptyTerm(at(2), 'C++'), emptyTerm(at(3), 'C ++')], redirects: [], problems: [] },
      { section: 'term', date: '2026-04-01' },
    );
    expect(plan.entries.map((e) => e.path)).toEqual(['content/term/c-plus-plus.md']);
    expect(plan.problems.map(formatProblem)).toEqual([
      "terms.csv:3:1  title  gives the slug 'c-plus-plus', as terms.csv:2 does  (two terms cannot share a file name: give one a slug of its own (a slug column) or merge them)",
    ]);
  });

  it('refuses a section or slug that is not kebab-case, so no file lands outside content/', () => {
    const plan = planImport(
      {
        terms: [
          { ...emptyTerm(at(2), 'A'), section: '../public' },
          { ...emptyTerm(at(3), 'B'), slug: 'Big Bang' },
        ],
        redirects: [],
        problems: [],
      },
      { section: 'term', date: '2026-04-01' },
    );
    expect(plan.entries).toEqual([]);
    expect(plan.problems.map(formatProblem)).toEqual([
      "terms.csv:2:1  section  '../public' must be lowercase kebab-case ASCII  (did you mean 'public'?)",
      "terms.csv:3:1  slug  'Big Bang' must be lowercase kebab-case ASCII  (did you mean 'big-bang'?)",
    ]);
  });

  it('publishes a stub with a visible note and its references listed at the end', () => {
    const stub = {
      ...emptyTerm(at(2), 'Burst'),
      references: [
        { title: 'Burst [wiki]', url: 'https://en.wikipedia.org/wiki/Burst_(x)' },
        { title: 'A book' },
      ],
    };
    const plan = planImport(
      { terms: [stub], redirects: [], problems: [] },
      { section: 'ml', date: '2026-01-01' },
    );
    expect(plan.entries[0]?.stub).toBe(true);
    expect(plan.entries[0]?.text).toBe(
      [
        '---',
        'title: Burst',
        'published: 2026-01-01',
        '---',
        '',
        STUB_NOTE,
        '',
        '## References',
        '',
        '- [Burst \\[wiki\\]](<https://en.wikipedia.org/wiki/Burst_(x)>)',
        '- A book',
        '',
      ].join('\n'),
    );
  });
});

describe('links to renamed terms', () => {
  it('point at the entry a redirect stub leads to', () => {
    const term = {
      ...emptyTerm({ file: 'terms/a.md', line: 1 }, 'A'),
      body: 'See [b](old-b.md#x) and [1].\n\n[1]: old-b.md',
    };
    const plan = planImport(
      {
        terms: [term, emptyTerm({ file: 'terms/b.md', line: 1 }, 'B')],
        redirects: [{ origin: { file: 'terms/old-b.md', line: 1 }, from: 'old-b', to: 'b' }],
        problems: [],
      },
      { section: 'ml', date: '2026-01-01' },
    );
    expect(plan.entries[0]?.text).toContain('See [b](b.md#x) and [1].\n\n[1]: b.md\n');
  });
});

describe('Docusaurus glossary', () => {
  it('turns terms into entries, short definitions into summaries and related term names into slugs', () => {
    const path = fixture('docusaurus');
    expect(guessFormat(path)).toBe('docusaurus');
    const plan = planImport(readImportSource(path, { format: 'docusaurus', name: 'docusaurus' }), {
      section: 'term',
      date: '2026-05-01',
    });
    expect(plan.problems.map(formatProblem)).toEqual([
      "docusaurus/glossary.json:10:1  relatedTerms  'Webhook' is not a term of this glossary and is left out",
    ]);
    expect(Object.fromEntries(plan.entries.map((e) => [e.path, e.text]))).toEqual({
      'content/term/api.md': [
        '---',
        'title: API',
        'summary: "An API is the set of requests a program accepts from other programs, and what it answers."',
        'published: 2026-05-01',
        'related: [endpoint, rest]',
        'aka: [Application Programming Interface]',
        '---',
        '',
        '',
      ].join('\n'),
      'content/term/endpoint.md': [
        '---',
        'title: Endpoint',
        'summary: An endpoint is one address of an API that accepts requests of one kind.',
        'published: 2026-05-01',
        'related: [api]',
        'aka: [route]',
        '---',
        '',
        '',
      ].join('\n'),
      'content/term/rest.md': [
        '---',
        'title: REST',
        'published: 2026-05-01',
        'related: [api]',
        'aka: [Representational State Transfer]',
        '---',
        '',
        'REST is a style of web API in which each address names a resource.',
        '',
        'Requests use the methods of HTTP: GET reads a resource, PUT replaces it and DELETE removes it.',
        '',
      ].join('\n'),
    });
  });
});

describe('Hugo glossary', () => {
  it('reads Kubernetes fields, turns glossary_tooltip shortcodes into entry links and keeps dates', () => {
    const path = fixture('hugo-glossary');
    expect(guessFormat(path)).toBe('hugo');
    const plan = planImport(readImportSource(path, { format: 'hugo', name: 'hugo-glossary' }), {
      section: 'term',
    });
    expect(plan.problems.map(formatProblem)).toEqual([
      "hugo-glossary/container.md:1:1  body  shortcode 'note' has no Glossa equivalent and is kept as text",
      "hugo-glossary/pod.md:1:1  full_link  '/docs/concepts/workloads/pods/' is a page of the old site, not of this glossary, and is left out  (add the link to the body with its full https:// address if readers need it)",
    ]);
    const pod = plan.entries.find((e) => e.slug === 'pod');
    expect(pod?.text).toBe(
      [
        '---',
        'title: Pod',
        'summary: "The smallest object you can deploy, holding one or more containers that run together."',
        'published: 2018-04-12',
        'tags: [core-object, fundamental]',
        '---',
        '',
        'The smallest and simplest Kubernetes object. A Pod represents a set of running',
        '[containers](container.md) on your cluster.',
        '',
        '<!--more-->',
        '',
        'A Pod is typically set up to run a single primary container. It is managed by a',
        '[Deployment](deployment.md).',
        '',
      ].join('\n'),
    );
    const container = plan.entries.find((e) => e.slug === 'container');
    expect(container?.text).toContain('aka: [OCI container]\n');
    expect(container?.text).toContain(
      '## References\n\n- [Container: full documentation](https://kubernetes.io/docs/concepts/containers/)\n',
    );
    expect(plan.entries.find((e) => e.slug === 'deployment')?.text).toContain(
      'Each replica is a [Pod](pod.md); a Deployment',
    );
  });
});
