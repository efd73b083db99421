import { describe, expect, it } from 'vitest';
import { decayWeight, indexPoints, localProjection, nearestKm, spacingHint, withinKm } from '../../src/core/gaps/catchment';
import { runGaps } from '../../src/core/gaps/engine';
import type { Service } from '../../src/core/model';
import { haversineKm } from '../../src/core/geo/distance';
import { tinyGapsPackage } from '../fixtures/gaps/tiny';

// One day centre for the elderly at the centre of M3 (21.25 E, 42.05 N), 12 places.
// Unit centres: M1 21.05, M2 21.15, M3 21.25 (all 42.05 N); M4 21.05 / M5 21.15 at 42.15 N.
const D1: Service = {
  id: 'D1', name: 'Day centre', provider: 'p', providerType: 'ngo', service: 'day_care', targetGroups: ['elderly'],
  unitId: 'M3', lat: 42.05, lon: 21.25, capacity: 12, users: null, status: 'active', serves: [], funding: '', source: 't',
};
const pkg = { ...tinyGapsPackage, services: [D1] };
const dM2 = haversineKm(42.05, 21.15, 42.05, 21.25); // ≈ 8.27 km
const dM1 = haversineKm(42.05, 21.05, 42.05, 21.25); // ≈ 16.5 km

describe('decayWeight', () => {
  it('gaussian is 1 at the service, 0 at the reach, monotone between', () => {
    expect(decayWeight(0, 10)).toBe(1);
    expect(decayWeight(10, 10)).toBeCloseTo(0, 12);
    expect(decayWeight(10.01, 10)).toBe(0);
    expect(decayWeight(3, 10)).toBeGreaterThan(decayWeight(6, 10));
    expect(decayWeight(5, 10)).toBeCloseTo((Math.exp(-0.125) - Math.exp(-0.5)) / (1 - Math.exp(-0.5)), 12);
  });
  it('step zones: Luo & Qi defaults or given zones', () => {
    expect(decayWeight(3, 9, { kind: 'step' })).toBe(1);
    expect(decayWeight(5, 9, { kind: 'step' })).toBe(0.68);
    expect(decayWeight(8, 9, { kind: 'step' })).toBe(0.22);
    expect(decayWeight(4, 9, { kind: 'step', zones: [{ upToKm: 5, weight: 0.5 }] })).toBe(0.5);
    expect(decayWeight(6, 9, { kind: 'step', zones: [{ upToKm: 5, weight: 0.5 }] })).toBe(0);
    expect(decayWeight(9, 9, { kind: 'none' })).toBe(1);
  });
});

describe('distance mode (enhanced 2SFCA)', () => {
  it('without distance: only the unit it stands in is served', () => {
    const res = runGaps(pkg);
    expect(res.get('M3', 'day_care', 'elderly')).toMatchObject({ need: 6, supply: 12, desert: false, nearestKm: null });
    expect(res.get('M2', 'day_care', 'elderly')?.desert).toBe(true);
  });

  it('flat weights within reach: capacity shared by need across M3 and M2, M1 out of reach', () => {
    const res = runGaps(pkg, { distance: { maxKm: 10, decay: { kind: 'none' } } });
    // demand 6 (M3) + 20 (M2) = 26
    expect(res.get('M3', 'day_care', 'elderly')?.supply).toBeCloseTo((12 * 6) / 26, 12);
    expect(res.get('M2', 'day_care', 'elderly')?.supply).toBeCloseTo((12 * 20) / 26, 12);
    expect(res.get('M2', 'day_care', 'elderly')?.desert).toBe(false);
    expect(res.get('M1', 'day_care', 'elderly')).toMatchObject({ supply: 0, desert: true });
    expect(res.get('M1', 'day_care', 'elderly')?.nearestKm).toBeCloseTo(dM1, 6);
    expect(res.get('M3', 'day_care', 'elderly')?.nearestKm).toBeCloseTo(0, 6);
    expect(res.get('M5', 'day_care', 'elderly')?.nearestKm).toBeCloseTo(haversineKm(42.15, 21.15, 42.05, 21.25), 6);
    // home care has no service with a point at all
    expect(res.get('M1', 'home_care', 'elderly')?.nearestKm).toBeNull();
  });

  it('gaussian weights: the far unit gets a weighted share and capacity is conserved', () => {
    const res = runGaps(pkg, { distance: { maxKm: 10 } });
    const w = decayWeight(dM2, 10);
    // (centroids are computed from the squares, equal to the centres within ~1e-12°)
    expect(w).toBeGreaterThan(0);
    expect(w).toBeLessThan(0.5);
    const demand = 6 + w * 20;
    const m3 = res.get('M3', 'day_care', 'elderly')?.supply ?? Number.NaN;
    const m2 = res.get('M2', 'day_care', 'elderly')?.supply ?? Number.NaN;
    expect(m3).toBeCloseTo((12 * 6) / demand, 6);
    expect(m2).toBeCloseTo((12 * w * 20) / demand, 6);
    expect(m2 + m3).toBeCloseTo(12, 12);
    // E2SFCA: coverage = R_j × w (same ratio R_j = 12 / demand for every unit, times the weight)
    expect(res.get('M2', 'day_care', 'elderly')?.coverage).toBeCloseTo((12 / demand) * w, 6);
  });

  it('step weights reach M2 at 0.22 (beyond two thirds of 10 km)', () => {
    const res = runGaps(pkg, { distance: { maxKm: 10, decay: { kind: 'step' } } });
    expect(res.get('M2', 'day_care', 'elderly')?.supply).toBeCloseTo((12 * 0.22 * 20) / (6 + 0.22 * 20), 12);
  });

  it('a wider reach crosses into the next row of units and the next region', () => {
    const res = runGaps(pkg, { distance: { maxKm: 20, decay: { kind: 'none' } } });
    expect(res.get('M1', 'day_care', 'elderly')?.desert).toBe(false);
    // M4 centre is √(16.5² + 11.1²) ≈ 19.9 km away
    expect(haversineKm(42.15, 21.05, 42.05, 21.25)).toBeLessThan(20);
    expect(res.get('M4', 'day_care', 'elderly')?.desert).toBe(false);
    const total = ['M1', 'M2', 'M3', 'M4'].reduce((a, u) => a + (res.get(u, 'day_care', 'elderly')?.supply ?? 0), 0);
    expect(total).toBeCloseTo(12, 12);
  });
});

describe('point index helpers', () => {
  let seed = 11;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const n = 400;
  const lon = Float64Array.from({ length: n }, () => 19 + rnd() * 4);
  const lat = Float64Array.from({ length: n }, () => 40 + rnd() * 3);
  const pi = indexPoints(lon, lat, localProjection(40, 43));

  it('nearestKm equals the brute-force minimum (with and without the spacing hint)', () => {
    for (let q = 0; q < 200; q++) {
      const x = 18.5 + rnd() * 5;
      const y = 39.5 + rnd() * 4;
      let best = Infinity;
      for (let i = 0; i < n; i++) best = Math.min(best, haversineKm(y, x, lat[i] ?? 0, lon[i] ?? 0));
      expect(nearestKm(pi, x, y, spacingHint(pi))).toBeCloseTo(best, 9);
      expect(nearestKm(pi, x, y)).toBeCloseTo(best, 9);
    }
    expect(nearestKm(indexPoints(new Float64Array(0), new Float64Array(0), localProjection(40, 43)), 20, 41)).toBeNull();
  });

  it('withinKm finds exactly the points within the radius', () => {
    const got: number[] = [];
    withinKm(pi, 21, 41.5, 30, (i) => got.push(i));
    const want = [...lon.keys()].filter((i) => haversineKm(41.5, 21, lat[i] ?? 0, lon[i] ?? 0) <= 30);
    expect(got.sort((a, b) => a - b)).toEqual(want);
    expect(want.length).toBeGreaterThan(3);
  });
});
