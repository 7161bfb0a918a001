/** Small helpers the REST benches share for timing and printing figures. */

/** Milliseconds since `t0` (a `performance.now()` reading). */
export const ms = (t0: number): number => performance.now() - t0;

/** Resolves after `t` ms. */
export const sleep = (t: number): Promise<void> => new Promise((r) => setTimeout(r, t));

/** The `p`th percentile (0–100) of `xs`, nearest rank; `xs` is not modified. */
export const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** `n` with exactly `digits` decimals and British thousands separators. */
export const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
