import { readdir, readFile } from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import {
  callDelta,
  callPrice,
  callTheta,
  gamma,
  normCdf,
  putDelta,
  vega,
} from '../../example/diagrams/black-scholes.ts';
import { DIAGRAM_DIR } from '../../example/diagrams/build.ts';
import {
  EXAMPLE,
  SKEW,
  SMILE,
  range,
  renderDiagrams,
  volatilityYear,
} from '../../example/diagrams/diagrams.ts';
import {
  fundingRate,
  pricePath,
  rollingRealizedVol,
  seededRandom,
  sviImpliedVol,
} from '../../example/diagrams/market-models.ts';

const diagrams = renderDiagrams();
const at = (spot: number, years = EXAMPLE.years) => ({ ...EXAMPLE, spot, years });
const argmax = (xs: number[], f: (x: number) => number) =>
  xs.reduce((best, x) => (f(x) > f(best) ? x : best));

/** The value, failing the test with a message when it is missing. */
function present<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`missing ${what}`);
  return value;
}

describe('checked-in diagrams', () => {
  it('are exactly what `npm run diagrams` draws now, with no stale files beside them', async () => {
    const files = (await readdir(DIAGRAM_DIR)).filter((f) => f.endsWith('.svg')).sort();
    expect(files).toEqual([...diagrams.keys()].sort());
    for (const [file, svg] of diagrams) {
      expect(await readFile(DIAGRAM_DIR + file, 'utf8'), `${file} is stale: run npm run diagrams`).toBe(svg);
    }
  });

  it('are well-formed SVG with a 16:9 viewBox, a title and a description wired to role="img"', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    for (const [file, svg] of diagrams) {
      expect(SyntaxValidator.validate(svg), file).toBe(true);
      const root = parser.parse(svg).svg;
      expect(root.viewBox, file).toBe('0 0 640 360');
      expect(root.role, file).toBe('img');
      expect(root['aria-labelledby'], file).toBe(`${root.title.id} ${root.desc.id}`);
      expect(root.title['#text'].length, file).toBeGreaterThan(20);
      expect(root.desc['#text'].length, file).toBeGreaterThan(150);
      // Colours follow the reader's scheme.
      expect(root.style, file).toContain('@media (prefers-color-scheme:dark)');
    }
  });
});

describe('Black–Scholes formulas', () => {
  it('computes the standard normal distribution to textbook precision', () => {
    expect(normCdf(0)).toBeCloseTo(0.5, 7);
    expect(normCdf(1)).toBeCloseTo(0.841344746, 6);
    expect(normCdf(-1.959964)).toBeCloseTo(0.025, 6);
  });

  it('reproduces the worked example of Negative Gamma: delta 0.529 and gamma 0.0000278 per dollar', () => {
    expect(callDelta(EXAMPLE)).toBeCloseTo(0.529, 3);
    expect(gamma(EXAMPLE)).toBeCloseTo(0.0000278, 7);
  });

  it('puts the gamma peak near the strike, at K·exp(−1.5σ²T) just below it', () => {
    const peak = argmax(range(60_000, 140_000, 80_000), (s) => gamma(at(s)));
    expect(Math.abs(peak - 100_000 * Math.exp(-1.5 * 0.25 * EXAMPLE.years))).toBeLessThanOrEqual(1);
    expect(peak).toBeGreaterThan(95_000);
    expect(peak).toBeLessThan(100_000);
  });

  it('draws short gamma as the exact mirror of long gamma', () => {
    const svg = present(diagrams.get('gamma-long-short.svg'), 'gamma-long-short.svg');
    const [long, short] = [...svg.matchAll(/<path class="s\d" d="([^"]+)"/g)].map((m) =>
      present(m[1], 'path data')
        .split(/[ML]/)
        .filter(Boolean)
        .map((p) => p.split(',').map(Number)),
    );
    const zero = Number(
      present(/<line class="ax" x1="\d+" x2="\d+" y1="([\d.]+)"/.exec(svg), 'zero axis')[1],
    );
    expect(present(long, 'long').length).toBe(present(short, 'short').length);
    present(long, 'long').forEach(([x, y], i) => {
      const [mx, my] = present(short?.[i], 'mirror point');
      expect(mx).toBe(x);
      expect(present(my, 'y') - zero).toBeCloseTo(zero - present(y, 'y'), 0);
    });
  });

  it('makes gamma taller and narrower as expiry nears', () => {
    expect(gamma(at(100_000, 7 / 365)) / gamma(EXAMPLE)).toBeCloseTo(2.07, 2);
    expect(gamma(at(80_000, 7 / 365))).toBeLessThan(gamma(at(80_000)));
  });

  it('agrees with finite differences: gamma = ∂Δ/∂S, vega = ∂C/∂σ, theta = −∂C/∂T', () => {
    const h = 1;
    expect(gamma(EXAMPLE)).toBeCloseTo((callDelta(at(100_001)) - callDelta(at(99_999))) / (2 * h), 10);
    const dv = 1e-5;
    expect(vega(EXAMPLE)).toBeCloseTo(
      (callPrice({ ...EXAMPLE, vol: 0.5 + dv }) - callPrice({ ...EXAMPLE, vol: 0.5 - dv })) / (2 * dv),
      1,
    );
    const dt = 1e-6;
    expect(callTheta(EXAMPLE)).toBeCloseTo(
      -(callPrice(at(100_000, EXAMPLE.years + dt)) - callPrice(at(100_000, EXAMPLE.years - dt))) / (2 * dt),
      0,
    );
  });

  it('keeps put delta one below call delta (put–call parity)', () => {
    for (const s of [70_000, 100_000, 130_000]) expect(callDelta(at(s)) - putDelta(at(s))).toBeCloseTo(1, 12);
  });

  it('gives the numbers the diagram descriptions quote', () => {
    const start = callPrice(EXAMPLE);
    const hedged = (m: number) => {
      const s = 100_000 * (1 + m);
      return callPrice(at(s)) - start - callDelta(EXAMPLE) * (s - 100_000);
    };
    expect(hedged(0.05)).toBeGreaterThan(330);
    expect(hedged(-0.05)).toBeLessThan(360);
    expect(vega(EXAMPLE) / 100).toBeCloseTo(114, 0);
    expect(vega(at(100_000, 90 / 365)) / 100).toBeCloseTo(197, 0);
    expect(callTheta(at(100_000, 90 / 365)) / 365).toBeCloseTo(-55, 0);
    expect(callPrice(at(100_000, 2 / 365)) - callPrice(at(100_000, 1 / 365))).toBeGreaterThan(400);
  });
});

describe('market models', () => {
  it('prices the SVI smile at 50% at the money, symmetric in log-moneyness, and the skew richer for puts', () => {
    const iv = (k: number, p = SMILE) => sviImpliedVol(Math.log(k), p, 30 / 365);
    expect(iv(1)).toBeCloseTo(0.5, 3);
    expect(sviImpliedVol(-0.3, SMILE, 30 / 365)).toBeCloseTo(sviImpliedVol(0.3, SMILE, 30 / 365), 12);
    expect([iv(0.6), iv(1.4)].map((v) => Math.round(v * 100))).toEqual([71, 63]);
    expect([iv(0.6, SKEW), iv(1.4, SKEW)].map((v) => Math.round(v * 100))).toEqual([83, 53]);
  });

  it('computes funding exactly as the table in the Funding Rate entry', () => {
    expect(fundingRate(0.0003)).toBeCloseTo(0.0001, 12);
    expect(fundingRate(0.001)).toBeCloseTo(0.0005, 12);
    expect(fundingRate(-0.001)).toBeCloseTo(-0.0005, 12);
    expect(fundingRate(-0.0004)).toBeCloseTo(0.0001, 12);
    expect(fundingRate(0.0006)).toBeCloseTo(0.0001, 12);
  });

  it('measures a constant-volatility path’s realized volatility close to its true volatility', () => {
    const prices = pricePath(3650, 100, () => 0.6, seededRandom(7));
    const [whole] = rollingRealizedVol(prices, 3650);
    expect(whole?.vol).toBeGreaterThan(0.58);
    expect(whole?.vol).toBeLessThan(0.62);
  });

  it('keeps the simulated implied volatility above realized on most days, as the description says', () => {
    const { realized, implied } = volatilityYear();
    const rv = new Map(realized.map((d) => [d.day, d.vol]));
    const above = implied.filter((d) => d.vol > present(rv.get(d.day), `day ${d.day}`)).length;
    expect(above / implied.length).toBeGreaterThan(0.8);
    const calm = realized.filter((d) => d.day < 180 || d.day > 265).map((d) => d.vol);
    expect(Math.min(...calm)).toBeGreaterThan(0.33);
    expect(Math.max(...calm)).toBeLessThan(0.6);
    expect(Math.max(...realized.map((d) => d.vol))).toBeCloseTo(1, 1);
  });
});
