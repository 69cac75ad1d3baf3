/**
 * Live-preview latency as an editor meets it: starts `astro dev` on a glossary, opens an entry's
 * page in Chromium, saves edits to that entry and times until the browser shows the new text,
 * then adds an entry and deletes it and times those too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { median } from '../measure.ts';
import { CHROMIUM_PATH } from './browser.ts';

/** What `measureDevEdit` measured, in seconds. */
export interface DevEditFigures {
  /** From starting `astro dev` to the first answer of the entry's page. */
  startSeconds: number;
  /** Each saved edit (summary and body) until the open page showed both new texts. */
  editSeconds: number[];
  editMedianSeconds: number;
  /** A new entry saved until its page showed its title. */
  addSeconds: number;
  /** That entry deleted until its page answered 404. */
  deleteSeconds: number;
}

/** Options of `measureDevEdit`. */
export interface DevEditOptions {
  /** The glossary folder (`glossa.config.yaml`, `content/`); its files are restored afterwards. */
  siteDir: string;
  /** How many edits to time (the median is reported). Default 5. */
  edits?: number;
  /** How long one change may take to show before the run fails, in ms. Default 180 s. */
  timeoutMs?: number;
  /**
   * How long the server may take to answer its first page, in ms: it renders every body first.
   * Default 180 s; 50,000 entries need longer.
   */
  startTimeoutMs?: number;
  log?: (line: string) => void;
  /** Node options for the dev server, e.g. `['--cpu-prof']` to profile it. */
  nodeArgs?: string[];
  /** Whether the dev server prints its debug lines (`astro dev --verbose`: the loader's sync laps). */
  verbose?: boolean;
  /** Called with each chunk the dev server prints, e.g. to keep its log. */
  onOutput?: ((chunk: string) => void) | undefined;
}

const ROOT = resolve(import.meta.dirname, '../..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const ADDED_SLUG = 'dev-edit-added-entry';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu'];

/** Starts `astro dev` on the glossary, edits, adds and deletes entries, and times each change. */
export async function measureDevEdit(options: DevEditOptions): Promise<DevEditFigures> {
  const {
    siteDir,
    edits = 5,
    timeoutMs = 180_000,
    startTimeoutMs = 180_000,
    log = () => {},
    nodeArgs = [],
  } = options;
  const { verbose = false, onOutput } = options;
  const section = 'definition';
  const slug = readdirSync(join(siteDir, 'content', section))
    .sort()[0]
    ?.replace(/\.md$/, '');
  if (!slug) throw new Error(`${siteDir}/content/${section} has no entries to edit`);
  const file = join(siteDir, 'content', section, `${slug}.md`);
  const addedFile = join(siteDir, 'content', section, `${ADDED_SLUG}.md`);
  const original = readFileSync(file, 'utf8');
  const started = performance.now();
  const server = await startDevServer(siteDir, { nodeArgs, verbose, onOutput });
  const { origin } = server;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
  try {
    const page = await browser.newPage();
    const url = `${origin}/${section}/${slug}/`;
    await waitFor(startTimeoutMs, server, async () => (await fetch(url).catch(() => undefined))?.ok === true);
    const startSeconds = (performance.now() - started) / 1000;
    log(`  dev server answered after ${startSeconds.toFixed(1)} s`);
    // A save while the page is still loading would be missed: Vite's client hears of reloads only
    // once its socket is open, so the timing starts when it says so.
    const connected = page.waitForEvent('console', (message) => message.text() === '[vite] connected.');
    await page.goto(url);
    await connected;
    // Astro writes the store the start-up sync filled half a second later, and reloads the page
    // then: a save during that reload's request would be missed the same way.
    await untilQuiet(page, 1500);
    const editSeconds: number[] = [];
    for (let edit = 1; edit <= edits; edit++) {
      const mark = `devedit${Date.now().toString(36)}n${edit}`;
      const text = original
        .replace(/^summary: .*$/m, `summary: A summary saved by edit ${mark} of the benchmark.`)
        .concat(`\nA body paragraph saved by edit ${mark}body.\n`);
      log(`  saving edit ${edit}`);
      const seconds = await timeChange(
        timeoutMs,
        server,
        () => writeFileSync(file, text),
        () => pageHas(page, [`edit ${mark} of`, `${mark}body`]),
      );
      editSeconds.push(seconds);
      log(`  edit ${edit}: ${seconds.toFixed(2)} s`);
    }
    const addedUrl = `${origin}/${section}/${ADDED_SLUG}/`;
    const addSeconds = await timeChange(
      timeoutMs,
      server,
      () => writeFileSync(addedFile, addedEntry()),
      async () => (await visit(page, addedUrl)) === 200 && (await pageHas(page, ['Dev Edit Added Entry'])),
    );
    log(`  add: ${addSeconds.toFixed(2)} s`);
    const deleteSeconds = await timeChange(
      timeoutMs,
      server,
      () => rmSync(addedFile),
      async () => (await visit(page, addedUrl)) === 404,
    );
    log(`  delete: ${deleteSeconds.toFixed(2)} s`);
    return { startSeconds, editSeconds, editMedianSeconds: median(editSeconds), addSeconds, deleteSeconds };
  } finally {
    writeFileSync(file, original);
    rmSync(addedFile, { force: true });
    await browser.close();
    await stopDevServer(server);
  }
}

/** Table rows for the benchmark's report, beside its other figures. */
export function devEditRows(figures: DevEditFigures): [string, string, string][] {
  const s = (n: number) => `${n.toFixed(2)} s`;
  return [
    ['dev: server start to first term page', s(figures.startSeconds), ''],
    [
      'dev: saved edit → browser shows it (median)',
      s(figures.editMedianSeconds),
      `${figures.editSeconds.map((n) => n.toFixed(2)).join(' / ')} s; target ≤ 2 s at 10,000, ≤ 5 s at 50,000`,
    ],
    ['dev: entry added → its page', s(figures.addSeconds), 'target ≤ 2 s at 10,000, ≤ 5 s at 50,000'],
    ['dev: entry deleted → 404', s(figures.deleteSeconds), 'target ≤ 2 s at 10,000, ≤ 5 s at 50,000'],
  ];
}

function addedEntry(): string {
  return [
    '---',
    'title: Dev Edit Added Entry',
    'summary: An entry the benchmark adds to time how soon the live preview serves a new page.',
    'published: 2026-01-01',
    '---',
    '',
    'The benchmark writes this entry, waits for its page, then deletes it.',
    '',
  ].join('\n');
}

/** A running `astro dev`; its output's tail is kept for the error a failed wait reports. */
export interface DevServer {
  origin: string;
  child: ChildProcess;
  output: () => string;
}

/** Options of `startDevServer`. */
export interface DevServerOptions {
  /** Node options, e.g. `['--cpu-prof']`. */
  nodeArgs?: string[];
  /** `astro dev --verbose`. */
  verbose?: boolean;
  /** Called with each chunk the server prints. */
  onOutput?: ((chunk: string) => void) | undefined;
}

/**
 * Starts `astro dev` of this project (through its own Node) on the glossary in `siteDir`, on a
 * free local port. It may not answer yet: wait for a page with `waitFor`.
 */
export async function startDevServer(siteDir: string, options: DevServerOptions = {}): Promise<DevServer> {
  const { nodeArgs = [], verbose = false, onOutput } = options;
  const port = await freePort();
  const flags = verbose ? ['--verbose'] : [];
  // Its own process group, so stopping it stops whatever it started too.
  const child = spawn(
    process.execPath,
    [...nodeArgs, ASTRO, 'dev', '--port', String(port), '--host', '127.0.0.1', ...flags],
    {
      cwd: ROOT,
      env: { ...devServerEnv(), ASTRO_TELEMETRY_DISABLED: '1', GLOSSA_SITE_DIR: siteDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8000);
    onOutput?.(chunk.toString());
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { origin: `http://127.0.0.1:${port}`, child, output: () => tail };
}

/**
 * This process's environment without what a test runner adds: vitest's NODE_ENV=test, MODE and
 * the like would reach the dev server's Vite as import.meta.env and change how it serves pages.
 */
function devServerEnv(): NodeJS.ProcessEnv {
  const runner = /^(?:VITEST.*|DEV|PROD|MODE|SSR|BASE_URL|TEST|NODE_ENV)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !runner.test(key)));
}

/** Stops a dev server and whatever it started, waiting until it has exited. */
export async function stopDevServer(server: DevServer): Promise<void> {
  const { child } = server;
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), name);
    } catch {
      // Already gone.
    }
  };
  // SIGINT: Astro exits cleanly on it, so a --cpu-prof profile gets written.
  signal('SIGINT');
  const timer = setTimeout(() => signal('SIGKILL'), 60_000);
  await exited;
  clearTimeout(timer);
}

async function timeChange(
  timeoutMs: number,
  server: DevServer,
  change: () => void,
  shows: () => Promise<boolean>,
): Promise<number> {
  const start = performance.now();
  change();
  await waitFor(timeoutMs, server, shows);
  const seconds = (performance.now() - start) / 1000;
  // Lets the server finish what the change started (the store's write) before the next one.
  await new Promise((done) => setTimeout(done, 1500));
  return seconds;
}

/** Polls `ready` every 50 ms until it holds; fails with the server's output if it exits or time runs out. */
export async function waitFor(
  timeoutMs: number,
  server: DevServer,
  ready: () => Promise<boolean>,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await ready())) {
    if (server.child.exitCode !== null) throw new Error(`astro dev exited:\n${server.output()}`);
    if (performance.now() > deadline) throw new Error(`no change after ${timeoutMs} ms:\n${server.output()}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Waits until the page has gone `ms` without navigating. */
async function untilQuiet(page: Page, ms: number): Promise<void> {
  let navigated = true;
  const onNavigation = () => {
    navigated = true;
  };
  page.on('framenavigated', onNavigation);
  while (navigated) {
    navigated = false;
    await new Promise((done) => setTimeout(done, ms));
  }
  page.off('framenavigated', onNavigation);
}

/** Whether the page shows every text; false while it is reloading. */
async function pageHas(page: Page, texts: string[]): Promise<boolean> {
  try {
    const body = await page.evaluate(() => document.body.textContent);
    return texts.every((text) => body.includes(text));
  } catch {
    // The page is between documents: Vite reloads it when the content changes.
    return false;
  }
}

async function visit(page: Page, url: string): Promise<number> {
  const response = await page.goto(url).catch(() => null);
  return response?.status() ?? 0;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

// `npx node bench/support/dev-edit.ts <site folder>`: the dev-edit figures alone, without builds.
if (import.meta.main) {
  const siteDir = resolve(process.argv[2] ?? 'bench/.work/large-10000');
  const edits = Number(process.env['DEV_EDITS'] ?? 5);
  const nodeArgs = process.env['DEV_PROFILE']
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env['DEV_PROFILE']}`]
    : [];
  // DEV_LOG=<file>: the server's own output, verbose (each sync's laps), kept for reading after.
  const logFile = process.env['DEV_LOG'];
  if (logFile) writeFileSync(logFile, '');
  const log = (line: string) => {
    console.log(line);
    if (logFile) appendFileSync(logFile, `[bench ${new Date().toISOString()}]${line}\n`);
  };
  const figures = await measureDevEdit({
    siteDir,
    log,
    edits,
    nodeArgs,
    verbose: logFile !== undefined,
    onOutput: logFile ? (chunk) => appendFileSync(logFile, chunk) : undefined,
  });
  for (const [name, value, note] of devEditRows(figures))
    console.log(`${name.padEnd(46)} ${value.padStart(9)}  ${note}`);
  console.log(JSON.stringify(figures));
}
