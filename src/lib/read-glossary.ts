import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { SLUG_PATTERN } from './term-schema.ts';
import type { SourceFile } from './validate-glossary.ts';

/**
 * Reads every Markdown file under `<siteDir>/content/`, at any depth (misplaced files are
 * reported by the validator rather than silently skipped). Sorted so output order never depends
 * on the file system.
 */
export async function readSourceFiles(siteDir: string): Promise<SourceFile[]> {
  const paths = await glob('content/**/*.md', { cwd: siteDir, onlyFiles: true, expandDirectories: false });
  paths.sort();
  // Synchronous on purpose: for 10,000 small files one readFileSync each is several times faster
  // than 10,000 concurrent promises queued on libuv's four-thread pool (measured: ~0.1 s vs ~0.8 s).
  return paths.map((path) => ({ path, text: readFileSync(`${siteDir}/${path}`, 'utf8') }));
}

/**
 * Lists every file under `<siteDir>/public/` as the site path it is served at (`/images/a.svg`),
 * so the pure validator can check `image.src` without touching the file system.
 */
export async function readPublicFiles(siteDir: string): Promise<Set<string>> {
  const paths = await glob('**/*', { cwd: `${siteDir}/public`, onlyFiles: true, dot: true });
  return new Set(paths.map((path) => `/${path}`));
}

/**
 * The section folders under `<siteDir>/content/` whose names can be sections (lowercase
 * kebab-case), sorted. Others are reported by validation; they never hold a published page.
 */
export function sectionFolders(siteDir: string): string[] {
  const content = join(siteDir, 'content');
  if (!existsSync(content)) return [];
  return readdirSync(content, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && SLUG_PATTERN.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}
