/**
 * Writes a synthetic glossary of N terms (default 10,000) into bench/.work/large-<N>/ so search
 * can be measured at scale: `npx node scripts/generate-large-glossary.ts 10000`, then build it with
 * GLOSSA_SITE_DIR=bench/.work/large-10000 GLOSSA_OUT_DIR=bench/.work/large-10000-dist npm run build.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const count = Number(process.argv[2] ?? 10_000);
const dir = resolve(import.meta.dirname, `../bench/.work/large-${count}`);
const sections = ['definition', 'area', 'term'];
const words = `gamma delta vega theta rho vanna volga charm skew smile basis funding margin collateral
liquidation oracle perpetual option future swap spread premium strike expiry hedge convexity
liquidity depth slippage auction settlement index mark leverage exposure volatility carry roll`.split(/\s+/);
const pick = (i: number, k: number) => words[(i * 7 + k * 13) % words.length] ?? 'term';

rmSync(dir, { recursive: true, force: true });
for (const s of sections) mkdirSync(join(dir, 'content', s), { recursive: true });
mkdirSync(join(dir, 'public'), { recursive: true });
writeFileSync(join(dir, 'public/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
writeFileSync(
  join(dir, 'glossa.config.yaml'),
  `name: Large Glossary
description: A generated glossary for measuring search at scale.
url: https://large.example.org
locale: en
timezone: '+00:00'
publisher: { name: Bench, url: https://large.example.org, logo: /logo.svg }
authors: { bench: { name: Bench, url: https://large.example.org/about/ } }
defaultAuthor: bench
sections:
${sections.map((s) => `  ${s}: { label: ${s[0]?.toUpperCase()}${s.slice(1)} }`).join('\n')}
`,
);
for (let i = 0; i < count; i++) {
  const title = `${pick(i, 1)} ${pick(i, 2)} ${pick(i, 3)} ${i}`;
  const body = Array.from(
    { length: 12 },
    (_, k) => `The ${pick(i, k)} of a ${pick(i, k + 5)} moves with ${pick(i, k + 9)}.`,
  );
  writeFileSync(
    join(dir, 'content', sections[i % 3] ?? 'definition', `entry-${i}.md`),
    `---
title: ${title}
summary: Entry ${i} explains how ${pick(i, 4)} relates to ${pick(i, 6)} in a derivatives market.
published: 2026-01-01
categories: [${pick(i, 7)}]
tags: [${pick(i, 8)}, ${pick(i, 10)}]
aka: [E${i}]
---

${body.join(' ')}
`,
  );
}
console.log(`Wrote ${count} entries to ${dir}`);
