import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { parseEntryFileLink, resolveEntryLink } from '../../src/lib/markdown/entry-links.ts';
import { prefixSitePaths } from '../../src/lib/markdown/prefix-site-paths.ts';
import { resolveEntryLinks } from '../../src/lib/markdown/resolve-entry-links.ts';
import { absolutizeBody } from '../../src/lib/outputs/markdown-copy.ts';

const SECTIONS = new Map([
  ['tcp', 'definition'],
  ['udp', 'term'],
]);
const sectionOf = (slug: string) => SECTIONS.get(slug);

const BODY = [
  'See [tcp](./tcp.md), [udp](udp.md#history), [tcp again](../definition/tcp.md?v=1#flow),',
  '[its page](/definition/tcp/#flow), [missing](./nope.md), [the copy](/definition/tcp.md)',
  'and [by reference][r].',
  '',
  '[r]: ../term/udp.md',
].join('\n');

describe('parseEntryFileLink', () => {
  it('reads the slug and fragment of relative links to .md files, and nothing else', () => {
    expect(parseEntryFileLink('./tcp.md')).toEqual({ slug: 'tcp', fragment: undefined, suffix: '' });
    expect(parseEntryFileLink('../definition/tcp.md?x=1#the%20flow')).toEqual({
      slug: 'tcp',
      fragment: 'the flow',
      suffix: '?x=1#the%20flow',
    });
    expect(
      ['/definition/tcp.md', '/definition/tcp/', 'https://example.org/a.md', '#x', 'tcp/', ''].map(
        parseEntryFileLink,
      ),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('resolveEntryLink', () => {
  it('points a file link at the entry page in whatever section it is, keeping query and fragment', () => {
    expect(resolveEntryLink('../area/udp.md?x#h', sectionOf)).toBe('/term/udp/?x#h');
    expect(resolveEntryLink('./nope.md', sectionOf)).toBe('./nope.md');
    expect(resolveEntryLink('/definition/tcp/', sectionOf)).toBe('/definition/tcp/');
  });
});

describe('resolveEntryLinks in pages', () => {
  it('links entry files to their pages under the glossary root, reference links included', async () => {
    const { html } = await markdownToHtml(BODY, {
      hastPlugins: [resolveEntryLinks(sectionOf), prefixSitePaths('/docs/')],
    });
    expect(html).toBe(
      [
        '<p>See <a href="/docs/definition/tcp/">tcp</a>, <a href="/docs/term/udp/#history">udp</a>, <a href="/docs/definition/tcp/?v=1#flow">tcp again</a>,',
        '<a href="/docs/definition/tcp/#flow">its page</a>, <a href="./nope.md">missing</a>, <a href="/docs/definition/tcp.md">the copy</a>',
        'and <a href="/docs/term/udp/">by reference</a>.</p>',
        '',
      ].join('\n'),
    );
  });
});

describe('entry links in Markdown copies', () => {
  it('become absolute URLs of the entry pages, under the site’s base path', () => {
    const copy = absolutizeBody(BODY, 'https://example.org/docs/definition/x/', {
      siteUrl: 'https://example.org/docs',
      sectionOf,
    });
    expect(copy).toBe(
      [
        'See [tcp](https://example.org/docs/definition/tcp/), [udp](https://example.org/docs/term/udp/#history), [tcp again](https://example.org/docs/definition/tcp/?v=1#flow),',
        '[its page](https://example.org/docs/definition/tcp/#flow), [missing](https://example.org/docs/definition/x/nope.md), [the copy](https://example.org/docs/definition/tcp.md)',
        'and [by reference][r].',
        '',
        '[r]: https://example.org/docs/term/udp/',
      ].join('\n'),
    );
  });
});
