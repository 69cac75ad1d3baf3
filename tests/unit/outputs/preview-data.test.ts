import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildPreviewShards,
  previewShardCount,
  previewShardOf,
  previewShardPath,
} from '../../../src/lib/outputs/preview-data.ts';
import { pathUnder } from '../../../src/lib/site/urls.ts';
import { makeTerm } from '../../support/make-term.ts';

const underDocs = (path: string) => pathUnder('/docs/', path);

describe('buildPreviewShards', () => {
  it('gives each entry its title, keyword, summary and image, keyed by its path', () => {
    const gamma = makeTerm('gamma', {
      keyword: 'Mechanism',
      image: { src: '/images/gamma.svg', alt: 'A curve peaking at the strike.' },
    });
    const hedging = makeTerm('hedging', {
      section: 'area',
      image: { src: 'https://cdn.example.org/h.png', alt: 'A hedge.' },
    });
    expect(buildPreviewShards([gamma, hedging, makeTerm('delta')], underDocs)).toEqual([
      {
        '/definition/gamma/': {
          title: 'Gamma',
          keyword: 'Mechanism',
          summary: 'Gamma is a term used in unit tests of the glossary modules.',
          image: { src: '/docs/images/gamma.svg', alt: 'A curve peaking at the strike.' },
        },
        '/area/hedging/': {
          title: 'Hedging',
          keyword: 'Meaning',
          summary: 'Hedging is a term used in unit tests of the glossary modules.',
          image: { src: 'https://cdn.example.org/h.png', alt: 'A hedge.' },
        },
        '/definition/delta/': {
          title: 'Delta',
          keyword: 'Meaning',
          summary: 'Delta is a term used in unit tests of the glossary modules.',
        },
      },
    ]);
  });

  it('puts every entry in the shard previewShardOf names for its path', () => {
    const terms = Array.from({ length: 450 }, (_, i) => makeTerm(`term-${i}`));
    const shards = buildPreviewShards(terms, underDocs);
    expect(shards).toHaveLength(3);
    for (const term of terms) {
      const path = `/definition/${term.slug}/`;
      expect(shards[previewShardOf(path, 3)]?.[path]?.title, path).toBe(term.title);
    }
    expect(shards.reduce((n, shard) => n + Object.keys(shard).length, 0)).toBe(450);
  });

  it('keeps each shard of 10,000 entries of the longest allowed texts under 16 KB gzipped', () => {
    // Words drawn at random from a plain vocabulary, as prose is: padding would compress to nothing.
    const vocabulary = (
      'price option delta gamma hedge market risk volatility strike spot position trader ' +
      'rate curve funding yield spread order book liquidity maker taker premium decay time ' +
      'value change under rises falls when the a of and to in is its by on as with for'
    ).split(' ');
    let state = 42;
    const words = (length: number) => {
      let text = '';
      while (text.length < length) {
        state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
        text += `${vocabulary[state % vocabulary.length]} `;
      }
      return text.slice(0, length);
    };
    const terms = Array.from({ length: 10_000 }, (_, i) =>
      makeTerm(`entry-number-${i}`, {
        title: words(120),
        summary: words(200),
        image: { src: `/images/figure-${i % 4}.svg`, alt: words(60) },
      }),
    );
    const sizes = buildPreviewShards(terms, underDocs).map((shard) => gzipSync(JSON.stringify(shard)).length);
    expect(sizes).toHaveLength(50);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(16 * 1024);
  });
});

describe('previewShardOf', () => {
  it('hashes a path to the same shard every time, within the count', () => {
    expect(previewShardOf('/definition/negative-gamma/', 1)).toBe(0);
    expect(previewShardOf('/definition/negative-gamma/', 50)).toBe(
      previewShardOf('/definition/negative-gamma/', 50),
    );
    const seen = new Set(Array.from({ length: 1000 }, (_, i) => previewShardOf(`/term/t-${i}/`, 7)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('previewShardCount and previewShardPath', () => {
  it('splits by 200 entries, with one shard for an empty or small glossary', () => {
    expect([0, 1, 200, 201, 10_000].map(previewShardCount)).toEqual([1, 1, 1, 2, 50]);
    expect(previewShardPath(3)).toBe('/glossa-previews/3.json');
  });
});
