/**
 * The non-option formulas behind the diagrams: an SVI volatility smile, perpetual funding and
 * the realized volatility of a seeded price path.
 */

/** Raw SVI parameters (Gatheral, 2004): total implied variance as a function of log-moneyness. */
export interface SviParams {
  a: number;
  b: number;
  /** Correlation-like tilt: 0 gives a symmetric smile, negative values a put skew. */
  rho: number;
  m: number;
  sigma: number;
}

/** Implied volatility from raw SVI, w(k) = a + b(ρ(k − m) + √((k − m)² + σ²)), IV = √(w / T). */
export function sviImpliedVol(logMoneyness: number, p: SviParams, years: number): number {
  const k = logMoneyness - p.m;
  const w = p.a + p.b * (p.rho * k + Math.sqrt(k * k + p.sigma * p.sigma));
  return Math.sqrt(w / years);
}

/**
 * Funding rate for one interval as most perpetual venues define it: the premium plus the
 * interest-minus-premium difference clamped to ±`clamp`, so funding equals the interest rate
 * while the premium stays small and tracks the premium beyond that.
 */
export function fundingRate(premium: number, interest = 0.0001, clamp = 0.0005): number {
  const diff = Math.min(clamp, Math.max(-clamp, interest - premium));
  return premium + diff;
}

/** A small seeded generator (mulberry32), so "random" price paths are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Daily closes of a geometric Brownian motion whose volatility follows `volOn(day)`, drawn with
 * Box–Muller normals from `random`.
 */
export function pricePath(days: number, start: number, volOn: (day: number) => number, random: () => number) {
  const prices = [start];
  let price = start;
  for (let day = 1; day <= days; day++) {
    const u = 1 - random();
    const v = random();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    const dailyVol = volOn(day) / Math.sqrt(365);
    price *= Math.exp(-0.5 * dailyVol * dailyVol + dailyVol * z);
    prices.push(price);
  }
  return prices;
}

/** Daily log returns, ln(Pₜ / Pₜ₋₁), of a price series. */
export function logReturns(prices: readonly number[]): number[] {
  const out: number[] = [];
  let previous: number | undefined;
  for (const price of prices) {
    if (previous !== undefined) out.push(Math.log(price / previous));
    previous = price;
  }
  return out;
}

/**
 * Annualised realized volatility over the trailing `window` daily returns ending at each index
 * from `window` on: √365 × the standard deviation of log returns (crypto trades every day).
 */
export function rollingRealizedVol(
  prices: readonly number[],
  window: number,
): { day: number; vol: number }[] {
  const returns = logReturns(prices);
  const out: { day: number; vol: number }[] = [];
  for (let end = window; end <= returns.length; end++) {
    const slice = returns.slice(end - window, end);
    const mean = slice.reduce((s, r) => s + r, 0) / window;
    const variance = slice.reduce((s, r) => s + (r - mean) ** 2, 0) / (window - 1);
    out.push({ day: end, vol: Math.sqrt(variance * 365) });
  }
  return out;
}
