import { callDelta, callPrice, gamma, putDelta, vega, type OptionInputs } from './black-scholes.ts';
import {
  fundingRate,
  logReturns,
  pricePath,
  rollingRealizedVol,
  seededRandom,
  sviImpliedVol,
  type SviParams,
} from './market-models.ts';
import { CYCLE_DIAGRAMS } from './cycles.ts';
import { renderChart } from './svg.ts';

/**
 * Every diagram of the example glossary, as data: the file it is written to and a function that
 * draws it. The running example matches the entries' worked examples: BTC at 100,000, a
 * 100,000-strike option, 30 days to expiry, 50% implied volatility, zero rates.
 */

/** One diagram: its file name under `public/images/diagrams/` and how to draw it. */
export interface Diagram {
  file: string;
  render: () => string;
}

/** The running example's option. */
export const EXAMPLE: OptionInputs = { spot: 100_000, strike: 100_000, years: 30 / 365, vol: 0.5 };

/** Evenly spaced values from `from` to `to` inclusive. */
export function range(from: number, to: number, steps: number): number[] {
  return Array.from({ length: steps + 1 }, (_, i) => from + ((to - from) * i) / steps);
}

const spots = range(60_000, 140_000, 160);
const thousands = (v: number) => `${Math.round(v / 1000)}k`;
const percent = (digits: number) => (v: number) => `${v < 0 ? '−' : ''}${Math.abs(v * 100).toFixed(digits)}%`;
const dollars = (v: number) => `${v < 0 ? '−' : ''}$${Math.abs(v).toLocaleString('en-US')}`;
const signed = (digits: number) => (v: number) =>
  v < 0 ? `−${Math.abs(v).toFixed(digits)}` : v.toFixed(digits);
const strikeMarker = [{ x: 100_000, label: 'strike 100k' }];
const spotLabel = 'BTC price (USD)';

/** Gamma per $1,000 move: delta change for a 1,000-dollar move, a readable unit for BTC. */
const gammaPer1000 = (o: OptionInputs) => gamma(o) * 1000;

/** Raw SVI parameters for a 30-day BTC smile with 50% at-the-money volatility. */
export const SMILE: SviParams = { a: 0.01555, b: 0.05, rho: 0, m: 0, sigma: 0.1 };
/** The same smile tilted towards puts. */
export const SKEW: SviParams = { ...SMILE, rho: -0.6 };
const strikes = range(0.6, 1.4, 80);

/** The realized/implied example: a year of daily prices with a volatility spike mid-year. */
export function volatilityYear() {
  const trueVol = (day: number) => (day >= 180 && day < 230 ? 0.95 : 0.45);
  const prices = pricePath(365, 60_000, trueVol, seededRandom(20_260_315));
  const realized = rollingRealizedVol(prices, 30);
  // Implied volatility modelled as the market would quote it: an exponentially weighted
  // (RiskMetrics, λ = 0.94) forecast from past returns only, plus a 5-point risk premium.
  let variance = 0.45 ** 2 / 365;
  const implied = logReturns(prices).map((r, i) => {
    variance = 0.94 * variance + 0.06 * r * r;
    return { day: i + 1, vol: Math.sqrt(variance * 365) + 0.05 };
  });
  return { realized, implied: implied.filter((d) => d.day >= 30) };
}

export const DIAGRAMS: readonly Diagram[] = [
  {
    file: 'gamma-long-short.svg',
    render: () =>
      renderChart({
        id: 'gamma-long-short',
        title: 'Gamma of a long and a short BTC call against the BTC price',
        desc: 'Black–Scholes gamma of one 100,000-strike BTC call with 30 days to expiry at 50% implied volatility, for BTC prices from 60,000 to 140,000. The long call’s gamma is a hump that peaks just below the strike at about 0.028 delta per $1,000 move and fades towards zero far from it; the short call’s gamma is the exact mirror image below zero, deepest near the strike.',
        xLabel: spotLabel,
        yLabel: 'Gamma (delta per $1,000 move)',
        series: [
          { label: 'Long call', points: spots.map((s) => [s, gammaPer1000({ ...EXAMPLE, spot: s })]) },
          { label: 'Short call', points: spots.map((s) => [s, -gammaPer1000({ ...EXAMPLE, spot: s })]) },
        ],
        markers: strikeMarker,
        xTicks: thousands,
        yTicks: signed(3),
      }),
  },
  {
    file: 'gamma-by-expiry.svg',
    render: () =>
      renderChart({
        id: 'gamma-by-expiry',
        title: 'Gamma of a BTC call against the BTC price for three expiries',
        desc: 'Black–Scholes gamma of a long 100,000-strike BTC call at 50% implied volatility with 7, 30 and 90 days to expiry, for BTC prices from 60,000 to 140,000. All three curves peak near the strike; the shorter the time to expiry, the taller and narrower the peak, so the 7-day option’s gamma is about twice the 30-day option’s at the strike and close to zero 20% away from it.',
        xLabel: spotLabel,
        yLabel: 'Gamma (delta per $1,000 move)',
        series: [7, 30, 90].map((days) => ({
          label: `${days} days`,
          points: spots.map((s) => [s, gammaPer1000({ ...EXAMPLE, spot: s, years: days / 365 })] as const),
        })),
        markers: strikeMarker,
        xTicks: thousands,
        yTicks: signed(3),
      }),
  },
  {
    file: 'delta-hedged-pnl.svg',
    render: () => {
      const start = callPrice(EXAMPLE);
      const hedge = callDelta(EXAMPLE);
      const moves = range(-0.15, 0.15, 60);
      const pnl = (m: number) => {
        const s = EXAMPLE.spot * (1 + m);
        return callPrice({ ...EXAMPLE, spot: s }) - start - hedge * (s - EXAMPLE.spot);
      };
      return renderChart({
        id: 'delta-hedged-pnl',
        title: 'Profit and loss of a delta-hedged long and short BTC call after an instant move',
        desc: 'Profit or loss of one 100,000-strike, 30-day BTC call at 50% implied volatility, delta-hedged at 100,000, when BTC jumps instantly between −15% and +15%, repriced with Black–Scholes. The long-gamma position gains in both directions along an upward parabola, about $350 for a 5% move; the short-gamma position is its mirror and loses the same amount, its losses growing with the square of the move.',
        xLabel: 'Instant BTC move from 100,000',
        yLabel: 'Hedged P&L per option (USD)',
        series: [
          { label: 'Long gamma (long call + short delta)', points: moves.map((m) => [m, pnl(m)]) },
          { label: 'Short gamma', points: moves.map((m) => [m, -pnl(m)]) },
        ],
        xTicks: (v) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(Math.round(v * 100))}%`,
        yTicks: dollars,
      });
    },
  },
  {
    file: 'delta-call-put.svg',
    render: () =>
      renderChart({
        id: 'delta-call-put',
        title: 'Delta of a BTC call and put against the BTC price',
        desc: 'Black–Scholes delta of a 100,000-strike BTC call and put with 30 days to expiry at 50% implied volatility, for BTC prices from 60,000 to 140,000. The call’s delta rises in an S-curve from near 0 to near 1 and is about 0.53 at the strike; the put’s delta is the same curve shifted down by one, rising from near −1 to near 0 and about −0.47 at the strike. The slope of either curve is gamma.',
        xLabel: spotLabel,
        yLabel: 'Delta',
        series: [
          { label: 'Call delta', points: spots.map((s) => [s, callDelta({ ...EXAMPLE, spot: s })]) },
          { label: 'Put delta', points: spots.map((s) => [s, putDelta({ ...EXAMPLE, spot: s })]) },
        ],
        yDomain: [-1, 1],
        markers: strikeMarker,
        xTicks: thousands,
        yTicks: signed(1),
      }),
  },
  {
    file: 'vega-vs-spot.svg',
    render: () =>
      renderChart({
        id: 'vega-vs-spot',
        title: 'Vega of a BTC option against the BTC price for two expiries',
        desc: 'Black–Scholes vega of a long 100,000-strike BTC option at 50% implied volatility, in dollars per one volatility point, for BTC prices from 60,000 to 140,000. Vega peaks near the strike, at about $114 for 30 days and $197 for 90 days, and falls away for options deep in or out of the money; the longer-dated option has more vega everywhere.',
        xLabel: spotLabel,
        yLabel: 'Vega (USD per vol point)',
        series: [30, 90].map((days) => ({
          label: `${days} days`,
          points: spots.map((s) => [s, vega({ ...EXAMPLE, spot: s, years: days / 365 }) / 100] as const),
        })),
        markers: strikeMarker,
        xTicks: thousands,
        yTicks: dollars,
      }),
  },
  {
    file: 'theta-decay.svg',
    render: () => {
      const days = range(0, 89, 89);
      const value = (elapsed: number, moneyness: number) =>
        callPrice({ ...EXAMPLE, strike: EXAMPLE.spot * moneyness, years: (90 - elapsed) / 365 });
      return renderChart({
        id: 'theta-decay',
        title: 'Time value of a 90-day BTC call as expiry approaches',
        desc: 'Black–Scholes value of a 90-day BTC call at 50% implied volatility with BTC held at 100,000, day by day until one day before expiry, for an at-the-money 100,000 strike and an out-of-the-money 120,000 strike. The at-the-money call, worth about $9,900 at the start, loses value slowly at first, about $55 a day, and ever faster near expiry, over $400 on its last day; the out-of-the-money call, worth about $3,650 at the start, decays to almost nothing in the final two weeks.',
        xLabel: 'Days since purchase (expiry at day 90)',
        yLabel: 'Option value (USD)',
        series: [
          { label: 'At the money (100k)', points: days.map((d) => [d, value(d, 1)]) },
          { label: 'Out of the money (120k)', points: days.map((d) => [d, value(d, 1.2)]) },
        ],
        xTicks: (v) => String(v),
        yTicks: dollars,
      });
    },
  },
  {
    file: 'volatility-smile.svg',
    render: () =>
      renderChart({
        id: 'volatility-smile',
        title: 'A volatility smile: implied volatility against strike',
        desc: 'Implied volatility of 30-day BTC options against strike, from 60% to 140% of the forward price, drawn from a symmetric SVI smile. Volatility is lowest, 50%, at the money and rises on both sides, to about 71% at the 60% strike and 63% at the 140% strike (the curve is symmetric in log-moneyness), so out-of-the-money puts and calls both cost more volatility than at-the-money options.',
        xLabel: 'Strike (% of forward price)',
        yLabel: 'Implied volatility',
        series: [
          {
            label: '30-day smile',
            points: strikes.map((k) => [k, sviImpliedVol(Math.log(k), SMILE, 30 / 365)]),
          },
        ],
        yDomain: [0.4, 0.9],
        markers: [{ x: 1, label: 'at the money' }],
        xTicks: percent(0),
        yTicks: percent(0),
      }),
  },
  {
    file: 'volatility-skew.svg',
    render: () =>
      renderChart({
        id: 'volatility-skew',
        title: 'Volatility skew: implied volatility against strike, symmetric and put-skewed',
        desc: 'Implied volatility of 30-day BTC options against strike, from 60% to 140% of the forward price, for a symmetric SVI smile and the same smile tilted towards puts. Both are 50% at the money; the put-skewed curve climbs to about 83% at the 60% strike but only to about 53% at the 140% strike, with its low point just under 49% slightly above the money, so downside puts are priced much richer than upside calls.',
        xLabel: 'Strike (% of forward price)',
        yLabel: 'Implied volatility',
        series: [
          { label: 'Put skew', points: strikes.map((k) => [k, sviImpliedVol(Math.log(k), SKEW, 30 / 365)]) },
          {
            label: 'Symmetric smile',
            points: strikes.map((k) => [k, sviImpliedVol(Math.log(k), SMILE, 30 / 365)]),
          },
        ],
        yDomain: [0.4, 0.9],
        markers: [{ x: 1, label: 'at the money' }],
        xTicks: percent(0),
        yTicks: percent(0),
      }),
  },
  {
    file: 'funding-from-premium.svg',
    render: () => {
      const premiums = range(-0.002, 0.002, 80);
      return renderChart({
        id: 'funding-from-premium',
        title: 'Funding rate against the premium of a perpetual, F = P + clamp(I − P, ±0.05%)',
        desc: 'Funding rate per 8-hour interval against the perpetual’s premium index from −0.20% to +0.20%, with an interest component of 0.01% and a ±0.05% clamp. Between a premium of −0.04% and +0.06% the funding rate stays flat at exactly 0.01%; outside that band it follows the premium 0.05 points closer to zero, so a rich perpetual makes longs pay shorts and a cheap one makes shorts pay longs.',
        xLabel: 'Premium index P per 8 hours',
        yLabel: 'Funding rate F per 8 hours',
        series: [
          { label: 'Funding rate F', points: premiums.map((p) => [p, fundingRate(p)]) },
          { label: 'Premium itself (F = P)', points: premiums.map((p) => [p, p]) },
        ],
        xTicks: percent(2),
        yTicks: percent(2),
      });
    },
  },
  {
    file: 'implied-vs-realized.svg',
    render: () => {
      const { realized, implied } = volatilityYear();
      return renderChart({
        id: 'implied-vs-realized',
        title: 'Implied against realized volatility over a simulated year of BTC prices',
        desc: 'A simulated year of daily BTC prices whose true volatility is 45%, jumping to 95% for fifty days from day 180. The 30-day realized volatility, measured from the path’s returns, wanders between about 35% and 60% and climbs to about 100% during the turbulent spell before dropping back. Implied volatility, modelled as a forecast from past returns plus a 5-point risk premium, sits above realized volatility on most days, reacts to the spike only after it begins, and falls back once the turbulent spell ends.',
        xLabel: 'Day of the year',
        yLabel: 'Annualised volatility',
        series: [
          { label: 'Implied volatility', points: implied.map((d) => [d.day, d.vol]) },
          { label: '30-day realized volatility', points: realized.map((d) => [d.day, d.vol]) },
        ],
        xTicks: (v) => String(v),
        yTicks: percent(0),
      });
    },
  },
  ...CYCLE_DIAGRAMS,
];

/** Renders every diagram: file name → SVG text. */
export function renderDiagrams(): Map<string, string> {
  return new Map(DIAGRAMS.map((d) => [d.file, d.render()]));
}
