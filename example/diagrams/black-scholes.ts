/**
 * Black–Scholes (no dividends) Greeks for European options, the formulas every diagram of the
 * example glossary is drawn from. Times are in years, rates and volatilities annualised.
 */

/** Inputs shared by every Black–Scholes formula. */
export interface OptionInputs {
  /** Price of the underlying. */
  spot: number;
  strike: number;
  /** Time to expiry in years. */
  years: number;
  /** Annualised volatility, e.g. 0.5 for 50%. */
  vol: number;
  /** Continuously compounded risk-free rate; crypto examples use 0. */
  rate?: number;
}

/** Standard normal density φ(x). */
export function normPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/**
 * Standard normal distribution N(x), through the Chebyshev fit of the complementary error
 * function in Numerical Recipes (`erfcc`, fractional error below 1.2e-7): exact enough to draw
 * and to test against published values, with no dependency for one function.
 */
export function normCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

function d1d2({ spot, strike, years, vol, rate = 0 }: OptionInputs): [number, number] {
  const sd = vol * Math.sqrt(years);
  const d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * years) / sd;
  return [d1, d1 - sd];
}

/** Price of a European call. */
export function callPrice(o: OptionInputs): number {
  const [d1, d2] = d1d2(o);
  return o.spot * normCdf(d1) - o.strike * Math.exp(-(o.rate ?? 0) * o.years) * normCdf(d2);
}

/** Delta of a call, N(d1): between 0 and 1. */
export function callDelta(o: OptionInputs): number {
  return normCdf(d1d2(o)[0]);
}

/** Delta of a put, N(d1) − 1: between −1 and 0 (put–call parity). */
export function putDelta(o: OptionInputs): number {
  return callDelta(o) - 1;
}

/** Gamma of one long option (call or put alike), φ(d1) / (S σ √T), per unit of the underlying. */
export function gamma(o: OptionInputs): number {
  return normPdf(d1d2(o)[0]) / (o.spot * o.vol * Math.sqrt(o.years));
}

/** Vega of one long option, S φ(d1) √T, per 1.00 (100 points) of volatility. */
export function vega(o: OptionInputs): number {
  return o.spot * normPdf(d1d2(o)[0]) * Math.sqrt(o.years);
}

/** Theta of one long call per year, −S φ(d1) σ / (2√T) − r K e^(−rT) N(d2). */
export function callTheta(o: OptionInputs): number {
  const [d1, d2] = d1d2(o);
  const rate = o.rate ?? 0;
  return (
    (-o.spot * normPdf(d1) * o.vol) / (2 * Math.sqrt(o.years)) -
    rate * o.strike * Math.exp(-rate * o.years) * normCdf(d2)
  );
}
