/**
 * Writes a synthetic glossary of N terms (default 10,000) into bench/.work/large-<N>/, the same
 * deterministic glossary the benchmark builds (bench/generate.ts), for measuring search or the
 * live preview at scale: `npx node scripts/generate-large-glossary.ts 10000`, then
 * `GLOSSA_SITE_DIR=bench/.work/large-10000 GLOSSA_OUT_DIR=bench/.work/large-10000-dist npm run build`.
 */
import { resolve } from 'node:path';
import { generateGlossary } from '../bench/generate.ts';

const count = Number(process.argv[2] ?? 10_000);
const dir = resolve(import.meta.dirname, `../bench/.work/large-${count}`);
generateGlossary(dir, count);
console.log(`Wrote ${count} entries to ${dir}`);
