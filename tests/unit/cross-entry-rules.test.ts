import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/checks/problems.ts';
import { validateGlossary, type SourceFile } from '../../src/lib/checks/validate-glossary.ts';
import { testSite } from '../support/test-site.ts';

const summary = 'summary: A term used only in these tests to check the rules between entries.';
const file = (path: string, fields: string): SourceFile => ({
  path,
  text: `---\ntitle: ${path.split('/').pop()}\n${summary}\npublished: 2026-03-15\n${fields}\n---\nBody.\n`,
});
const report = (files: SourceFile[]) => validateGlossary(files, testSite).problems.map(formatProblem);

describe('rules across entries', () => {
  it('names both files when a slug is used in two sections', () => {
    expect(report([file('content/definition/gamma.md', ''), file('content/area/gamma.md', '')])).toEqual([
      "content/area/gamma.md:1:1  file  slug 'gamma' is already used by content/definition/gamma.md  (slugs must be unique across all sections: rename one of the two files)",
    ]);
  });

  it('rejects a published entry that points at a draft, but lets drafts point at drafts', () => {
    expect(
      report([
        file('content/definition/gamma.md', 'related: [delta]'),
        file('content/definition/delta.md', 'draft: true\nrelated: [vega]'),
        file('content/definition/vega.md', 'draft: true'),
      ]),
    ).toEqual([
      "content/definition/gamma.md:5:1  related[0]  'delta' is a draft and will not be published  (publish content/definition/delta.md (remove draft: true) or remove the reference)",
    ]);
  });

  it('rejects an unknown author, suggesting a known one', () => {
    expect(report([file('content/definition/gamma.md', 'author: edd')])).toEqual([
      "content/definition/gamma.md:5:1  author  'edd' is not an author in glossa.config.yaml  (did you mean 'ed'?)",
    ]);
  });

  it('rejects unknown fields, suggesting the closest known one', () => {
    expect(report([file('content/definition/gamma.md', 'relatd: [delta]')])).toEqual([
      "content/definition/gamma.md:5:1  relatd  is not a known field  (did you mean 'related'?)",
    ]);
  });

  it('rejects file names and folders that are not kebab-case, suggesting a name', () => {
    expect(report([file('content/definition/Negative Gamma.md', '')])).toEqual([
      "content/definition/Negative Gamma.md:1:1  file  file name 'Negative Gamma' must be lowercase kebab-case ASCII (a-z, 0-9 and single hyphens)  (rename it to 'negative-gamma')",
    ]);
    expect(report([file('content/gamma.md', '')])).toEqual([
      'content/gamma.md:1:1  file  is not in a section folder  (move it to content/<section>/<slug>.md, e.g. content/definition/gamma.md)',
    ]);
    expect(report([file('content/tags/gamma.md', '')])).toEqual([
      "content/tags/gamma.md:1:1  file  section folder 'tags' is reserved for Glossa's own pages  (rename it)",
    ]);
  });

  it('reports YAML syntax errors and missing front matter with a line', () => {
    expect(
      report([
        { path: 'content/definition/gamma.md', text: '---\ntitle: [unclosed\n---\nBody.\n' },
        { path: 'content/definition/delta.md', text: 'Just a body.\n' },
      ]),
    ).toEqual([
      'content/definition/gamma.md:2:17  front matter  is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]  (check indentation, and quote values that contain ": " or start with [ { * & ! | > % @)',
      'content/definition/delta.md:1:1  front matter  is missing: the file must start with a line containing only ---  (add front matter: ---, then title, summary and published, then ---)',
    ]);
  });

  it('accepts files with a byte-order mark and Windows line endings', () => {
    const text = `\uFEFF---\r\ntitle: Gamma\r\n${summary}\r\npublished: 2026-03-15\r\n---\r\nBody.\r\n`;
    const { terms, problems } = validateGlossary([{ path: 'content/definition/gamma.md', text }], testSite);
    expect(problems).toEqual([]);
    expect(terms[0]?.body).toBe('Body.\n');
  });
});
