import { readFile } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import type { SourceFile } from './validate-glossary.ts';

/**
 * Reads every Markdown file under `<siteDir>/content/`, at any depth (misplaced files are
 * reported by the validator rather than silently skipped). Sorted so output order never depends
 * on the file system.
 */
export async function readSourceFiles(siteDir: string): Promise<SourceFile[]> {
  const paths = await glob('content/**/*.md', { cwd: siteDir, onlyFiles: true, expandDirectories: false });
  paths.sort();
  return Promise.all(
    paths.map(async (path) => ({ path, text: await readFile(`${siteDir}/${path}`, 'utf8') })),
  );
}

/**
 * Lists every file under `<siteDir>/public/` as the site path it is served at (`/images/a.svg`),
 * so the pure validator can check `image.src` without touching the file system.
 */
export async function readPublicFiles(siteDir: string): Promise<Set<string>> {
  const paths = await glob('**/*', { cwd: `${siteDir}/public`, onlyFiles: true, dot: true });
  return new Set(paths.map((path) => `/${path}`));
}
