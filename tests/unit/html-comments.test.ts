import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { escapeRawHtml } from '../../src/lib/markdown/escape-raw-html.ts';
import { findUnclosedComments, stripHtmlComments } from '../../src/lib/markdown/html-comments.ts';
import { absolutizeBody } from '../../src/lib/outputs/markdown-copy.ts';

const BODY = [
  'First paragraph <!-- an inline note --> goes on.',
  '',
  '<!--more-->',
  '',
  '<!--',
  'A note over',
  'several lines.',
  '-->',
  '',
  'Code keeps its comments: `<!-- in a span -->`.',
  '',
  '```html',
  '<!-- in a block -->',
  '```',
  '',
  '<!-- a note --> <b>bold</b>',
  '',
  'Last paragraph.',
].join('\n');

async function render(markdown: string): Promise<string> {
  return (await markdownToHtml(markdown, { hastPlugins: [escapeRawHtml] })).html;
}

describe('stripHtmlComments', () => {
  it('removes complete comments of every form the HTML tokenizer closes', () => {
    expect(stripHtmlComments('a<!-- x -->b<!---->c<!-->d<!--->e<!-- y --!>f')).toBe('abcdef');
  });

  it('leaves an unclosed comment in place, so the editor sees it', () => {
    expect(stripHtmlComments('a <!-- never closed')).toBe('a <!-- never closed');
  });
});

describe('HTML comments in pages', () => {
  it('never reach the page, while comments inside code stay as code text', async () => {
    expect(await render(BODY)).toBe(
      [
        '<p>First paragraph  goes on.</p>',
        '',
        '',
        '<p>Code keeps its comments: <code>&lt;!-- in a span --&gt;</code>.</p>',
        '<pre><code class="language-html">&lt;!-- in a block --&gt;',
        '</code></pre>',
        ' &lt;b&gt;bold&lt;/b&gt;',
        '<p>Last paragraph.</p>',
        '',
      ].join('\n'),
    );
  });
});

describe('HTML comments in Markdown copies', () => {
  it('are removed by source position, with the blank lines around them, and code keeps its own', () => {
    expect(absolutizeBody(BODY, 'https://example.org/definition/x/')).toBe(
      [
        'First paragraph  goes on.',
        '',
        'Code keeps its comments: `<!-- in a span -->`.',
        '',
        '```html',
        '<!-- in a block -->',
        '```',
        '',
        ' \\<b>bold\\</b>',
        '',
        'Last paragraph.',
      ].join('\n'),
    );
  });
});

describe('findUnclosedComments', () => {
  it('points at each <!-- that nothing closes, past complete comments, and not at code', () => {
    const body = [
      'Fine <!-- closed --> text.',
      '',
      '`<!-- code`',
      '',
      '<!-- done --> <!-- never closed',
      'more',
    ].join('\n');
    expect(findUnclosedComments(body)).toEqual([{ line: 5, column: 15 }]);
    expect(findUnclosedComments('A paragraph <!-- left open\ngoes on.')).toEqual([{ line: 1, column: 13 }]);
    expect(findUnclosedComments('Text with\n\n<!-- a --> and <!-- b -->')).toEqual([]);
  });
});
