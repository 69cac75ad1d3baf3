/**
 * `glossa <command>`: Glossa's command line, run by bin/glossa.mjs with the package's own Node.
 * Every command works on the glossary in the folder it is run in (or `--site DIR`):
 *   init      write a starter glossary (config, one section, one entry)
 *   dev       live preview while you edit
 *   build     build the site into dist/ (or --out DIR), replacing it only when the build succeeds
 *   preview   serve the built site
 *   check     validate every entry (errors and warnings, as the build reports them)
 *   new       create an entry: glossa new "Term title" --section term
 *   import    create entries from a CSV or JSON sheet, a Docusaurus glossary, a Hugo or Jekyll folder
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayIn } from '../lib/entries/new-entry.ts';
import { starterFiles } from './starter.ts';

const packageRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const stripTypes = join(packageRoot, 'bin/strip-types.mjs');
// Installed, Astro sits beside the package in node_modules/, not inside it.
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const USAGE = `Usage: glossa <command> [options]

Commands:
  init               write a starter glossary in this folder
  dev                live preview at http://localhost:4321 while you edit
  build [--out DIR]  build the site into dist/ (the old one is replaced only if the build succeeds)
  preview            serve the built site
  check              validate every entry; --strict fails on warnings too; --format json for tools
  new "Title" --section NAME [--slug NAME]   create an entry
  import SOURCE [--from csv|json|docusaurus|hugo|jekyll] [--section NAME] [--dry-run]
                     create entries from a sheet, a Docusaurus glossary, a Hugo or Jekyll folder

Every command works on the glossary in the current folder; --site DIR names another.
`;

const [command = 'help', ...rest] = process.argv.slice(2);
const { siteDir, args } = takeOption(rest, '--site', process.cwd());
const site = resolve(siteDir);

const script = (name: string) => join(packageRoot, 'scripts', name);
const COMMANDS: Record<string, () => number> = {
  init: () => init(site),
  build: () => {
    const { siteDir: out, args: buildArgs } = takeOption(args, '--out', join(site, 'dist'));
    return runNode(script('build.ts'), buildArgs, { GLOSSA_OUT_DIR: resolve(out) });
  },
  dev: () => runNode(astroBin, ['dev', ...args], { GLOSSA_OUT_DIR: join(site, 'dist') }),
  preview: () => runNode(astroBin, ['preview', ...args], { GLOSSA_OUT_DIR: join(site, 'dist') }),
  check: () => runNode(script('check-content.ts'), ['--site', site, ...args]),
  new: () => runNode(script('new-entry.ts'), ['--site', site, ...args]),
  import: () => runNode(script('import-entries.ts'), ['--site', site, ...args]),
};

const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
if (run) {
  process.exit(run());
} else if (['help', '--help', '-h'].includes(command)) {
  process.stdout.write(USAGE);
} else {
  process.stderr.write(`glossa: unknown command '${command}'\n\n${USAGE}`);
  process.exit(2);
}

/** Writes the starter glossary, refusing to touch a folder that already has one. */
function init(dir: string): number {
  const files = starterFiles(todayIn('+00:00')).filter(
    (file) => !(file.unlessPresent && existsSync(join(dir, file.path))),
  );
  const taken = files.filter((file) => existsSync(join(dir, file.path)));
  if (taken.length > 0 || existsSync(join(dir, 'content'))) {
    process.stderr.write(
      `glossa init: ${dir} already has a glossary (${taken.map((f) => f.path).join(', ') || 'content/'}); nothing was written.\n`,
    );
    return 1;
  }
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text, { flag: 'wx' });
  }
  process.stdout.write(
    `Created a starter glossary in ${dir}:\n${files.map((f) => `  ${f.path}`).join('\n')}\n\nNext: edit glossa.config.yaml, then run \`npx glossa dev\`.\n`,
  );
  return 0;
}

/**
 * Runs a script of the package with this Node, from the package's own folder (where Astro finds
 * its config), pointed at the site folder. The type-stripping hook is passed on to every Node
 * process below it, Astro's included, so the package's TypeScript loads from node_modules/.
 */
function runNode(script: string, scriptArgs: readonly string[], env: Record<string, string> = {}): number {
  const result = spawnSync(process.execPath, [script, ...scriptArgs], {
    cwd: packageRoot,
    stdio: 'inherit',
    env: {
      ...process.env,
      // Node's type stripping is still flagged experimental; its warning means nothing to an editor.
      NODE_OPTIONS:
        `${process.env['NODE_OPTIONS'] ?? ''} --disable-warning=ExperimentalWarning --import ${stripTypes}`.trim(),
      GLOSSA_SITE_DIR: site,
      ...env,
    },
  });
  return result.status ?? 1;
}

function takeOption(
  list: readonly string[],
  name: string,
  fallback: string,
): { siteDir: string; args: string[] } {
  const at = list.indexOf(name);
  if (at === -1) return { siteDir: fallback, args: [...list] };
  const value = list[at + 1];
  if (value === undefined) {
    process.stderr.write(`glossa: ${name} needs a folder\n`);
    process.exit(2);
  }
  return { siteDir: value, args: [...list.slice(0, at), ...list.slice(at + 2)] };
}
