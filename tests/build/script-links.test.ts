import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixture } from '../support/build-fixture.ts';
import { runScript } from '../support/run-script.ts';

const FILE = 'content/definition/clickjack.md';
const SCHEME_MESSAGE = 'scheme, which is not allowed in entries';

describe('an entry body with script links', () => {
  it('fails the build naming each link by file, line and column, and publishes no page', () => {
    const build = buildFixture('script-links');
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('The glossary has 9 problems:');
    for (const where of ['7:4', '7:45', '9:3', '9:67', '11:22', '11:71', '13:5', '13:43', '17:1']) {
      expect(build.output).toContain(`${FILE}:${where}  body  `);
    }
    expect(build.output).toContain(
      `${FILE}:13:5  body  link 'vbscript:msgbox(1)' uses the vbscript: ${SCHEME_MESSAGE}`,
    );
    expect(existsSync(join(build.outDir, 'definition/clickjack/index.html'))).toBe(false);
  });

  it('is reported by check:content with a failing exit', () => {
    const site = resolve(import.meta.dirname, '../fixtures/script-links');
    const check = runScript('check-content', ['--site', site]);
    expect(check.status).not.toBe(0);
    expect(check.stdout.split('\n').filter((line) => line.includes(SCHEME_MESSAGE))).toHaveLength(9);
  });
});
