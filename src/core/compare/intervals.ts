// 95 % confidence intervals for the compare view: Wilson score for proportions, exact Poisson
// (Garwood) and Byar's approximation for counts and rates per population. Methods and
// references: README.md in this folder.
import { gammaQuantile, normalQuantile } from './distributions';

export type IntervalMethod = 'wilson' | 'poisson_exact' | 'byar';
export const INTERVAL_METHODS: readonly IntervalMethod[] = ['wilson', 'poisson_exact', 'byar'];

export interface Interval {
  lower: number;
  upper: number;
  method: IntervalMethod;
  /** Confidence level, e.g. 0.95. */
  level: number;
}

export const DEFAULT_LEVEL = 0.95;

const validLevel = (level: number): boolean => level > 0 && level < 1;
const zFor = (level: number): number => normalQuantile(1 - (1 - level) / 2);

/**
 * Wilson score interval for a proportion `successes / n` (Wilson 1927), as a fraction in
 * [0, 1]. Null when the input is not a proportion (n ≤ 0, successes < 0 or > n, not finite).
 */
export function wilsonInterval(successes: number, n: number, level = DEFAULT_LEVEL): Interval | null {
  if (!Number.isFinite(successes) || !Number.isFinite(n) || !validLevel(level)) return null;
  if (n <= 0 || successes < 0 || successes > n) return null;
  const z = zFor(level);
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp rounding noise at the ends (successes = 0 or n give exactly 0 or 1).
  const lower = successes === 0 ? 0 : Math.max(0, (centre - half) / denom);
  const upper = successes === n ? 1 : Math.min(1, (centre + half) / denom);
  return { lower, upper, method: 'wilson', level };
}

/**
 * Exact (Garwood 1936) interval for a Poisson count: lower = χ²(α/2; 2k)/2,
 * upper = χ²(1−α/2; 2k+2)/2, computed as Gamma quantiles. Count 0 gives lower 0.
 */
export function poissonExactInterval(count: number, level = DEFAULT_LEVEL): Interval | null {
  if (!Number.isFinite(count) || count < 0 || !validLevel(level)) return null;
  const alpha = 1 - level;
  const lower = count === 0 ? 0 : gammaQuantile(alpha / 2, count);
  const upper = gammaQuantile(1 - alpha / 2, count + 1);
  return { lower, upper, method: 'poisson_exact', level };
}

/**
 * Byar's approximation to the exact Poisson interval (Breslow & Day 1987, vol. II, p. 69):
 * lower = k (1 − 1/(9k) − z/(3√k))³, upper = (k+1) (1 − 1/(9(k+1)) + z/(3√(k+1)))³.
 */
export function byarInterval(count: number, level = DEFAULT_LEVEL): Interval | null {
  if (!Number.isFinite(count) || count < 0 || !validLevel(level)) return null;
  const z = zFor(level);
  const lower = count === 0 ? 0 : Math.max(0, count * (1 - 1 / (9 * count) - z / (3 * Math.sqrt(count))) ** 3);
  const k1 = count + 1;
  const upper = k1 * (1 - 1 / (9 * k1) + z / (3 * Math.sqrt(k1))) ** 3;
  return { lower, upper, method: 'byar', level };
}

export interface RateOptions {
  /** Rate expressed per this many of the denominator (1,000 by default). */
  per?: number;
  method?: 'poisson_exact' | 'byar';
  level?: number;
}

/** Interval for the rate `count / denominator × per`, treating the count as Poisson. */
export function rateInterval(count: number, denominator: number, opts: RateOptions = {}): Interval | null {
  const per = opts.per ?? 1000;
  const method = opts.method ?? 'poisson_exact';
  const level = opts.level ?? DEFAULT_LEVEL;
  if (!Number.isFinite(denominator) || denominator <= 0) return null;
  const ci = method === 'byar' ? byarInterval(count, level) : poissonExactInterval(count, level);
  if (!ci) return null;
  const f = per / denominator;
  return { lower: ci.lower * f, upper: ci.upper * f, method, level };
}

/** Interval for a proportion `count / denominator × scale` (scale 100: percent). Wilson. */
export function proportionInterval(count: number, denominator: number, scale = 100, level = DEFAULT_LEVEL): Interval | null {
  const ci = wilsonInterval(count, denominator, level);
  if (!ci) return null;
  return { ...ci, lower: ci.lower * scale, upper: ci.upper * scale };
}
