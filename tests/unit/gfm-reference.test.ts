import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { markdownToMdast, type MdastNode } from 'satteri';
import { describe, expect, it } from 'vitest';

/**
 * Sätteri replaced remark-gfm for speed (src/integration/index.ts). Every GitHub-flavoured
 * construct is parsed here by both, the reference (micromark-extension-gfm + mdast-util-gfm, what
 * remark-gfm runs) and Sätteri, and their trees compared: node types, nesting, the attributes that
 * carry meaning (alignment, checked, url, depth, ordered) and the text.
 */
const CONSTRUCTS: Record<string, string> = {
  table: '| Left | Centre | Right |\n| :--- | :----: | ----: |\n| a | **b** | `c` |\n| d \\| e | | f |\n',
  strikethrough: 'Some ~~struck~~ and ~single~ text.\n',
  'task list': '- [x] done\n- [ ] open\n  - [X] nested done\n\n1. [ ] ordered task\n',
  'autolink literals': 'Visit www.example.com, https://example.org/path?q=1. or mail ann@example.com.\n',
  footnotes: 'A claim.[^note] Another.[^2]\n\n[^note]: The note, with *emphasis*.\n[^2]: Second.\n',
  'tagfilter and raw html as text': 'Before <b>bold</b> after.\n',
  'everything together':
    '# Title\n\n> - [ ] quoted ~~task~~ www.x.org\n\n| a |\n| - |\n| 1[^f] |\n\n[^f]: f.\n',
};

type Skeleton = { type: string; [key: string]: unknown; children?: Skeleton[] };

const MEANINGFUL = ['align', 'checked', 'url', 'depth', 'ordered', 'spread', 'identifier', 'value'] as const;

/** A tree reduced to what a reader sees: types, nesting, meaningful attributes; no positions. */
function skeleton(node: Nodes | MdastNode): Skeleton {
  const out: Skeleton = { type: node.type };
  for (const key of MEANINGFUL) {
    const value = (node as unknown as Record<string, unknown>)[key];
    // An unchecked task is `checked: false`; a plain list item has null or no field at all.
    if (value !== undefined && value !== null && !(key === 'spread' && value === false)) out[key] = value;
  }
  if ('children' in node) out.children = (node.children as (Nodes | MdastNode)[]).map(skeleton);
  return out;
}

const reference = (markdown: string) =>
  fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

describe('GitHub-flavoured Markdown, Sätteri against the reference parser', () => {
  for (const [name, markdown] of Object.entries(CONSTRUCTS)) {
    it(`parses ${name} into the same tree and text as remark-gfm's parser`, () => {
      const expected = reference(markdown);
      const actual = markdownToMdast(markdown);
      expect(toString(actual as unknown as Nodes)).toBe(toString(expected));
      expect(skeleton(actual)).toEqual(skeleton(expected));
    });
  }
});
