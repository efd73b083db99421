import { describe, expect, it } from 'vitest';
import { suggestCooperation, typicalCapacities } from '../../src/core/gaps/cooperation';
import { runGaps } from '../../src/core/gaps/engine';
import { computeAdjacency } from '../../src/core/geo/adjacency';
import { tinyGapsPackage as pkg } from '../fixtures/gaps/tiny';

const must = <T,>(x: T | undefined): T => {
  if (x === undefined) throw new Error('missing');
  return x;
};

const result = runGaps(pkg);
// borders from geometry: M1–M2, M1–M4, M2–M3, M2–M5, M4–M5
const adjacency = computeAdjacency(pkg.units.filter((u) => u.level === 'municipality'));

describe('suggestCooperation', () => {
  it('uses the computed borders', () => {
    expect(adjacency.pairs).toEqual([['M1', 'M2'], ['M1', 'M4'], ['M2', 'M3'], ['M2', 'M5'], ['M4', 'M5']]);
  });

  const all = suggestCooperation(pkg, result, adjacency);

  it('(a) deficit next to spare supply → co-financing, with the numbers', () => {
    const spare = all.filter((s) => s.kind === 'spare_neighbour');
    expect(spare.map((s) => [s.units.join('+'), s.service, s.category])).toEqual([
      ['M1+M4', 'home_care', 'elderly'], // M4 has 30 − 20 = 10 spare; M1 a desert with gap 50
      ['M3+M2', 'day_care', 'elderly'], // M2 spare 70/3 − 20 = 10/3; M3 gap 6
      ['M1+M2', 'day_care', 'elderly'], // M1 gap 10/3
    ]);
    expect(spare[0]).toMatchObject({ mode: 'co_financing', gap: 50, surplus: 10, transferable: 10, crossRegion: true, regionIds: ['R1', 'R2'] });
    expect(must(spare[1]).transferable).toBeCloseTo(10 / 3, 12);
  });

  it('(b) joint service only where small adjacent gaps add up to the threshold', () => {
    // default thresholds: median active capacity — day care (30, 10) → 20, home care (60, 30) → 45
    expect(typicalCapacities(pkg)).toEqual(new Map([['day_care', 20], ['home_care', 45], ['counselling', 5]]));
    expect(all.filter((s) => s.kind === 'joint_service')).toHaveLength(0);
    const joint = suggestCooperation(pkg, result, adjacency, { jointThreshold: 5 }).filter((s) => s.kind === 'joint_service');
    // gaps below 5: day care elderly M1 10/3, M4 4 (M3's 6 is enough on its own); disabilities M1 10/3, M2 5/3, M3 2, M4 4
    expect(joint.map((s) => [s.units.join('+'), s.category])).toEqual([
      ['M4+M1', 'elderly'],
      ['M4+M1', 'persons_with_disabilities'],
    ]);
    expect(joint[0]).toMatchObject({ mode: 'inter_municipal', threshold: 5, crossRegion: true });
    expect(must(joint[0]).gap).toBeCloseTo(4 + 10 / 3, 12);
  });

  it('(c) an unused capacity in or next to deficit units', () => {
    const unused = all.filter((s) => s.kind === 'unused_capacity');
    expect(unused.map((s) => [s.units.join('+'), s.service, s.category])).toEqual([
      ['M2+M3', 'home_care', 'elderly'], // neighbour M2, gap 700/13, named with the capacity's unit
      ['M3', 'home_care', 'elderly'],
      ['M3', 'day_care', 'elderly'],
    ]);
    expect(unused[0]).toMatchObject({ mode: 'unused_capacity', capacityId: 'C1', capacityKind: 'building' });
    expect(suggestCooperation(pkg, result, adjacency, { perCapacity: 1 }).filter((s) => s.kind === 'unused_capacity')).toHaveLength(1);
  });

  it('filters by region and accepts a plain neighbour map', () => {
    const r2 = suggestCooperation(pkg, result, adjacency, { regionId: 'R2' });
    expect(r2.every((s) => s.regionIds.includes('R2'))).toBe(true);
    expect(r2).toHaveLength(1);
    const none = suggestCooperation(pkg, result, new Map());
    expect(none.filter((s) => s.kind !== 'unused_capacity')).toHaveLength(0);
  });
});
