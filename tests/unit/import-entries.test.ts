import { describe, expect, it } from 'vitest';
import { buildImportedEntries, readCsvRows, readJsonRows } from '../../src/lib/import-entries.ts';
import { formatProblem } from '../../src/lib/problems.ts';

describe('readCsvRows', () => {
  it('numbers each row by the line it starts on, even after a cell spanning several lines', () => {
    const rows = readCsvRows('\uFEFFtitle,body\r\nA,"one\r\ntwo\r\nthree"\r\n\r\nB,x\r\n');
    expect(rows.map((r) => [r.line, r.values['title']])).toEqual([
      [2, 'A'],
      [6, 'B'],
    ]);
  });

  it('names the line of malformed CSV', () => {
    expect(() => readCsvRows('title,body\nA,"unclosed\n')).toThrow(
      'Quote Not Closed: the parsing is finished with an opening quote at line 2',
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

describe('buildImportedEntries', () => {
  it('reports missing titles and sections and unknown columns at the row, once per column', () => {
    const { entries, problems } = buildImportedEntries(
      [
        { line: 2, values: { title: '', section: 'term', sumary: 'x' } },
        { line: 3, values: { title: 'Rho', section: '', sumary: 'y' } },
      ],
      { source: 'terms.csv', published: '2026-04-01' },
    );
    expect(entries).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      "terms.csv:2:1  sumary  is not a known column  (did you mean 'summary'?)",
      'terms.csv:2:1  title  is required',
      'terms.csv:3:1  section  is required  (the folder under content/, e.g. definition)',
    ]);
  });
});
