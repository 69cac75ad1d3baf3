import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/checks/problems.ts';
import { validateGlossary, type SourceFile } from '../../src/lib/checks/validate-glossary.ts';
import { testSite } from '../support/test-site.ts';

function entry(path: string, fields: string, body = 'Body text.'): SourceFile {
  return { path, text: `---\n${fields}\n---\n\n${body}\n` };
}

const base = (title: string, extra = '') =>
  `title: ${title}\nsummary: ${title} is a term used only in these tests to check link rules.\npublished: 2026-03-15${extra ? `\n${extra}` : ''}`;

const TCP = entry(
  'content/definition/tcp.md',
  base('TCP', 'tags: [Networking]'),
  '## History\n\nText.\n\n## Flow control\n\nMore.',
);
const DRAFT = entry('content/term/quic.md', base('QUIC', 'draft: true'));
const PUBLIC = new Set(['/images/chart.png']);

function report(files: SourceFile[]): string[] {
  return validateGlossary(files, testSite, { publicFiles: PUBLIC }).problems.map(formatProblem);
}

describe('body link checks', () => {
  it('accepts links to entries by file or page, their headings, site pages and public files', () => {
    const body = [
      '[a](./tcp.md) [b](tcp.md#history) [c](../definition/tcp.md#flow-control) [d](/definition/tcp/#flow-control)',
      '[e](/tags/networking/) [f](/a-z/) [g](/definition/tcp.md) [h](/search/) [i](/images/chart.png)',
      '[j](../../definition/tcp/) [k](#related) [l](https://example.org/x.md) ![chart](/images/chart.png) [m][r]',
      '',
      '[r]: ./tcp.md#history',
    ].join('\n');
    expect(report([TCP, DRAFT, entry('content/term/udp.md', base('UDP'), body)])).toEqual([]);
  });

  it('reports each broken link with its line and column and the closest fix', () => {
    // Front matter takes lines 1–5, the blank line 6: the body starts on line 7.
    const body = [
      'See [x](./tpc.md) and [y](../definition/tcp.md#histroy).',
      '[z](/definition/tcp/#nothing) and [w](/s/missing/) and [v](/definition/tcp).',
      '',
      '[u](../definition/tcp/) [t](./quic.md) ![chart](/images/chrat.png) [s](#nowhere)',
      '',
      '[r]: ./nope.md',
    ].join('\n');
    expect(report([TCP, DRAFT, entry('content/term/udp.md', base('UDP'), body)])).toEqual([
      "content/term/udp.md:7:5  body  link './tpc.md' points to 'tpc', which is not an entry in this glossary  (did you mean './tcp.md'?)",
      "content/term/udp.md:7:23  body  link '../definition/tcp.md#histroy' points to '#histroy', which is not a heading of 'tcp'  (did you mean '#history'?)",
      "content/term/udp.md:8:1  body  link '/definition/tcp/#nothing' points to '#nothing', which is not a heading of 'tcp'  (its headings: #history, #flow-control)",
      "content/term/udp.md:8:35  body  link '/s/missing/' is not a page of this glossary  (link to an entry as /section/slug/ or ./slug.md)",
      "content/term/udp.md:8:56  body  link '/definition/tcp' is not a page of this glossary  (did you mean '/definition/tcp/'?)",
      "content/term/udp.md:10:1  body  link '../definition/tcp/' leads to /term/definition/tcp/, which is not a page of this glossary  (did you mean '/definition/tcp/'?)",
      "content/term/udp.md:10:25  body  link './quic.md' points to 'quic', which is a draft and will not be published  (publish content/term/quic.md (remove draft: true) or remove the link)",
      "content/term/udp.md:10:40  body  image '/images/chrat.png' is not a file in public/  (did you mean '/images/chart.png'?)",
      "content/term/udp.md:10:68  body  link '#nowhere' points to '#nowhere', which is not a heading of this entry  (this entry has no headings; link to the page without #nowhere)",
      "content/term/udp.md:12:1  body  link definition './nope.md' points to 'nope', which is not an entry in this glossary  (create the entry or fix the file name)",
    ]);
  });

  it('lets a draft link to another draft', () => {
    const body = 'See [quic](./quic.md).';
    expect(report([TCP, DRAFT, entry('content/term/h3.md', base('HTTP/3', 'draft: true'), body)])).toEqual(
      [],
    );
  });
});

describe('redirect checks', () => {
  it('accepts old slugs and old paths that no page uses', () => {
    const renamed = entry(
      'content/definition/udp.md',
      base('UDP', 'redirectFrom: [user-datagram, /old/udp/]'),
    );
    expect(report([TCP, renamed])).toEqual([]);
  });

  it('refuses an old address that is the entry itself, another page, or another entry’s redirect', () => {
    const udp = entry(
      'content/definition/udp.md',
      base('UDP', 'redirectFrom: [udp, tcp, /a-z/, /old/, /old]'),
    );
    const sctp = entry('content/definition/sctp.md', base('SCTP', 'redirectFrom: [/old/]'));
    expect(report([TCP, udp, sctp])).toEqual([
      "content/definition/udp.md:5:1  redirectFrom[0]  'udp' is this entry's own address  (remove 'udp')",
      "content/definition/udp.md:5:1  redirectFrom[1]  'tcp' is the address of content/definition/tcp.md, which would no longer be reachable  (remove 'tcp', or rename or delete content/definition/tcp.md first)",
      "content/definition/udp.md:5:1  redirectFrom[2]  '/a-z/' is the address of a page of this glossary (/a-z/)  (remove '/a-z/': only addresses that no longer exist can redirect)",
      "content/definition/udp.md:5:1  redirectFrom[4]  '/old' already redirects earlier in this list (redirectFrom[3])  (remove the second '/old')",
      "content/definition/sctp.md:5:1  redirectFrom[0]  '/old/' already redirects in content/definition/udp.md (redirectFrom[3])  (an old address can lead to one entry only: keep it on one of the two)",
    ]);
  });
});
