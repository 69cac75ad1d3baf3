import { pathToFileURL } from 'node:url';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import {
  buildAutolinkSite,
  type AutolinkSite,
  type BodyNames,
  type LinkableEntry,
} from '../../../src/lib/autolink/autolink-site.ts';
import type { BodyMention } from '../../../src/lib/autolink/plan.ts';
import { autolinkTerms, shareAutolinks } from '../../../src/lib/markdown/autolink.ts';
import { MATH_FEATURES } from '../../../src/lib/markdown/formulas.ts';

const entries: LinkableEntry[] = [
  { slug: 'gamma', section: 'definition', title: 'Gamma', aka: [] },
  { slug: 'negative-gamma', section: 'definition', title: 'Negative Gamma', aka: ['short gamma'] },
  { slug: 'implied-volatility', section: 'definition', title: 'Implied Volatility', aka: ['IV'] },
  { slug: 'option', section: 'definition', title: 'Option', aka: [] },
];
const SITE_DIR = '/glossary-under-test';
const FILE = '/glossary-under-test/content/definition/vega.md';

/** Renders `markdown` as the body of entry `self` with Glossa's autolink plugin; returns its HTML and mentions. */
async function render(
  markdown: string,
  options: {
    policy?: BodyNames;
    self?: string;
    autolink?: boolean;
    root?: string;
    /** Changes the site before rendering (to watch how it is used). */
    adjust?: (site: AutolinkSite) => AutolinkSite;
  } = {},
): Promise<{ html: string; mentions: BodyMention[] }> {
  const built = buildAutolinkSite(entries, {
    root: options.root ?? '/',
    locale: 'en',
    policy: options.policy ?? 'section',
  });
  const site = options.adjust ? options.adjust(built) : built;
  const found = new Map<string, BodyMention[]>();
  const self = options.self ?? 'vega';
  shareAutolinks(SITE_DIR, {
    site,
    entries: new Map([[FILE, { slug: self, autolink: options.autolink ?? true }]]),
    found,
  });
  const result = await markdownToHtml(markdown, {
    features: MATH_FEATURES,
    hastPlugins: [autolinkTerms(SITE_DIR)],
    fileURL: pathToFileURL(FILE),
  });
  return {
    html: (typeof result === 'string' ? result : result.html).trim(),
    mentions: found.get(self) ?? [],
  };
}

const link = (slug: string, text: string, root = '/') =>
  `<a href="${root}definition/${slug}/" class="term-link" data-autolink="">${text}</a>`;

describe('autolink plugin', () => {
  it('links the first mention of each entry per section, longest name first', async () => {
    const { html } = await render(
      'Gamma and negative gamma; gamma again.\n\n## Later\n\nGamma once more, gamma.',
    );
    expect(html).toBe(
      [
        `<p>${link('gamma', 'Gamma')} and ${link('negative-gamma', 'negative gamma')}; gamma again.</p>`,
        '<h2>Later</h2>',
        `<p>${link('gamma', 'Gamma')} once more, gamma.</p>`,
      ].join('\n'),
    );
  });

  it('links once per page, or once per paragraph, as the site chooses', async () => {
    const text = 'Gamma here.\n\n## Later\n\nGamma there.';
    expect((await render(text, { policy: 'page' })).html).toBe(
      `<p>${link('gamma', 'Gamma')} here.</p>\n<h2>Later</h2>\n<p>Gamma there.</p>`,
    );
    expect((await render('Gamma, gamma.\n\nGamma.', { policy: 'paragraph' })).html).toBe(
      `<p>${link('gamma', 'Gamma')}, gamma.</p>\n<p>${link('gamma', 'Gamma')}.</p>`,
    );
  });

  it('links nothing with policy off or an entry that opts out, but still counts the mentions', async () => {
    for (const options of [{ policy: 'off' as const }, { autolink: false }]) {
      const { html, mentions } = await render('Gamma rises.', options);
      expect(html).toBe('<p>Gamma rises.</p>');
      expect(mentions.map((m) => m.slug)).toEqual(['gamma']);
    }
  });

  it('links plurals and an all-capitals alias only in capitals', async () => {
    const { html } = await render('Two options, high IV, not iv.');
    expect(html).toBe(
      `<p>Two ${link('option', 'options')}, high ${link('implied-volatility', 'IV')}, not iv.</p>`,
    );
  });

  it('leaves headings, code, links, formulas and footnotes alone', async () => {
    const { html } = await render(
      '## Gamma\n\n`gamma` and [the gamma page](https://example.org/) and $gamma$.[^1]\n\n```\ngamma\n```\n\n[^1]: Gamma, a citation.',
    );
    expect(html).not.toContain('data-autolink');
  });

  it('reads each text in its own block through emphasis, quotes, nested lists and tables', async () => {
    const { html, mentions } = await render(
      '*Emphasis with `gamma` code* then gamma.\n\n> Quoted option.\n>\n> - a list in it\n>   1. deeper negative gamma\n\n| IV | |\n| --- | --- |\n| | option |',
      { policy: 'paragraph' },
    );
    expect(html).toBe(
      [
        `<p><em>Emphasis with <code>gamma</code> code</em> then ${link('gamma', 'gamma')}.</p>`,
        '<blockquote>',
        `<p>Quoted ${link('option', 'option')}.</p>`,
        '<ul>',
        '<li>a list in it',
        '<ol>',
        `<li>deeper ${link('negative-gamma', 'negative gamma')}</li>`,
        '</ol>',
        '</li>',
        '</ul>',
        '</blockquote>',
        '<table>',
        '<thead>',
        '<tr>',
        `<th>${link('implied-volatility', 'IV')}</th>`,
        '<th></th>',
        '</tr>',
        '</thead>',
        '<tbody>',
        '<tr>',
        '<td></td>',
        `<td>${link('option', 'option')}</td>`,
        '</tr>',
        '</tbody>',
        '</table>',
      ].join('\n'),
    );
    expect(
      mentions.map((m) => `${m.slug}: ${m.context.before}[${m.context.text}]${m.context.after}`),
    ).toEqual([
      'gamma: Emphasis with gamma code then [gamma].',
      'option: Quoted [option].',
      'negative-gamma: deeper [negative gamma]',
      'implied-volatility: [IV]',
    ]);
  });

  it('never links the entry to itself, and the name it is part of stays unlinked', async () => {
    const { html } = await render('Negative gamma is not gamma.', { self: 'negative-gamma' });
    expect(html).toBe(`<p>Negative gamma is not ${link('gamma', 'gamma')}.</p>`);
  });

  it('lets an editor’s own link win in its section, wherever in the section it is', async () => {
    const { html, mentions } = await render(
      'Gamma first, then [the curvature](/definition/gamma/).\n\n## B\n\nGamma.',
    );
    expect(html).toBe(
      [
        '<p>Gamma first, then <a href="/definition/gamma/">the curvature</a>.</p>',
        '<h2>B</h2>',
        `<p>${link('gamma', 'Gamma')}.</p>`,
      ].join('\n'),
    );
    expect(mentions).toEqual([
      {
        slug: 'gamma',
        via: 'name',
        context: { before: '', text: 'Gamma', after: ' first, then the curvature.' },
      },
    ]);
  });

  it('prints links under the glossary’s root and recognises editors’ links there', async () => {
    const { html } = await render('[g](/docs/definition/gamma/) gamma, option.', { root: '/docs/' });
    expect(html).toBe(
      `<p><a href="/docs/definition/gamma/">g</a> gamma, ${link('option', 'option', '/docs/')}.</p>`,
    );
  });

  it('records every entry mentioned, in order, with the sentence of its first mention', async () => {
    const { mentions } = await render(
      'We sell options. A short book has negative gamma.\n\n- high [IV](/definition/implied-volatility/)',
    );
    expect(mentions).toEqual([
      { slug: 'option', via: 'name', context: { before: 'We sell ', text: 'options', after: '.' } },
      {
        slug: 'negative-gamma',
        via: 'name',
        context: { before: 'A short book has ', text: 'negative gamma', after: '.' },
      },
      { slug: 'implied-volatility', via: 'link', context: { before: 'high ', text: 'IV', after: '' } },
    ]);
  });
});

describe('autolink plugin with mentions: explicit', () => {
  it("links nothing and records only the editor's links to other entries, once each, with their text", async () => {
    const { html, mentions } = await render(
      'Gamma and two options. See [the curve](/definition/gamma/), [this page](/definition/vega/), [the curve again](/definition/gamma/#history), [high IV](/definition/implied-volatility) and [a site](https://example.org/).',
      { policy: 'explicit' },
    );
    expect(html).toBe(
      '<p>Gamma and two options. See <a href="/definition/gamma/">the curve</a>, <a href="/definition/vega/">this page</a>, <a href="/definition/gamma/#history">the curve again</a>, <a href="/definition/implied-volatility">high IV</a> and <a href="https://example.org/">a site</a>.</p>',
    );
    expect(mentions).toEqual([
      { slug: 'gamma', via: 'link', context: { before: '', text: 'the curve', after: '' } },
      { slug: 'implied-volatility', via: 'link', context: { before: '', text: 'high IV', after: '' } },
    ]);
  });

  it('never searches the text for names: the name index is neither built nor asked', async () => {
    let asked = 0;
    const { mentions } = await render('Gamma, negative gamma, options, IV.', {
      policy: 'explicit',
      adjust: (site) => {
        expect(site.index.find('Gamma')).toEqual([]);
        return { ...site, index: { ...site.index, find: (text) => (asked++, site.index.find(text)) } };
      },
    });
    expect(mentions).toEqual([]);
    expect(asked).toBe(0);
  });

  it("leaves out links in footnotes, as citations, and records none for a body without the editor's links", async () => {
    const { mentions } = await render(
      'Gamma matters.[^1] See [the option](/definition/option/).\n\n[^1]: [Negative Gamma](/definition/negative-gamma/), a citation.',
      { policy: 'explicit' },
    );
    expect(mentions.map((m) => m.slug)).toEqual(['option']);
    expect((await render('Gamma only.', { policy: 'explicit' })).mentions).toEqual([]);
  });
});
