import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateGlossary } from '../../bench/generate.ts';

/** One entry file's text: the given front-matter lines, then the body. */
function entryText(fields: readonly string[], body: string): string {
  return `---\n${fields.join('\n')}\n---\n\n${body}\n`;
}

/**
 * Entries that between them draw every kind of warning and advice `check:content` gives, added to
 * a generated glossary so the cross-entry work (mentions, suggestions, co-mentions) has a crowd
 * to run over.
 */
const EXTRA: Record<string, string> = {
  'content/definition/vanna.md': entryText(
    [
      'title: Vanna',
      'summary: Vanna is how delta changes as implied volatility moves.',
      'published: 2026-01-05',
    ],
    'Vanna links the two greeks most desks watch together with volga.',
  ),
  'content/definition/volga.md': entryText(
    [
      'title: Volga',
      'summary: Volga is how vega changes as implied volatility moves.',
      'published: 2026-01-05',
    ],
    'Volga is the convexity of an option in volatility.',
  ),
  'content/area/vanna-note.md': entryText(
    [
      'title: Vanna Note',
      'summary: A note that reads vanna beside its close cousin.',
      'published: 2026-01-06',
    ],
    'Vanna with volga, again.',
  ),
  'content/area/volga-note.md': entryText(
    [
      'title: Volga Note',
      'summary: A second note that reads both second-order greeks.',
      'published: 2026-01-06',
    ],
    'Volga with vanna, once more.',
  ),
  'content/area/pair-note.md': entryText(
    [
      'title: Pair Note',
      'summary: A third note on the pair of second-order greeks.',
      'published: 2026-01-06',
    ],
    'Vanna, then volga.',
  ),
  'content/term/quokka-ledger.md': entryText(
    [
      'title: Quokka Ledger',
      'summary: A ledger kept by the quokka desk for its odd trades.',
      'published: 2026-01-07',
    ],
    'Zebrafish marmalade quibbles with the ptarmigan.',
  ),
  'content/term/ptarmigan-book.md': entryText(
    [
      'title: Ptarmigan Book',
      'summary: A book of zebrafish marmalade trades kept apart.',
      'published: 2026-01-07',
    ],
    'Zebrafish marmalade quibbles again, far from every other desk.',
  ),
  'content/term/hermit.md': entryText(
    [
      'title: Hermit',
      'summary: An entry that names nothing and that nothing names.',
      'published: 2026-01-08',
    ],
    'Stands apart.',
  ),
  'content/term/benchmark-one.md': entryText(
    [
      'title: Benchmark One',
      'summary: The first of two entries that share an alias by mistake.',
      'published: 2026-01-09',
      'aka: [yardstick]',
    ],
    'Measured against the yardstick.',
  ),
  'content/term/benchmark-two.md': entryText(
    [
      'title: Benchmark Two',
      'summary: The second of two entries that share an alias by mistake.',
      'published: 2026-01-09',
      'aka: [yardstick]',
    ],
    'Also measured against the yardstick.',
  ),
  'content/term/short-one.md': entryText(
    ['title: Short One', 'summary: Too short.', 'published: 2026-01-10'],
    'Body.',
  ),
  'content/term/two-sentences.md': entryText(
    [
      'title: Two Sentences',
      'summary: This summary says one thing at length. Then it says another thing.',
      'published: 2026-01-10',
      'tags: [Greeks]',
    ],
    'A formula that does not parse: $\\frac{1}{$.',
  ),
  'content/term/greek-letters.md': entryText(
    [
      'title: Greek Letters',
      'summary: The letters the sensitivities of an option are named after.',
      'published: 2026-01-10',
      'tags: [greeks]',
    ],
    '',
  ),
  'content/term/long-summary.md': entryText(
    [
      'title: Long Summary',
      `summary: ${'A summary that goes on and on about every detail of the idea it defines, '.repeat(3)}and ends.`,
      'published: 2026-01-11',
      'related: [hermit]',
    ],
    'Body text about the hermit.',
  ),
  'content/term/repeats-title.md': entryText(
    ['title: Repeats Title', 'summary: Repeats title, repeats title again.', 'published: 2026-01-11'],
    'Body text.',
  ),
  'content/term/stop-loss-orders.md': entryText(
    [
      'title: Stop-Loss Orders',
      'summary: Orders that close a position once the price passes a level.',
      'published: 2026-01-12',
    ],
    'Body text.',
  ),
  'content/term/stop-loss-order.md': entryText(
    [
      'title: stop loss order',
      'summary: One order that closes a position past a chosen price level.',
      'published: 2026-01-12',
    ],
    'Body text.',
  ),
};

/**
 * Writes a glossary of `entries` generated entries plus the entries above into a fresh temporary
 * folder and returns its path: a valid glossary (no errors) with warnings and advice of every kind.
 */
export function writeAdviceSite(entries = 120): string {
  const dir = mkdtempSync(join(tmpdir(), 'glossa-advice-'));
  generateGlossary(dir, entries);
  for (const [path, text] of Object.entries(EXTRA)) writeFileSync(join(dir, path), text);
  return dir;
}
