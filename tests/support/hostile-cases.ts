import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The table of hostile and broken inputs from issue 13, as data: each case writes a few files
 * into one shared site folder and says what must come of them. All cases are checked by one
 * `check:content` run over that folder; the cases marked `build` are built as well.
 */

/** What must happen to a case's input. */
export type Outcome =
  /** Refused: some error line of the report starts with `line` (file, position, field) and contains `text`. */
  | { error: string; text: string }
  /** Reported but allowed: a warning line starts with `line` and contains `text`. */
  | { warning: string; text: string }
  /** Legitimate: no error names the case's files. */
  | { published: true };

/** One hostile input. */
export interface HostileCase {
  name: string;
  /** Files to write, by path relative to the site folder (`content/…`, `public/…`). */
  files: Record<string, string | Buffer>;
  /** Symbolic links to create: path in the site → target (absolute, or relative to the outside folder). */
  links?: Record<string, string>;
  expect: Outcome;
}

const SUMMARY = 'This entry is one of the hostile inputs that the fuzz table feeds to the checks.';

/** An entry file with valid front matter, plus `extra` lines, and `body`. */
export function entry(title: string, body = 'Body.', extra = ''): string {
  return `---\ntitle: ${title}\nsummary: ${SUMMARY}\npublished: 2026-03-15\nrelated: [hostile-anchor]${extra ? `\n${extra}` : ''}\n---\n\n${body}\n`;
}

/** A front matter written out in full, for cases about the front matter itself. */
const raw = (front: string, body = 'Body.') => `---\n${front}\n---\n\n${body}\n`;

const SCHEME = 'scheme, which is not allowed in entries';
const CONTROL = 'must not contain control characters';

const scriptLinks: [string, string][] = [
  ['an inline javascript: link', '[x](javascript:alert(1))'],
  ['a mixed-case scheme', '[x](JaVaScRiPt:alert(1))'],
  ['a decimal character reference', '[x](&#106;avascript:alert(1))'],
  ['a hex reference for the colon', '[x](javascript&#x3a;alert(1))'],
  ['an angle-bracket autolink', '<javascript:alert(1)>'],
  ['a reference definition', 'See [r].\n\n[r]: javascript:alert(1)'],
  ['an angle-bracketed destination', '[x](<javascript:alert(1)>)'],
  ['a comment-style payload', '[x](javascript://%0aalert(1))'],
  ['a tab inside the scheme', '[x](java&#x09;script:alert(1))'],
  ['vbscript', '[x](vbscript:msgbox(1))'],
  ['an HTML data URL', '[x](data:text/html,<script>alert(1)</script>)'],
  ['an image source', '![x](javascript:alert(1))'],
];

const controls: [string, string, string, string][] = [
  ['a NUL in a title', 'title: "Nul\\0title"', 'title', 'U+0000'],
  ['U+0001 in a title', 'title: "Soh\\x01title"', 'title', 'U+0001'],
  ['an escape sequence in a title', 'title: "Red \\e[31m"', 'title', 'U+001B'],
  ['a C1 control in a tag', 'title: Tagged\ntags: ["hedg\\x85ing"]', 'tags[0]', 'U+0085'],
  ['DEL in the keyword', 'title: Keyed\nkeyword: "Mech\\x7Fanism"', 'keyword', 'U+007F'],
  ['a backspace in an aka', 'title: Aka\naka: ["G\\bamma"]', 'aka[0]', 'U+0008'],
  ['a vertical tab in a category', 'title: Cat\ncategories: ["Gr\\veeks"]', 'categories[0]', 'U+000B'],
];

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n${body}\n</svg>\n`;

/** Every case. Slugs are unique across cases, since all of them share one site. */
export const HOSTILE_CASES: HostileCase[] = [
  // The anchor every entry lists in related, so no case warns about orphans for nothing.
  {
    name: 'a plain valid entry (the anchor the others link to)',
    files: {
      'content/definition/hostile-anchor.md': raw(
        `title: Hostile Anchor\nsummary: ${SUMMARY}\npublished: 2026-03-15`,
        'Plain.',
      ),
    },
    expect: { published: true },
  },
  ...scriptLinks.map(([name, body], i): HostileCase => {
    const file = `content/definition/script-${i}.md`;
    return {
      name: `script link: ${name}`,
      files: { [file]: entry(`Script ${i}`, body) },
      expect: { error: file, text: SCHEME },
    };
  }),

  // Item 2: resource bounds.
  {
    name: 'a 2.1 MB body',
    files: { 'content/definition/huge.md': entry('Huge', 'word '.repeat(420_000)) },
    expect: { error: 'content/definition/huge.md:7:1  body', text: 'is 2.1 MB; the limit is 1 MB' },
  },
  {
    name: "'a &amp; b ' repeated to 400 KB",
    files: { 'content/definition/amp-bomb.md': entry('Amp Bomb', 'a &amp; b '.repeat(40_000)) },
    expect: {
      error: 'content/definition/amp-bomb.md:8:1  body',
      text: 'has a paragraph with 40,000 character references',
    },
  },
  {
    name: "'AT&amp;T and R&amp;D ' repeated to 210 KB, with an image",
    files: {
      'content/definition/att-bomb.md': entry(
        'Att Bomb',
        `![c](/images/curve.svg)\n${'AT&amp;T and R&amp;D '.repeat(10_000)}`,
      ),
    },
    expect: {
      error: 'content/definition/att-bomb.md:8:1  body',
      text: 'has a paragraph with 20,000 character references',
    },
  },
  {
    name: '10,000 nested blockquotes',
    files: { 'content/definition/deep-quote.md': entry('Deep Quote', `${'> '.repeat(10_000)}x`) },
    expect: {
      error: 'content/definition/deep-quote.md:8:1  body',
      text: 'nests blockquotes and lists 10,000 levels deep',
    },
  },
  {
    name: 'lists nested 40 deep',
    files: {
      'content/definition/deep-list.md': entry(
        'Deep List',
        Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- ${i}`).join('\n'),
      ),
    },
    expect: {
      error: 'content/definition/deep-list.md:47:1  body',
      text: 'nests blockquotes and lists 40 levels deep; the limit is 32',
    },
  },
  {
    name: 'a few hundred character references spread over paragraphs',
    files: {
      'content/definition/many-refs.md': entry(
        'Many Refs',
        Array.from({ length: 50 }, () => 'AT&amp;T &lt;b&gt; '.repeat(20)).join('\n\n'),
      ),
    },
    expect: { published: true },
  },

  // Item 3: reading content/.
  {
    name: 'a hidden entry file',
    files: { 'content/definition/.secret.md': entry('Secret') },
    expect: { warning: 'content/definition/.secret.md:1:1  file', text: 'is hidden, so it is not read' },
  },
  {
    name: 'an upper-case .MD extension',
    files: { 'content/definition/shout.MD': entry('Shout') },
    expect: {
      warning: 'content/definition/shout.MD:1:1  file',
      text: 'only files ending in .md (lowercase) are entries',
    },
  },
  {
    name: 'a .markdown extension',
    files: { 'content/definition/long-ext.markdown': entry('Long Ext') },
    expect: {
      warning: 'content/definition/long-ext.markdown:1:1  file',
      text: 'only files ending in .md (lowercase) are entries',
    },
  },
  {
    name: 'a symlinked .md file from outside the site',
    files: {},
    links: { 'content/definition/stolen.md': 'outside.md' },
    expect: { error: 'content/definition/stolen.md:1:1  file', text: 'outside the site folder' },
  },
  {
    name: 'a symlinked folder from outside the site',
    files: {},
    links: { 'content/stolen-section': 'outside-folder' },
    expect: { error: 'content/stolen-section:1:1  file', text: 'outside the site folder' },
  },
  {
    name: 'a dangling symlink',
    files: {},
    links: { 'content/definition/dangling.md': 'does-not-exist.md' },
    expect: {
      error: 'content/definition/dangling.md:1:1  file',
      text: 'is a symbolic link that cannot be followed',
    },
  },
  {
    name: 'invalid UTF-8 in a body',
    files: {
      'content/definition/latin1.md': Buffer.concat([
        Buffer.from(entry('Latin One', 'Fine.\nCaf')),
        Buffer.from([0xe9, 0x0a]),
      ]),
    },
    expect: { error: 'content/definition/latin1.md:10:1  file', text: 'is not valid UTF-8' },
  },

  // Item 5: inherited keys.
  ...['constructor', '__proto__', 'toString', 'hasOwnProperty'].map((key): HostileCase => {
    const file = `content/definition/author-${key.replaceAll('_', '').toLowerCase()}.md`;
    return {
      name: `author: ${key}`,
      files: { [file]: entry(`Author ${key.replaceAll('_', '')}`, 'Body.', `author: ${key}`) },
      expect: { error: `${file}:6:1  author`, text: `'${key}' is not an author in glossa.config.yaml` },
    };
  }),

  // Item 6: control characters.
  ...controls.map(([name, front, field, code], i): HostileCase => {
    const file = `content/definition/control-${i}.md`;
    const text = raw(`${front}\nsummary: ${SUMMARY}\npublished: 2026-03-15\nrelated: [hostile-anchor]`);
    return {
      name,
      files: { [file]: text },
      expect: { error: file, text: `${field}  ${CONTROL} (found ${code}` },
    };
  }),

  // Item 7: YAML.
  {
    name: 'an unknown YAML tag',
    files: {
      'content/definition/yaml-tag.md': raw(`title: !foo x\nsummary: ${SUMMARY}\npublished: 2026-03-15`),
    },
    expect: { error: 'content/definition/yaml-tag.md:2:8  front matter', text: 'Unresolved tag: !foo' },
  },
  {
    name: 'a YAML alias bomb with an unknown tag',
    files: {
      'content/definition/yaml-bomb.md': raw(
        [
          'a: &a [x, x, x, x, x, x, x, x, x]',
          'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
          'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
          'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
          'title: !foo *d',
        ].join('\n'),
      ),
    },
    expect: { error: 'content/definition/yaml-bomb.md:', text: 'front matter  is not valid YAML' },
  },
  {
    name: 'a YAML alias',
    files: {
      'content/definition/yaml-alias.md': raw(
        `title: &t Alias\nsummary: ${SUMMARY}\npublished: 2026-03-15\naka: [*t]`,
      ),
    },
    expect: { error: 'content/definition/yaml-alias.md:5:7  front matter', text: 'uses the YAML alias *t' },
  },
  {
    name: 'broken YAML indentation',
    files: { 'content/definition/yaml-broken.md': raw(`title: Broken\n  summary: [unclosed`) },
    expect: { error: 'content/definition/yaml-broken.md:', text: 'front matter  is not valid YAML' },
  },

  // Item 8: public/.
  ...(
    [
      ['an SVG with <script>', '<script>alert(1)</script>', 'a <script> element'],
      ['an SVG with onload=', '<rect onload="alert(1)" width="1" height="1"/>', 'an event-handler attribute'],
      ['an SVG with a javascript: href', '<a href="javascript:alert(1)"><text>x</text></a>', 'a script link'],
      [
        'an SVG with foreignObject',
        '<foreignObject><div>x</div></foreignObject>',
        'a <foreignObject> element',
      ],
    ] as const
  ).map(([name, body, what], i): HostileCase => ({
    name,
    files: { [`public/images/evil-${i}.svg`]: svg(body) },
    expect: { error: `public/images/evil-${i}.svg:2:`, text: `contains ${what}` },
  })),
  ...[
    '/definition/hostile-anchor/index.html',
    '/glossary.json',
    '/rss.xml',
    '/definition/hostile-anchor.md',
  ].map((path): HostileCase => ({
    name: `a public file at the generated path ${path}`,
    files: { [`public${path}`]: 'not generated' },
    expect: {
      error: `public${path}:1:1  file`,
      text: 'has the same path as a page or file the build generates',
    },
  })),
  {
    name: 'a plain SVG illustration',
    files: {
      'public/images/curve.svg': svg('<path d="M0 10 L10 0" stroke="black"/><title>online onset</title>'),
    },
    expect: { published: true },
  },

  // Item 9 and other names.
  {
    name: 'a section folder named _astro',
    files: { 'content/_astro/reserved.md': entry('Reserved') },
    expect: { error: 'content/_astro/reserved.md:1:1  file', text: "(rename it to 'astro')" },
  },
  {
    name: 'a file name with accents and Greek',
    files: { 'content/definition/négatif-γάμμα.md': entry('Negatif Gamma') },
    expect: {
      error: 'content/definition/négatif-γάμμα.md:1:1  file',
      text: "(rename it to 'negatif-gamma')",
    },
  },
  {
    name: 'a date in the year 50',
    files: {
      'content/definition/ancient.md': raw(
        `title: Ancient\nsummary: ${SUMMARY}\npublished: 0050-03-15\nrelated: [hostile-anchor]`,
      ),
    },
    expect: { published: true },
  },
  {
    name: 'tags C# and C++',
    files: { 'content/definition/languages.md': entry('Languages', 'Body.', "tags: ['C#', 'C++', C]") },
    expect: { published: true },
  },
  {
    name: "a link title containing ']('",
    files: {
      'content/definition/odd-title.md': entry(
        'Odd Title',
        'See [anchor](../hostile-anchor/ "go ](../x/ now").',
      ),
    },
    expect: { published: true },
  },
  {
    name: 'a 110-character title',
    files: { 'content/definition/long-title.md': entry(`${'Long '.repeat(21)}title`) },
    expect: { published: true },
  },
  {
    name: 'a related slug with a typo',
    files: {
      'content/definition/typo-ref.md': raw(
        `title: Typo Ref\nsummary: ${SUMMARY}\npublished: 2026-03-15\nrelated: [hostile-anchr]`,
      ),
    },
    expect: {
      error: 'content/definition/typo-ref.md:5:1  related[0]',
      text: "(did you mean 'hostile-anchor'?)",
    },
  },

  // Our own.
  {
    name: 'a title that tries to close the JSON-LD script',
    files: { 'content/definition/script-title.md': entry('"</script><script>alert(1)</script>"') },
    expect: { published: true },
  },
  {
    name: 'raw HTML with a script in the body',
    files: {
      'content/definition/raw-html.md': entry(
        'Raw Html',
        '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>',
      ),
    },
    expect: { published: true },
  },
  {
    name: 'an entry that lists itself as related',
    files: {
      'content/definition/selfish.md': raw(
        `title: Selfish\nsummary: ${SUMMARY}\npublished: 2026-03-15\nrelated: [selfish]`,
      ),
    },
    expect: { error: 'content/definition/selfish.md:5:1  related[0]', text: 'refers to the entry itself' },
  },
  {
    name: 'the same slug in two sections',
    files: { 'content/definition/twin.md': entry('Twin A'), 'content/term/twin.md': entry('Twin B') },
    expect: {
      error: 'content/term/twin.md:1:1  file',
      text: "slug 'twin' is already used by content/definition/twin.md",
    },
  },
  {
    name: 'updated before published',
    files: { 'content/definition/time-travel.md': entry('Time Travel', 'Body.', 'updated: 2020-01-01') },
    expect: { error: 'content/definition/time-travel.md:6:1  updated', text: 'must not be before published' },
  },
  {
    name: 'an image with a page-relative path in the body',
    files: { 'content/definition/rel-image.md': entry('Rel Image', '![c](images/curve.svg)') },
    expect: { error: 'content/definition/rel-image.md:8:1  body', text: 'has a relative path' },
  },
  {
    name: 'a summary of two sentences',
    files: {
      'content/definition/two-sentences.md': raw(
        `title: Two\nsummary: One sentence here is fine enough. Another sentence follows it.\npublished: 2026-03-15`,
      ),
    },
    // Advice since #15: the page is fine, so two sentences are a warning, not an error.
    expect: { warning: 'content/definition/two-sentences.md:3:1  summary', text: 'should be one sentence' },
  },
  {
    name: 'a file directly under content/',
    files: { 'content/loose.md': entry('Loose') },
    expect: { error: 'content/loose.md:1:1  file', text: 'is not in a section folder' },
  },
  {
    name: 'a missing closing front-matter fence',
    files: { 'content/definition/unclosed.md': `---\ntitle: Unclosed\n` },
    expect: { error: 'content/definition/unclosed.md:1:1  front matter', text: 'is not closed' },
  },
  {
    name: 'a published draft reference',
    files: {
      'content/definition/draft-target.md': entry('Draft Target', 'Body.', 'draft: true'),
      'content/definition/draft-ref.md': raw(
        `title: Draft Ref\nsummary: ${SUMMARY}\npublished: 2026-03-15\nrelated: [draft-target]`,
      ),
    },
    expect: { error: 'content/definition/draft-ref.md:5:1  related[0]', text: "'draft-target' is a draft" },
  },
  {
    name: 'an image.src that is not in public/',
    files: {
      'content/definition/no-image.md': entry(
        'No Image',
        'Body.',
        'image:\n  src: /images/missing.svg\n  alt: A curve',
      ),
    },
    expect: {
      error: 'content/definition/no-image.md:7:3  image.src',
      text: "'/images/missing.svg' is not a file in public/",
    },
  },
  {
    name: 'a BOM and CRLF line endings',
    files: { 'content/definition/windows.md': `\uFEFF${entry('Windows').replaceAll('\n', '\r\n')}` },
    expect: { published: true },
  },
  {
    name: 'deep but reasonable nesting',
    files: {
      'content/definition/nested-ok.md': entry('Nested Ok', '> a\n> > b\n> > > c\n\n- 1\n  - 2\n    - 3'),
    },
    expect: { published: true },
  },
];

/** The site configuration every case shares. */
export const HOSTILE_CONFIG = `name: Hostile Glossary
description: Every hostile input of the fuzz table.
url: https://hostile.example.org
timezone: '+00:00'
publisher:
  name: Hostile Press
  url: https://hostile.example.org
  logo: /logo.svg
authors:
  ed:
    name: Ed Itor
    url: https://hostile.example.org/ed/
defaultAuthor: ed
`;

/**
 * Writes the given cases into a fresh site folder and returns its path. Links point into a
 * sibling folder outside the site, which holds the files the links lead to.
 */
export function writeHostileSite(cases: readonly HostileCase[] = HOSTILE_CASES): string {
  const root = mkdtempSync(join(tmpdir(), 'glossa-hostile-'));
  const site = join(root, 'site');
  const outside = join(root, 'outside');
  const write = (path: string, text: string | Buffer) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  write(join(outside, 'outside.md'), entry('Outside'));
  write(join(outside, 'outside-folder/inner.md'), entry('Inner'));
  write(join(site, 'glossa.config.yaml'), HOSTILE_CONFIG);
  write(join(site, 'public/logo.svg'), svg('<circle cx="5" cy="5" r="4"/>'));
  for (const testCase of cases) {
    for (const [path, text] of Object.entries(testCase.files)) write(join(site, path), text);
    for (const [path, target] of Object.entries(testCase.links ?? {})) {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      symlinkSync(join(outside, target), join(site, path));
    }
  }
  return site;
}
