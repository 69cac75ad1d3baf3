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
