// Interval methods against published reference values. Each expectation names its source.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  byarInterval,
  poissonExactInterval,
  proportionInterval,
  rateInterval,
  wilsonInterval,
} from '../../src/core/compare/intervals';
import { chiSquareQuantile, gammaQuantile, normalQuantile, regularizedGammaP } from '../../src/core/compare/distributions';

describe('normal and chi-square quantiles', () => {
  it('matches standard tables', () => {
    // Standard normal table: z(0.975) = 1.959964, z(0.995) = 2.575829.
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 6);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959964, 6);
    expect(normalQuantile(0.5)).toBe(0);
    // Chi-square table (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.4): χ²(0.95; 1) = 3.841,
    // χ²(0.95; 10) = 18.307, χ²(0.05; 10) = 3.940.
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(3.8415, 4);
    expect(chiSquareQuantile(0.95, 10)).toBeCloseTo(18.307, 3);
    expect(chiSquareQuantile(0.05, 10)).toBeCloseTo(3.940, 3);
  });

  it('regularized gamma: P(1, x) = 1 − e^{−x}, and the quantile inverts it', () => {
    expect(regularizedGammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    expect(regularizedGammaP(1, 0.3)).toBeCloseTo(1 - Math.exp(-0.3), 12);
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 5000, noNaN: true }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (a, p) => {
        const x = gammaQuantile(p, a);
        expect(regularizedGammaP(a, x)).toBeCloseTo(p, 8);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Wilson score interval', () => {
  // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
  // methods. Statistics in Medicine 1998;17:857–872, Table I, method 3 (score, no correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → %f–%f (Newcombe 1998)', (x, n, lo, hi) => {
    const ci = wilsonInterval(x, n);
    expect(ci).not.toBeNull();
    expect(ci?.lower).toBeCloseTo(lo, 4);
    expect(ci?.upper).toBeCloseTo(hi, 4);
    expect(ci?.method).toBe('wilson');
  });

  it('is exactly 0 or 1 at the ends and refuses non-proportions', () => {
    expect(wilsonInterval(0, 50)?.lower).toBe(0);
    expect(wilsonInterval(50, 50)?.upper).toBe(1);
    expect(wilsonInterval(5, 0)).toBeNull();
    expect(wilsonInterval(6, 5)).toBeNull();
    expect(wilsonInterval(-1, 5)).toBeNull();
    expect(wilsonInterval(Number.NaN, 5)).toBeNull();
  });

  it('always contains the point estimate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const x = Math.round(f * n);
        const ci = wilsonInterval(x, n);
        expect(ci).not.toBeNull();
        if (!ci) return;
        expect(ci.lower).toBeLessThanOrEqual(x / n + 1e-12);
        expect(ci.upper).toBeGreaterThanOrEqual(x / n - 1e-12);
        expect(ci.lower).toBeGreaterThanOrEqual(0);
        expect(ci.upper).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('proportionInterval scales to percent', () => {
    const ci = proportionInterval(81, 263);
    expect(ci?.lower).toBeCloseTo(25.53, 2);
    expect(ci?.upper).toBeCloseTo(36.62, 2);
  });
});

describe('exact Poisson interval (Garwood)', () => {
  // Garwood F. Fiducial limits for the Poisson distribution. Biometrika 1936;28:437–442; the
  // same values are tabulated in Breslow & Day, Statistical Methods in Cancer Research vol. II
  // (IARC 1987), Table 2.10, and in Ulm K., Am J Epidemiol 1990;131:373–375.
  it.each([
    [0, 0, 3.689],
    [1, 0.0253, 5.572],
    [2, 0.2422, 7.225],
    [5, 1.6235, 11.668],
    [10, 4.7954, 18.390],
    [100, 81.364, 121.627],
  ])('count %i → %f–%f', (k, lo, hi) => {
    const ci = poissonExactInterval(k);
    expect(ci?.lower).toBeCloseTo(lo, 3);
    expect(ci?.upper).toBeCloseTo(hi, 3);
  });

  it('refuses negative or non-finite counts', () => {
    expect(poissonExactInterval(-1)).toBeNull();
    expect(poissonExactInterval(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe("Byar's approximation", () => {
  // Breslow & Day 1987 vol. II p. 69, formula used by PHE Fingertips ("Technical Guide:
  // Confidence intervals", Public Health England 2018): count 10 → 4.787–18.391, close to exact.
  it('count 10 → 4.79–18.39', () => {
    const ci = byarInterval(10);
    expect(ci?.lower).toBeCloseTo(4.787, 3);
    expect(ci?.upper).toBeCloseTo(18.391, 3);
  });
  it('count 0 → 0 to ~3.67 (exact 3.689)', () => {
    const ci = byarInterval(0);
    expect(ci?.lower).toBe(0);
    expect(ci?.upper).toBeCloseTo(3.668, 3);
  });
  it('agrees with the exact interval within 0.1 % for counts ≥ 100', () => {
    for (const k of [100, 250, 1000, 12345]) {
      const b = byarInterval(k);
      const e = poissonExactInterval(k);
      expect(Math.abs((b?.lower ?? 0) - (e?.lower ?? 1)) / k).toBeLessThan(1e-3);
      expect(Math.abs((b?.upper ?? 0) - (e?.upper ?? 1)) / k).toBeLessThan(1e-3);
    }
  });
});

describe('rateInterval', () => {
  it('scales the count interval to a rate per 1,000', () => {
    // 10 beneficiaries in a population of 2,000: 5 per 1,000, exact 2.398–9.195.
    const ci = rateInterval(10, 2000);
    expect(ci?.lower).toBeCloseTo(2.3977, 4);
    expect(ci?.upper).toBeCloseTo(9.1952, 4);
    expect(ci?.method).toBe('poisson_exact');
    expect(rateInterval(10, 2000, { method: 'byar' })?.method).toBe('byar');
    expect(rateInterval(10, 2000, { per: 100_000 })?.upper).toBeCloseTo(919.52, 2);
  });
  it('is null for a zero or missing denominator', () => {
    expect(rateInterval(3, 0)).toBeNull();
    expect(rateInterval(3, Number.NaN)).toBeNull();
  });
});
