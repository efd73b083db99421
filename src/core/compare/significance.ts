// Better / similar / worse than a benchmark, the Fingertips way: an area differs from the
// benchmark only when its whole 95 % interval lies on one side of the benchmark value. Small
// numbers are never called different. Polarity turns "higher/lower" into "better/worse".
import type { Interval } from './intervals';

export type Polarity = 'higher_is_worse' | 'higher_is_better' | 'neutral';
export const POLARITIES: readonly Polarity[] = ['higher_is_worse', 'higher_is_better', 'neutral'];
export const isPolarity = (v: unknown): v is Polarity =>
  typeof v === 'string' && (POLARITIES as readonly string[]).includes(v);

/**
 * - `better`/`worse`: the interval lies wholly on one side and the indicator has a polarity.
 * - `higher`/`lower`: the same for a neutral indicator.
 * - `similar`: the interval contains (or touches) the benchmark.
 * - `too_few`: count or denominator too small to say anything.
 * - `not_compared`: no interval (an indicator without numerator/denominator) or no benchmark.
 * - `no_data`: the area has no value.
 */
export type Call = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'too_few' | 'not_compared' | 'no_data';
export const CALLS: readonly Call[] = ['better', 'similar', 'worse', 'higher', 'lower', 'too_few', 'not_compared', 'no_data'];

export interface SmallNumberRule {
  /** Counts below this are "too few to say" (Fingertips and most statistical offices use 5). */
  minCount: number;
  /** Denominators below this are "too few to say", whatever the count. */
  minDenominator: number;
}
export const DEFAULT_SMALL_NUMBERS: SmallNumberRule = { minCount: 5, minDenominator: 30 };

export interface CallInput {
  value: number | null;
  interval: Interval | null;
  /** Numerator count (people, households); null when the indicator is not a count-based rate. */
  count: number | null;
  denominator: number | null;
  benchmark: number | null;
  polarity: Polarity;
}

export type Side = 'above' | 'below' | 'overlaps';

/** Where the interval lies against the benchmark value. Touching counts as overlapping. */
export function sideOf(interval: Interval, benchmark: number): Side {
  if (interval.lower > benchmark) return 'above';
  if (interval.upper < benchmark) return 'below';
  return 'overlaps';
}

/** True when the numbers are too small to call a difference. */
export function isTooFew(count: number | null, denominator: number | null, rule: SmallNumberRule = DEFAULT_SMALL_NUMBERS): boolean {
  if (count !== null && count < rule.minCount) return true;
  if (denominator !== null && denominator < rule.minDenominator) return true;
  return false;
}

export function compareToBenchmark(input: CallInput, rule: SmallNumberRule = DEFAULT_SMALL_NUMBERS): Call {
  const { value, interval, count, denominator, benchmark, polarity } = input;
  if (value === null || !Number.isFinite(value)) return 'no_data';
  if (isTooFew(count, denominator, rule)) return 'too_few';
  if (interval === null || benchmark === null || !Number.isFinite(benchmark)) return 'not_compared';
  const side = sideOf(interval, benchmark);
  if (side === 'overlaps') return 'similar';
  const higher = side === 'above';
  switch (polarity) {
    case 'higher_is_worse':
      return higher ? 'worse' : 'better';
    case 'higher_is_better':
      return higher ? 'better' : 'worse';
    case 'neutral':
      return higher ? 'higher' : 'lower';
  }
}

/** Counts of each call, for legends and summaries ("3 worse, 4 similar, 1 better"). */
export function tallyCalls(calls: Iterable<Call>): Record<Call, number> {
  const out = Object.fromEntries(CALLS.map((c) => [c, 0])) as Record<Call, number>;
  for (const c of calls) out[c] += 1;
  return out;
}
