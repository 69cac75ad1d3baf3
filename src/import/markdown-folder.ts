/**
 * Reads a folder of Markdown files with YAML front matter, the shape Hugo and Jekyll glossaries
 * share; each format then says what its fields mean.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse } from 'yaml';
import type { Problem } from '../lib/checks/problems.ts';
import { problemAt } from './imported-term.ts';

/** One Markdown file of the source folder, split into its front matter and body. */
export interface SourceDocument {
  /** Absolute path, for its git history. */
  path: string;
  /** Path shown in problems: the folder's name, then the path inside it (`terms/pod.md`). */
  file: string;
  /** The file name without `.md`: the page's address on the old site. */
  name: string;
  fields: Record<string, unknown>;
  body: string;
}

/** Every `.md`/`.markdown` file under `dir`, in a stable order, with problems for unreadable ones. */
export function readMarkdownFolder(dir: string): { documents: SourceDocument[]; problems: Problem[] } {
  const documents: SourceDocument[] = [];
  const problems: Problem[] = [];
  const shown = basename(dir);
  for (const path of listMarkdown(dir)) {
    const file = join(shown, relative(dir, path)).split('\\').join('/');
    const text = readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
    const name = basename(path).replace(/\.(md|markdown)$/, '');
    // Hugo's index pages describe the folder, not a term.
    if (name === '_index' || name === 'index') continue;
    if (text.startsWith('+++')) {
      problems.push(
        problemAt(
          { file, line: 1 },
          'file',
          'has TOML front matter (+++), which the import does not read',
          'error',
          'convert it to YAML between --- lines (hugo convert toYAML)',
        ),
      );
      continue;
    }
    const match = /^---\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/.exec(text);
    if (!match) {
      problems.push(
        problemAt(
          { file, line: 1 },
          'file',
          'has no front matter',
          'warning',
          'it is not imported; add a --- block with at least a title',
        ),
      );
      continue;
    }
    let fields: unknown;
    try {
      fields = parse(match[1] ?? '') ?? {};
    } catch (error) {
      const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 0;
      problems.push(
        problemAt(
          { file, line: line + 1 },
          'front matter',
          `is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
          'error',
        ),
      );
      continue;
    }
    if (typeof fields !== 'object' || Array.isArray(fields)) {
      problems.push(problemAt({ file, line: 2 }, 'front matter', 'must be fields (name: value)', 'error'));
      continue;
    }
    documents.push({
      path,
      file,
      name,
      fields: fields as Record<string, unknown>,
      body: text.slice(match[0].length).trim(),
    });
  }
  return { documents, problems };
}

function listMarkdown(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    if (entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...listMarkdown(path));
    else if (/\.(md|markdown)$/.test(entry)) out.push(path);
  }
  return out;
}

/**
 * Rewrites links to pages of the old site's glossary folder (`[x](/terms/adagrad/)`,
 * `[1]: /terms/adagrad`) as links to the entry (`adagrad.md`), which Glossa resolves to the
 * entry's address wherever its section ends up. A link to a page of that folder that does not
 * exist was a broken link on the old site: it becomes its text, and `warn` names it.
 */
export function relinkOldPaths(
  body: string,
  folder: string,
  names: ReadonlySet<string>,
  warn: (message: string) => void = () => {},
): string {
  const escaped = folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const target = `/${escaped}/([A-Za-z0-9_-]+)/?(#[^\\s)]*)?`;
  const dropped = new Set<string>();
  let out = body.replace(
    new RegExp(`^ {0,3}\\[([^\\]]+)\\]:[ \\t]*${target}(?=[ \\t]|$).*$`, 'gm'),
    (whole, id: string, name: string, fragment = '') => {
      if (names.has(name)) return whole.replace(/:[ \t]*\S+/, `: ${name}.md${fragment}`);
      warn(
        `link definition [${id}] to /${folder}/${name} is not a term of this glossary; its links are kept as text`,
      );
      dropped.add(id.toLowerCase());
      return '';
    },
  );
  out = out.replace(
    new RegExp(`\\[([^\\]]*)\\]\\(\\s*${target}\\s*\\)`, 'g'),
    (_link: string, text: string, name: string, fragment = '') => {
      if (names.has(name)) return `[${text}](${name}.md${fragment})`;
      warn(`link to /${folder}/${name} is not a term of this glossary; kept as text`);
      return text;
    },
  );
  if (dropped.size > 0) {
    out = out.replace(/\[([^\]]+)\]\[([^\]]*)\]/g, (whole, text: string, id: string) =>
      dropped.has((id || text).toLowerCase()) ? text : whole,
    );
  }
  return out;
}

/**
 * One warning per front-matter field of the source that `known` does not list, with how many
 * files have it: a field nobody maps is dropped, and the editor should know which.
 */
export function ignoredFieldWarnings(
  documents: readonly SourceDocument[],
  known: ReadonlySet<string>,
): Problem[] {
  const ignored = new Map<string, { count: number; file: string }>();
  for (const doc of documents) {
    for (const key of Object.keys(doc.fields)) {
      if (known.has(key)) continue;
      const seen = ignored.get(key);
      if (seen) seen.count++;
      else ignored.set(key, { count: 1, file: doc.file });
    }
  }
  return [...ignored].map(([key, { count, file }]) =>
    problemAt(
      { file, line: 1 },
      key,
      `is not a field Glossa imports and is ignored (${count === 1 ? '1 file' : `${count} files`})`,
      'warning',
    ),
  );
}
