/**
 * Writes every diagram of the example glossary to `public/images/diagrams/`, replacing what is
 * there. Run with `npm run diagrams`; `tests/unit/diagrams.test.ts` fails when the checked-in
 * files differ from what this would write.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderDiagrams } from './diagrams.ts';

/** Where the diagrams live, so the test and the script agree. */
export const DIAGRAM_DIR = fileURLToPath(new URL('../../public/images/diagrams/', import.meta.url));

async function main() {
  await mkdir(DIAGRAM_DIR, { recursive: true });
  const diagrams = renderDiagrams();
  // Remove diagrams that are no longer drawn, so a renamed one does not linger.
  for (const file of await readdir(DIAGRAM_DIR)) {
    if (file.endsWith('.svg') && !diagrams.has(file)) await rm(DIAGRAM_DIR + file);
  }
  for (const [file, svg] of diagrams) await writeFile(DIAGRAM_DIR + file, svg);
  console.log(`Wrote ${diagrams.size} diagrams to ${DIAGRAM_DIR}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
