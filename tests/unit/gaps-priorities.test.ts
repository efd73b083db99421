import { describe, expect, it } from 'vitest';
import { runGaps } from '../../src/core/gaps/engine';
import { DEFAULT_PRIORITY_WEIGHTS, prioritise } from '../../src/core/gaps/priorities';
import { computeAdjacency } from '../../src/core/geo/adjacency';
import { tinyGapsPackage as pkg } from '../fixtures/gaps/tiny';

const must = <T,>(x: T | undefined): T => {
  if (x === undefined) throw new Error('missing');
  return x;
};

const result = runGaps(pkg);
const adjacency = computeAdjacency(pkg.units.filter((u) => u.level === 'municipality'));

describe('prioritise', () => {
  const list = prioritise(pkg, result);

  it('ranks every region row with need, best first, ranks 1..n', () => {
    expect(list).toHaveLength(6);
    expect(list.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(list.map((p) => `${p.regionId} ${p.service} ${p.category}`)).toEqual([
      'R1 home_care elderly',
      'R2 day_care persons_with_disabilities',
      'R2 day_care elderly',
      'R1 day_care elderly',
      'R1 day_care persons_with_disabilities',
      'R2 home_care elderly',
    ]);
    for (let i = 1; i < list.length; i++) expect(must(list[i - 1]).score).toBeGreaterThanOrEqual(must(list[i]).score);
  });

  it('exposes components computed by hand for R1 home care for the elderly', () => {
    const top = must(list[0]);
    // largest need (180) and gap (120): size 1; unmet ½·1 + ½·120/180
    expect(top.components.size).toBe(1);
    expect(top.components.unmet).toBeCloseTo(0.5 + 0.5 * (120 / 180), 12);
    // R1: 3600 elderly / 36000 population = 100 ‰; national 4000 / 41000 (M5 has neither)
    const r = 100 / ((4000 / 41000) * 1000);
    expect(top.inputs.ratePer1000).toBeCloseTo(100, 12);
    expect(top.components.vulnerability).toBeCloseTo(r / (1 + r), 12);
    // one unused capacity (C1 in M3) → ½·min(1, 1/2); no spare home care inside R1
    expect(top.inputs.capacities).toBe(1);
    expect(top.components.feasibility).toBeCloseTo(0.25, 12);
    expect(top.components.innovation).toBe(0);
    const w = DEFAULT_PRIORITY_WEIGHTS;
    const expected = 100 * (w.size * 1 + w.unmet * top.components.unmet + w.vulnerability * (r / (1 + r)) + w.feasibility * 0.25);
    expect(top.score).toBeCloseTo(expected, 10);
    expect(top.score).toBeCloseTo(63.04, 2);
  });

  it('feasibility counts spare supply inside the region, and next door with adjacency', () => {
    const de = must(list.find((p) => p.regionId === 'R1' && p.service === 'day_care' && p.category === 'elderly'));
    expect(de.inputs.surplus).toBeCloseTo(10 / 3, 12); // M2's 70/3 − 20
    expect(de.components.feasibility).toBeCloseTo(0.25 + 0.5 * ((10 / 3) / (28 / 3)), 12);
    const withAdj = must(prioritise(pkg, result, { adjacency }).find((p) => p.regionId === 'R1' && p.service === 'home_care'));
    // M4 (region R2) borders M1 (home-care desert) and has 10 spare places
    expect(withAdj.inputs.surplus).toBeCloseTo(10, 12);
    expect(withAdj.components.feasibility).toBeCloseTo(0.25 + 0.5 * (10 / 120), 12);
  });

  it('weights are adjustable and change the order', () => {
    const vuln = prioritise(pkg, result, { weights: { size: 0, unmet: 0, vulnerability: 1, feasibility: 0, innovation: 0 } });
    // R2 disabilities: 200 / 5000 = 40 ‰ against 1050 / 41000 ≈ 25.6 ‰ nationally: the highest ratio
    expect(vuln[0]).toMatchObject({ regionId: 'R2', service: 'day_care', category: 'persons_with_disabilities' });
    expect(must(vuln[0]).score).toBeCloseTo(100 * (40 / (1050 / 41)) / (1 + 40 / (1050 / 41)), 8);
  });

  it('gives the innovation bonus to marginalised groups and the service `other`', () => {
    const p2 = {
      ...pkg,
      norms: [...pkg.norms, { service: 'other', category: 'elderly', placesPer1000: 1, source: 't' }, { service: 'day_care', category: 'homeless', placesPer1000: 100, source: 't' }],
      observations: [...pkg.observations, { unitId: 'M1', indicator: 'homeless', value: 30, year: 2023, unit: 'count', source: 't', note: '' }],
    };
    const l = prioritise(p2, runGaps(p2));
    expect(l.find((p) => p.service === 'other')?.components.innovation).toBe(1);
    expect(l.find((p) => p.category === 'homeless')?.components.innovation).toBe(1);
    expect(l.find((p) => p.service === 'home_care')?.components.innovation).toBe(0);
  });

  it('filters to one region', () => {
    const r2 = prioritise(pkg, result, { regionId: 'R2' });
    expect(r2.map((p) => p.regionId)).toEqual(['R2', 'R2', 'R2']);
    // normalised within the region: home care (need 20) is the largest there
    expect(r2.find((p) => p.service === 'home_care')?.components.size).toBe(1);
  });
});
