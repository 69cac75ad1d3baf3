import { mkdirSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stampSite } from '../../src/lib/checks/site-stamps.ts';
import {
  addReport,
  findReport,
  loadStoredReport,
  reportState,
  saveStoredReport,
  storedReportFile,
} from '../../src/lib/checks/stored-report.ts';
import { copyFixture } from '../support/run-script.ts';

const text = { format: 'text', strict: false } as const;
const json = { format: 'json', strict: false } as const;
const report = (output: string, exitCode = 0) => ({ output, exitCode });

describe('findReport and addReport', () => {
  it('finds the report kept for the same state and options, and none for other options', () => {
    const state = reportState('code', 'site');
    const file = addReport(undefined, state, text, report('No problems in 3 entry files.\n'));
    expect(findReport(file, state, text)).toEqual(report('No problems in 3 entry files.\n'));
    expect(findReport(file, state, json)).toBeUndefined();
    expect(findReport(file, state, { format: 'text', strict: true })).toBeUndefined();
  });

  it('keeps a report for each set of options run in one state, so json and text are never mixed up', () => {
    const state = reportState('code', 'site');
    let file = addReport(undefined, state, text, report('text report\n', 1));
    file = addReport(file, state, json, report('{"files":3}\n', 1));
    expect(findReport(file, state, text)).toEqual(report('text report\n', 1));
    expect(findReport(file, state, json)).toEqual(report('{"files":3}\n', 1));
  });

  it('finds nothing once the code or the site folder changed, and drops reports of the old state', () => {
    const state = reportState('code', 'site');
    const file = addReport(undefined, state, text, report('old\n'));
    expect(findReport(file, reportState('code', 'site edited'), text)).toBeUndefined();
    expect(findReport(file, reportState('other code', 'site'), text)).toBeUndefined();
    const moved = addReport(file, reportState('code', 'site edited'), json, report('{}\n'));
    expect(findReport(moved, state, text)).toBeUndefined();
    expect(findReport(moved, reportState('code', 'site edited'), text)).toBeUndefined();
  });

  it('finds nothing in a missing or damaged file', () => {
    const state = reportState('code', 'site');
    expect(findReport(undefined, state, text)).toBeUndefined();
    expect(findReport('{"state":', state, text)).toBeUndefined();
    expect(findReport('null', state, text)).toBeUndefined();
    expect(
      findReport(JSON.stringify({ state, reports: { text: { output: 3 } } }), state, text),
    ).toBeUndefined();
    // A damaged file is replaced, not added to.
    expect(findReport(addReport('{"state":', state, text, report('a\n')), state, text)).toEqual(
      report('a\n'),
    );
  });
});

describe('saveStoredReport and loadStoredReport', () => {
  let site = '';
  afterEach(() => rmSync(site, { recursive: true, force: true }));

  it('keep a report in one file a glossary, written whole', () => {
    site = copyFixture('basic');
    const path = storedReportFile(join(site, 'cache'), site);
    expect(path).not.toBe(storedReportFile(join(site, 'cache'), `${site}-other`));
    const state = reportState('code', 'site');
    expect(loadStoredReport(path, state, text)).toBeUndefined();
    saveStoredReport(path, state, text, report('Errors:\n…\n', 1));
    saveStoredReport(path, state, json, report('{}\n', 1));
    expect(loadStoredReport(path, state, text)).toEqual(report('Errors:\n…\n', 1));
    expect(loadStoredReport(path, state, json)).toEqual(report('{}\n', 1));
  });
});

/** stampSite on a clock 10 s ahead, so the fixture's fresh files are old enough to be stamped. */
describe('stampSite', () => {
  let site = '';
  afterEach(() => rmSync(site, { recursive: true, force: true }));
  const stamp = () => stampSite(site, Date.now() + 10_000);
  const entry = () => join(site, 'content/definition/alpha.md');

  it('is the same while nothing changes, and differs after any edit, even one that keeps the size', () => {
    site = copyFixture('basic');
    const before = stamp();
    expect(before).toBeDefined();
    expect(stamp()).toBe(before);
    const { size } = statSync(entry());
    writeFileSync(entry(), 'x'.repeat(size));
    expect(statSync(entry()).size).toBe(size);
    expect(stamp()).not.toBe(before);
  });

  it('differs after a file is added or deleted, in content/, public/ or beside them', () => {
    site = copyFixture('basic');
    const seen = new Set<string | undefined>([stamp()]);
    const changes = [
      () => writeFileSync(join(site, 'content/definition/added.md'), '---\ntitle: Added\n---\n'),
      () => unlinkSync(join(site, 'content/definition/beta.md')),
      () => writeFileSync(join(site, 'content/definition/notes.txt'), 'not an entry'),
      () => mkdirSync(join(site, 'public/downloads')),
      () => writeFileSync(join(site, 'public/images/a.svg'), '<svg/>'),
      () => writeFileSync(join(site, 'glossa.schema.ts'), 'export const extend = {};\n'),
      () => writeFileSync(join(site, 'glossa.config.yaml'), 'name: Changed\n'),
    ];
    for (const change of changes) {
      change();
      const next = stamp();
      expect(next).toBeDefined();
      expect(seen.has(next)).toBe(false);
      seen.add(next);
    }
  });

  it('cannot vouch for a file changed within the last seconds, nor for a symbolic link', () => {
    site = copyFixture('basic');
    // Just copied: a second write within the same tick could keep every stamp.
    expect(stampSite(site, Date.now())).toBeUndefined();
    expect(stamp()).toBeDefined();
    symlinkSync(entry(), join(site, 'content/definition/linked.md'));
    expect(stamp()).toBeUndefined();
  });

  it('stamps every other file when one cannot be vouched for, so only that one is stat-ed again', () => {
    site = copyFixture('basic');
    const all = new Map<string, string>();
    expect(stampSite(site, Date.now() + 10_000, all)).toBeDefined();
    const others = [...all].filter(([path]) => path !== 'content/definition/alpha.md');
    // alpha.md sorts first in its folder: a file just saved, then a symbolic link listed first.
    const future = (Date.now() + 60_000) / 1000;
    utimesSync(entry(), future, future);
    const saved = new Map<string, string>();
    expect(stampSite(site, Date.now() + 10_000, saved)).toBeUndefined();
    expect(saved.has('content/definition/alpha.md')).toBe(false);
    expect([...saved]).toEqual(expect.arrayContaining(others));
    expect(saved.size).toBe(others.length);
    symlinkSync(entry(), join(site, 'content/definition/aaa.md'));
    const linked = new Map<string, string>();
    expect(stampSite(site, Date.now() + 10_000, linked)).toBeUndefined();
    expect([...linked]).toEqual([...saved]);
  });

  it('ignores what a hidden folder under content/ holds, which check:content never reads', () => {
    site = copyFixture('basic');
    mkdirSync(join(site, 'content/.drafts'));
    const before = stamp();
    writeFileSync(join(site, 'content/.drafts/idea.md'), 'later');
    expect(stamp()).toBe(before);
  });
});
