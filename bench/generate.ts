/**
 * Generates a deterministic, realistic synthetic glossary for benchmarks: the same `terms` and
 * `seed` always give byte-identical files, so runs compare like with like.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const WORDS = (
  'asset basis bid ask book call carry cash chain collateral convexity credit curve dealer delta ' +
  'depth drift duration edge equity exposure flow forward funding futures gamma hedge index ' +
  'inventory leverage liquidity margin mark market maturity momentum notional option oracle ' +
  'order payoff perpetual pool position premium price protocol put quote rate rebalance risk ' +
  'roll settlement skew slippage spot spread squeeze stake strike surface swap tail theta token ' +
  'trend underlying vault vega volatility volume yield auction basket bridge bond buffer cap ' +
  'channel cliff coupon cross decay default deposit discount epoch fee floor gas grid haircut ' +
  'horizon insurance interest ladder lending lock loan lot maker mean mint netting node offset ' +
  'peg pivot premium range ratio reserve reward schedule shock signal slope smile stable ' +
  'staking stop storage supply taker tenor tick tier twap unwind utility vesting vwap wedge window'
).split(' ');
/**
 * The everyday words that carry most of a definition's text. Titles are made of WORDS only, and
 * bodies were once too: then almost every pair of neighbouring words in a body was some entry's
 * title, and a 300-word body held about 70 automatic links (the real ML glossary in
 * ../shared/corpora holds 0.4 a body, at most 5). Bodies now mix these with WORDS (one in six),
 * so besides the names written in on purpose a body meets a few titles by chance, as in a real
 * glossary.
 */
const FILLER = (
  'the a an of to in on for with by from as at that this which when while where because so ' +
  'but or and if then than more less most each every other same such only also often usually ' +
  'can may will would should must does is are was were be been has have had it its their ' +
  'they one two several many few some any all both either neither about after before between ' +
  'during under over into through against without within across along around behind beyond ' +
  'describes measures shows means refers changes moves falls rises grows depends tends lets ' +
  'makes gives takes keeps holds pays earns loses sets uses reads sees finds reports compares ' +
  'traders investors desks teams readers users buyers sellers firms funds venues models ' +
  'value amount share level change number period moment point effect reason result case ' +
  'example kind part side term rule limit cost gain loss view sign idea way time day week ' +
  'small large high low long short early late quick slow steady sharp clear common typical ' +
  'usual recent later simple direct indirect open closed net gross fair full partial'
).split(' ');
const CATEGORIES = [
  'Options',
  'Volatility',
  'Derivatives',
  'Risk',
  'Market Structure',
  'DeFi',
  'Trading',
  'Lending',
];
const SECTIONS: [string, number][] = [
  ['definition', 0.7],
  ['area', 0.2],
  ['term', 0.1],
];

/** A small seeded generator (mulberry32): the same glossary, or test data, from the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fenced code blocks as editors write them: named languages and one without a name. */
const CODE_SAMPLES = [
  '```ts\nexport function hedge(delta: number, size: number): number {\n  return -delta * size;\n}\n```',
  '```python\ndef hedge(delta, size):\n    """Units of the underlying to sell."""\n    return -delta * size\n```',
  '```sh\nnpm run bench -- --terms 10000\n```',
  '```\nplain text, no language\n  indented line\n```',
];

/** Choices of the generated site's configuration. */
export interface GenerateOptions {
  /** The site's automatic-link policy; the benchmark builds one with `off` to price the links. */
  autolink?: 'off';
  /**
   * Where the site's mentions come from; with `explicit` no body is read for names, and the
   * benchmark prices the whole feature (links, body mentions, backlink sentences).
   */
  mentions?: 'explicit';
  /**
   * Whether every tenth entry has a code block and another tenth a formula (the default); the
   * benchmark builds the same entries without them to price highlighting and MathML.
   */
  codeAndFormulas?: boolean;
}

/** Writes a synthetic site folder (config, content, images) with `terms` entries into `dir`. */
export function generateGlossary(dir: string, terms: number, seed = 42, options: GenerateOptions = {}): void {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, () => (random() < 1 / 6 ? pick(WORDS) : pick(FILLER)));
    return `${cap(words.join(' '))}.`;
  };

  // Every file is collected first and written by writeTree, which leaves unchanged files alone.
  const files = new Map<string, string>();
  files.set(
    'glossa.config.yaml',
    [
      'name: Benchmark Glossary',
      'description: A synthetic glossary generated for benchmarks.',
      'url: https://bench.example.org',
      'publisher: { name: Bench, url: "https://bench.example.org", logo: /logo.svg }',
      'authors: { bench: { name: Bench Writer, url: "https://bench.example.org/about/" } }',
      'defaultAuthor: bench',
      ...(options.autolink ? [`autolink: ${options.autolink}`] : []),
      ...(options.mentions ? [`mentions: ${options.mentions}`] : []),
      '',
    ].join('\n'),
  );
  files.set('public/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
  for (let i = 0; i < 4; i++) {
    files.set(
      `public/images/figure-${i}.svg`,
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90"><path d="M0 ${80 - i * 10} Q80 0 160 80" stroke="#000" fill="none"/></svg>`,
    );
  }

  // Titles are unique: a counter-free combination of two or three words, retried on collision.
  const titles = new Set<string>();
  const entries: { slug: string; title: string; section: string }[] = [];
  while (entries.length < terms) {
    const words = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(WORDS));
    const title = words.map(cap).join(' ');
    if (titles.has(title)) continue;
    titles.add(title);
    const r = random();
    let acc = 0;
    const section = SECTIONS.find(([, share]) => (acc += share) > r)?.[0] ?? 'definition';
    entries.push({ slug: words.join('-'), title, section });
  }

  const tags = Array.from({ length: 60 }, (_, i) => `${pick(WORDS)}-${i}`);
  entries.forEach((entry, index) => {
    const others = () => {
      const set = new Set<string>();
      while (set.size < 8) {
        const other = entries[Math.floor(random() * entries.length)];
        if (other && other.slug !== entry.slug) set.add(other.slug);
      }
      return [...set];
    };
    const refs = others();
    const paragraphs: string[] = [];
    const words = 200 + Math.floor(random() * 200);
    let written = 0;
    let heading = 0;
    while (written < words) {
      if (written > 0 && random() < 0.3)
        paragraphs.push(`## ${cap(pick(WORDS))} ${pick(WORDS)} ${++heading}`);
      const n = 30 + Math.floor(random() * 40);
      paragraphs.push(`${sentence(12)} ${sentence(n - 12)}`);
      written += n;
    }
    // Other entries named in plain text, as editors write them (one of them plural), so the
    // benchmark pays for automatic linking and body mentions.
    const named = Array.from({ length: 4 }, () => entries[Math.floor(random() * entries.length)]).flatMap(
      (other) => (other && other.slug !== entry.slug ? [other] : []),
    );
    const names = named.map((other, i) =>
      i === 1 ? `${other.title.toLowerCase()}s` : other.title.toLowerCase(),
    );
    if (names.length > 0) {
      paragraphs.splice(
        Math.min(1, paragraphs.length),
        0,
        `It is read together with ${names.join(', ')}, and ${sentence(8).toLowerCase()}`,
      );
    }
    if (index % 10 === 0) {
      paragraphs.push(
        '| Case | Value | Change |\n| --- | --- | --- |\n| base | 100 | 0% |\n| up | 105 | +5% |\n| down | 95 | -5% |',
      );
    }
    // A worked example every tenth entry, in one of four languages, and a formula in another
    // tenth: the highlighter's and the MathML step's cost at scale.
    const rich = options.codeAndFormulas !== false;
    if (rich && index % 10 === 5)
      paragraphs.push(CODE_SAMPLES[Math.floor(index / 10) % CODE_SAMPLES.length] ?? '');
    if (rich && index % 10 === 7) {
      paragraphs.push(`The ratio $\\Delta_{${index}} = \\frac{\\partial V}{\\partial S}$ drives it:`);
      paragraphs.push(`$$\n\\sigma\\sqrt{T} = \\sum_{i=1}^{${index}} \\frac{x_i^2}{n}\n$$`);
    }
    const front = [
      '---',
      `title: ${entry.title}`,
      `summary: ${entry.title} is ${sentence(10 + Math.floor(random() * 8)).toLowerCase()}`,
      entry.section === 'area'
        ? `keyword: ${pick(['Mechanism', 'Strategy', 'Analysis', 'Algorithm'])}`
        : null,
      `published: 2026-${String(1 + Math.floor(random() * 9)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      `categories: [${pick(CATEGORIES)}]`,
      `tags: [${[pick(tags), pick(tags), pick(tags)].filter((t, i, a) => a.indexOf(t) === i).join(', ')}]`,
      random() < 0.3
        ? `aka: [${entry.title
            .split(' ')
            .map((w) => w.charAt(0))
            .join('')}-${index}]`
        : null,
      `related: [${refs.slice(0, 5).join(', ')}]`,
      `mentions: [${refs.slice(5, 8).join(', ')}]`,
      index % 20 === 0
        ? `image: { src: /images/figure-${index % 4}.svg, alt: "A curve illustrating ${entry.title}." }`
        : null,
      '---',
      '',
      paragraphs.join('\n\n'),
      '',
    ].filter((line) => line !== null);
    files.set(`content/${entry.section}/${entry.slug}.md`, front.join('\n'));
  });
  writeTree(dir, files);
}

/**
 * Makes `dir` hold exactly `files` (relative path → text), rewriting only what differs. Deleting
 * and recreating tens of thousands of files right before a measured build would slow that build:
 * ext4 skips inodes freed in the last minute when it allocates new ones, and at 10,000 entries
 * that search took a third of the machine's CPU time (perf: `recently_deleted` in ext4_create).
 */
function writeTree(dir: string, files: ReadonlyMap<string, string>): void {
  const existing = existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }) : [];
  for (const entry of existing) {
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (entry.isFile() && !files.has(path)) rmSync(join(dir, path));
  }
  for (const [path, text] of files) {
    const target = join(dir, path);
    if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}
