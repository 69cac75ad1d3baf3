import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/checks/problems.ts';
import { validateGlossary, type SourceFile } from '../../src/lib/checks/validate-glossary.ts';
import { testSite } from '../support/test-site.ts';

const site = testSite;

function entry(path: string, fields: string, body = 'Body text.'): SourceFile {
  return { path, text: `---\n${fields}\n---\n\n${body}\n` };
}

const base = (title: string, extra = '') =>
  `title: ${title}\nsummary: ${title} is a term used only in these tests to check validation rules.\npublished: 2026-03-15${extra ? `\n${extra}` : ''}`;

function report(files: SourceFile[]): string[] {
  return validateGlossary(files, site).problems.map(formatProblem);
}

describe('validateGlossary', () => {
  it('accepts a valid glossary and fills in defaults', () => {
    const { terms, problems } = validateGlossary(
      [
        entry('content/definition/gamma.md', base('Gamma', 'related: [delta]')),
        entry('content/definition/delta.md', base('Delta')),
      ],
      site,
    );
    expect(problems).toEqual([]);
    expect(terms.map((t) => [t.section, t.slug, t.keyword, t.author])).toEqual([
      ['definition', 'gamma', 'Meaning', 'ed'],
      ['definition', 'delta', 'Meaning', 'ed'],
    ]);
  });

  it('rejects a related slug that does not exist, suggesting the closest one', () => {
    expect(
      report([
        entry('content/definition/gamma.md', base('Gamma', 'related: [dleta]')),
        entry('content/area/delta.md', base('Delta')),
      ]),
    ).toEqual([
      "content/definition/gamma.md:5:1  related[0]  'dleta' is not an entry in this glossary  (did you mean 'delta'?)",
    ]);
  });

  it("names Glossa's field for what Hugo and Jekyll call it, and the way for fields it expresses otherwise", () => {
    const fields = [
      'title: Pod',
      'id: pod',
      'date: 2018-04-12',
      'full_link: /docs/concepts/workloads/pods/',
      'short_description: The smallest and simplest Kubernetes object.',
      'aka:',
    ].join('\n');
    const importing = '`npm run import -- FOLDER --from hugo|jekyll` converts such entries';
    expect(report([entry('content/glossary/pod.md', fields)])).toEqual([
      `content/glossary/pod.md:3:1  id  is not a known field  (the file name is the slug here: remove id, or rename the file to <id>.md; ${importing})`,
      `content/glossary/pod.md:4:1  date  is not a known field  (did you mean 'published'? ${importing})`,
      `content/glossary/pod.md:5:1  full_link  is not a known field  (link to it from the body instead, e.g. [Read more](https://…); ${importing})`,
      `content/glossary/pod.md:6:1  short_description  is not a known field  (did you mean 'summary'? ${importing})`,
    ]);
  });

  it('does not call a link to an entry with broken front matter "not an entry": that file says what is wrong', () => {
    expect(
      report([
        entry('content/glossary/pod.md', 'title: Pod\ndate: 2018-04-12'),
        entry('content/glossary/node.md', base('Node'), 'Runs each [pod](./pod.md) it is given.'),
      ]),
    ).toEqual([
      "content/glossary/pod.md:3:1  date  is not a known field  (did you mean 'published'? `npm run import -- FOLDER --from hugo|jekyll` converts such entries)",
    ]);
  });

  it('reports every problem at once, across files', () => {
    const problems = report([
      entry('content/definition/gamma.md', 'summary: Too short.\npublished: 2026-02-30'),
      entry('content/term/gamma.md', base('Gamma again', 'mentions: [gamma]')),
    ]);
    expect(problems).toEqual([
      'content/definition/gamma.md:1:1  title  is required',
      // "Too short." is advice since #15 (a warning of content-warnings.ts), so it is not listed.
      'content/definition/gamma.md:3:1  published  must be a real date written as YYYY-MM-DD, e.g. 2026-03-15',
      "content/term/gamma.md:5:1  mentions[0]  refers to the entry itself  (remove 'gamma')",
    ]);
  });

  it('points at body images with a relative path, which would break on every page showing them', () => {
    // Front matter takes lines 1–5, the blank line 6: the body starts on line 7.
    const body = [
      'Fine: ![curve](/images/curve.svg) and ![remote](https://cdn.example.org/x.png).',
      '',
      'Broken: ![curve](images/curve.svg).',
      '',
      '![ref][fig]',
      '',
      '[fig]: ../fig.png',
      '[unused]: ../',
    ].join('\n');
    expect(report([entry('content/definition/gamma.md', base('Gamma'), body)])).toEqual([
      "content/definition/gamma.md:9:9  body  image 'images/curve.svg' has a relative path, which would point somewhere else on every page showing it  (put the file under public/ and write it from the site root (e.g. /images/curve.svg), or use an https:// URL)",
      "content/definition/gamma.md:13:1  body  image '../fig.png' has a relative path, which would point somewhere else on every page showing it  (put the file under public/ and write it from the site root (e.g. /images/fig.png), or use an https:// URL)",
    ]);
  });
});
