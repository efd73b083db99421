import { describe, expect, it } from 'vitest';
import { rateInterval, proportionInterval, type Interval } from '../../src/core/compare/intervals';
import { compareToBenchmark, isTooFew, sideOf, tallyCalls, type CallInput } from '../../src/core/compare/significance';

const iv = (lower: number, upper: number): Interval => ({ lower, upper, method: 'poisson_exact', level: 0.95 });
const base: CallInput = { value: 10, interval: iv(8, 12), count: 100, denominator: 10_000, benchmark: 5, polarity: 'higher_is_worse' };

describe('sideOf', () => {
  it('only an interval wholly on one side differs; touching is overlapping', () => {
    expect(sideOf(iv(5.0001, 7), 5)).toBe('above');
    expect(sideOf(iv(3, 4.9999), 5)).toBe('below');
    expect(sideOf(iv(5, 7), 5)).toBe('overlaps');
    expect(sideOf(iv(3, 5), 5)).toBe('overlaps');
    expect(sideOf(iv(4, 6), 5)).toBe('overlaps');
  });
});

describe('compareToBenchmark', () => {
  it('respects polarity', () => {
    expect(compareToBenchmark(base)).toBe('worse');
    expect(compareToBenchmark({ ...base, polarity: 'higher_is_better' })).toBe('better');
    expect(compareToBenchmark({ ...base, polarity: 'neutral' })).toBe('higher');
    const below = { ...base, value: 2, interval: iv(1.5, 2.5) };
    expect(compareToBenchmark(below)).toBe('better');
    expect(compareToBenchmark({ ...below, polarity: 'higher_is_better' })).toBe('worse');
    expect(compareToBenchmark({ ...below, polarity: 'neutral' })).toBe('lower');
  });

  it('calls an overlapping or touching interval similar', () => {
    expect(compareToBenchmark({ ...base, interval: iv(5, 12) })).toBe('similar');
    expect(compareToBenchmark({ ...base, interval: iv(4, 12) })).toBe('similar');
  });

  it('never calls small numbers significant: count < 5', () => {
    // 4 beneficiaries among 100,000 against a national 5 per 1,000: the exact interval
    // (0.011–0.102 per 1,000) lies far below, yet 4 is too few to say.
    const ci = rateInterval(4, 100_000);
    expect(ci && ci.upper < 5).toBe(true);
    expect(compareToBenchmark({ ...base, value: 0.04, interval: ci, count: 4, denominator: 100_000 })).toBe('too_few');
    // 5 is enough.
    const ci5 = rateInterval(5, 100_000);
    expect(compareToBenchmark({ ...base, value: 0.05, interval: ci5, count: 5, denominator: 100_000 })).toBe('better');
  });

  it('treats zero counts as too few, not as "better"', () => {
    const ci = rateInterval(0, 1_000_000);
    expect(ci?.lower).toBe(0);
    expect(compareToBenchmark({ ...base, value: 0, interval: ci, count: 0, denominator: 1_000_000 })).toBe('too_few');
    // …unless the caller lowers the rule explicitly.
    expect(
      compareToBenchmark({ ...base, value: 0, interval: ci, count: 0, denominator: 1_000_000 }, { minCount: 0, minDenominator: 0 }),
    ).toBe('better');
  });

  it('never calls a tiny denominator significant', () => {
    // 20 of 25 is 80 % against a national 10 %: Wilson 60.9–91.1 % is far above, but n = 25.
    const ci = proportionInterval(20, 25);
    expect(ci && ci.lower > 10).toBe(true);
    const input = { ...base, value: 80, interval: ci, count: 20, denominator: 25, benchmark: 10 };
    expect(compareToBenchmark(input)).toBe('too_few');
    expect(compareToBenchmark({ ...input, denominator: 30, interval: proportionInterval(24, 30) })).toBe('worse');
  });

  it('tags missing values and missing benchmarks', () => {
    expect(compareToBenchmark({ ...base, value: null })).toBe('no_data');
    expect(compareToBenchmark({ ...base, value: Number.NaN })).toBe('no_data');
    expect(compareToBenchmark({ ...base, benchmark: null })).toBe('not_compared');
    expect(compareToBenchmark({ ...base, interval: null, count: null, denominator: null })).toBe('not_compared');
  });

  it('isTooFew uses both thresholds, ignoring unknowns', () => {
    expect(isTooFew(null, null)).toBe(false);
    expect(isTooFew(4, null)).toBe(true);
    expect(isTooFew(null, 29)).toBe(true);
    expect(isTooFew(5, 30)).toBe(false);
  });

  it('tallies calls', () => {
    const t = tallyCalls(['worse', 'worse', 'similar', 'too_few']);
    expect(t.worse).toBe(2);
    expect(t.similar).toBe(1);
    expect(t.better).toBe(0);
  });
});
