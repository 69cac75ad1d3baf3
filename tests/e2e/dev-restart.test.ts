import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startDevServer, stopDevServer, waitFor } from '../../bench/support/dev-edit.ts';

// The live preview started, stopped and started again on a glossary in a folder of its own: the
// second start takes the bodies the first one kept on disk instead of rendering them all again,
// and renders only an entry edited while the server was down.
const siteDir = mkdtempSync(join(tmpdir(), 'glossa-dev-restart-'));
cpSync(resolve(import.meta.dirname, '../fixtures/basic'), siteDir, { recursive: true });
const STARTUP_MS = 240_000;
const ENTRIES = 6;

afterAll(() => rmSync(siteDir, { recursive: true, force: true }));

/** Starts the live preview, waits for `path` to contain `text`, stops it, and returns its log. */
async function preview(path: string, text: string): Promise<string> {
  let log = '';
  const server = await startDevServer(siteDir, { onOutput: (chunk) => (log += chunk) });
  try {
    await waitFor(STARTUP_MS, server, async () => {
      const response = await fetch(`${server.origin}${path}`).catch(() => undefined);
      return response?.ok === true && (await response.text()).includes(text);
    });
  } finally {
    await stopDevServer(server);
  }
  return stripVTControlCharacters(log);
}

/** The loader's count of bodies it rendered at start, as it logs it. */
const rendered = (log: string) => /(\d+) of (\d+) bodies rendered/.exec(log)?.slice(1).map(Number);

describe('the live preview started again', () => {
  it(
    'renders no body it kept from its last start, and only the one edited in between',
    async () => {
      expect(rendered(await preview('/definition/alpha/', '<h1'))).toEqual([ENTRIES, ENTRIES]);
      expect(rendered(await preview('/definition/alpha/', '<h1'))).toEqual([0, ENTRIES]);

      const entry = join(siteDir, 'content/definition/beta.md');
      writeFileSync(entry, `${readFileSync(entry, 'utf8')}\nEdited while the preview was stopped.\n`);
      const log = await preview('/definition/beta/', 'Edited while the preview was stopped.');
      expect(rendered(log)).toEqual([1, ENTRIES]);
    },
    3 * STARTUP_MS,
  );
});
