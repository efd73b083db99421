// Every expected number below is worked out by hand (see src/core/gaps/README.md, "Worked example").
import { describe, expect, it } from 'vitest';
import { runGaps } from '../../src/core/gaps/engine';
import { DEFAULT_NORMS } from '../../src/core/gaps/norms';
import type { GapRow } from '../../src/core/gaps/types';
import { isIllustrative } from '../../src/core/model';
import { tinyGapsPackage as pkg } from '../fixtures/gaps/tiny';

const DE = ['day_care', 'elderly'] as const;
const DP = ['day_care', 'persons_with_disabilities'] as const;
const HE = ['home_care', 'elderly'] as const;

const row = (unit: string, [s, c]: readonly [string, string]): GapRow => {
  const r = runGaps(pkg).get(unit, s, c);
  if (!r) throw new Error(`no row ${unit} ${s} ${c}`);
  return r;
};

describe('runGaps on the tiny package: units', () => {
  it('need = count × places_per_1000 / 1000, latest year, counts only', () => {
    // M1 elderly: 2023 figure 1000 (the 2021 900 and the percent row are ignored) × 10 / 1000
    expect(row('M1', DE).need).toBe(10);
    expect(row('M1', DE).count).toBe(1000);
    expect(row('M2', HE).need).toBe(100); // 2000 × 50 / 1000
    expect(row('M4', DP).need).toBe(4); // 200 × 20 / 1000
  });

  it('shares a multi-category, shared-catchment capacity in proportion to need (2SFCA step 1)', () => {
    // S1: 30 places over M1+M2 for elderly and disabilities; demand 10 + 10 + 20 + 5 = 45 → 2/3 place per place needed
    expect(row('M1', DE).supply).toBeCloseTo(20 / 3, 12);
    expect(row('M1', DP).supply).toBeCloseTo(20 / 3, 12);
    expect(row('M2', DP).supply).toBeCloseTo(10 / 3, 12);
    // M2 elderly also gets all 10 places of S2: 40/3 + 10
    expect(row('M2', DE).supply).toBeCloseTo(70 / 3, 12);
    // S4: 60 home-care places over M2 (need 100) and M3 (need 30) → 600/13 and 180/13
    expect(row('M2', HE).supply).toBeCloseTo(600 / 13, 12);
    expect(row('M3', HE).supply).toBeCloseTo(180 / 13, 12);
  });

  it('coverage, gap and desert', () => {
    const m1 = row('M1', DE);
    expect(m1.coverage).toBeCloseTo(2 / 3, 12);
    expect(m1.gap).toBeCloseTo(10 / 3, 12);
    expect(m1.desert).toBe(false);
    const m2 = row('M2', DE);
    expect(m2.coverage).toBeCloseTo(7 / 6, 12);
    expect(m2.gap).toBe(0); // surplus is not a negative gap
    expect(row('M2', HE).gap).toBeCloseTo(700 / 13, 12);
    // M3 day care for elderly: S3 stands in M3 but serves only disabilities → desert
    expect(row('M3', DE)).toMatchObject({ need: 6, supply: 0, coverage: 0, gap: 6, desert: true });
  });

  it('closed services add nothing; planned ones are counted but add nothing', () => {
    // S5 (closed) would have served M1 home care
    expect(row('M1', HE)).toMatchObject({ need: 50, supply: 0, gap: 50, desert: true, planned: 0, active: 0 });
    // S6 planned day care for elderly in M4
    expect(row('M4', DE)).toMatchObject({ need: 4, supply: 0, gap: 4, desert: true, planned: 1 });
    expect(row('M4', DP).planned).toBe(0); // S6 targets elderly only
  });

  it('unknown capacity: present (no desert), no supply, flagged', () => {
    expect(row('M3', DP)).toMatchObject({ need: 2, supply: 0, gap: 2, desert: false, capacityUnknown: true, active: 1 });
    expect(row('M1', DP).capacityUnknown).toBe(false);
  });

  it('mobile counts as active; coverage above 1 is kept', () => {
    expect(row('M4', HE)).toMatchObject({ need: 20, supply: 30, coverage: 1.5, gap: 0, desert: false });
  });

  it('a unit without figures keeps its rows with the need marked unknown, never a desert', () => {
    expect(row('M5', DE)).toMatchObject({ count: null, needKnown: false, need: 0, coverage: null, gap: 0, desert: false });
  });
});

describe('runGaps on the tiny package: regions', () => {
  it('sums need and supply; gap is the sum of unit gaps, not need − supply', () => {
    const r1 = row('R1', DE);
    expect(r1.level).toBe('region');
    expect(r1.need).toBe(36);
    expect(r1.supply).toBeCloseTo(30, 12);
    expect(r1.coverage).toBeCloseTo(30 / 36, 12);
    // 10/3 (M1) + 0 (M2, surplus 10/3 not used to cancel) + 6 (M3) = 28/3, not 36 − 30 = 6
    expect(r1.gap).toBeCloseTo(28 / 3, 12);
    expect(r1.desert).toBe(false);
    expect(r1.desertUnits).toBe(1);
    const r1h = row('R1', HE);
    expect(r1h.gap).toBeCloseTo(120, 12); // 50 + 700/13 + 210/13
    expect(r1h.coverage).toBeCloseTo(1 / 3, 12);
  });

  it('region flags: capacity unknown, desert, planned, missing units', () => {
    expect(row('R1', DP)).toMatchObject({ need: 17, capacityUnknown: true, active: 2, desertUnits: 0 });
    expect(row('R1', DP).gap).toBeCloseTo(7, 12);
    const r2 = row('R2', DE);
    expect(r2).toMatchObject({ need: 4, supply: 0, gap: 4, desert: true, planned: 1, missingUnits: 1, needKnown: false, count: 400 });
    expect(row('R2', HE)).toMatchObject({ need: 20, supply: 30, gap: 0, coverage: 1.5, desert: false });
  });

  it('rolls up to every ancestor (country as an aggregate row)', () => {
    const xx = row('XX', HE);
    expect(xx.level).toBe('aggregate');
    expect(xx.need).toBe(200);
    expect(xx.gap).toBeCloseTo(120, 12);
    expect(xx.active).toBe(2); // S4 and S7, each once
  });

  it('rows: one per leaf unit × pair, then aggregates; regionId on unit rows', () => {
    const res = runGaps(pkg);
    expect(res.unitIds).toEqual(['M1', 'M2', 'M3', 'M4', 'M5']);
    expect(res.unitRows()).toHaveLength(15);
    expect(res.regionRows()).toHaveLength(6);
    expect(res.rows()).toHaveLength(15 + 9);
    expect(res.get('M3', 'day_care', 'elderly')?.regionId).toBe('R1');
    expect(res.regionOf('M5')).toBe('R2');
    expect(res.forPair('home_care', 'elderly').map((r) => r.unitId)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'XX', 'R1', 'R2']);
  });

  it('reports conflicts instead of hiding them', () => {
    const codes = runGaps(pkg).warnings.map((w) => w.code);
    expect(codes).toContain('count_mismatch'); // R1's own 3500 vs 3600
    expect(codes).toContain('no_norm_for_service'); // S8 counselling
    const s1 = runGaps(pkg).loads.get('S1');
    expect(s1).toMatchObject({ demand: 45, capacity: 30, units: ['M1', 'M2'] });
  });
});

describe('runGaps options and edge cases', () => {
  it('uses the illustrative default norms when none are given, and says so', () => {
    const res = runGaps({ ...pkg, norms: [] });
    expect(res.defaultNorms).toBe(true);
    expect(res.pairs.length).toBe(DEFAULT_NORMS.length);
    expect(DEFAULT_NORMS.every((n) => isIllustrative(n.source))).toBe(true);
    expect(res.warnings.some((w) => w.code === 'default_norms')).toBe(true);
  });

  it('user norms replace the package norms', () => {
    const res = runGaps(pkg, { norms: [{ service: 'home_care', category: 'elderly', placesPer1000: 100, source: 'user' }] });
    expect(res.pairs).toHaveLength(1);
    expect(res.get('M1', 'home_care', 'elderly')?.need).toBe(100);
    expect(res.get('M1', 'day_care', 'elderly')).toBeUndefined();
  });

  it('computes at the deepest level with figures and sums up from there', () => {
    const sub = {
      ...pkg,
      units: [...pkg.units, { id: 'M1a', name: 'a', names: {}, level: 'admin_unit' as const, parentId: 'M1', aliases: [], geometry: null }, { id: 'M1b', name: 'b', names: {}, level: 'admin_unit' as const, parentId: 'M1', aliases: [], geometry: null }],
      observations: [
        ...pkg.observations,
        { unitId: 'M1a', indicator: 'elderly', value: 300, year: 2023, unit: 'count', source: 't', note: '' },
        { unitId: 'M1b', indicator: 'elderly', value: 700, year: 2023, unit: 'count', source: 't', note: '' },
      ],
    };
    const res = runGaps(sub);
    expect(res.unitIds).toEqual(['M1a', 'M1b', 'M2', 'M3', 'M4', 'M5']);
    // S1 serves M1 → both admin units; M1 is now an aggregate row summing them
    expect(res.get('M1a', 'day_care', 'elderly')?.need).toBe(3);
    const m1 = res.get('M1', 'day_care', 'elderly');
    expect(m1?.level).toBe('aggregate');
    expect(m1?.need).toBe(10);
    // disabilities are only given for M1 itself, so its admin units lack them (need unknown → 0):
    // S1's demand is 3 + 7 (M1a, M1b elderly) + 20 + 5 (M2) = 35 → M1 gets 30 × 10 / 35
    expect(m1?.supply).toBeCloseTo(60 / 7, 12);
    expect(res.get('M1a', 'day_care', 'persons_with_disabilities')?.needKnown).toBe(false);
  });

  it('warns on unknown served units and places a service without unit by its coordinates', () => {
    const base = pkg.services[1];
    if (!base) throw new Error('fixture');
    const extra = [
      { ...base, id: 'X1', serves: ['NOPE'] },
      { ...base, id: 'X2', unitId: null, serves: [], lat: 42.05, lon: 21.25, capacity: 6, targetGroups: ['elderly'] },
    ];
    const res = runGaps({ ...pkg, services: [...pkg.services, ...extra] });
    expect(res.warnings.some((w) => w.code === 'unknown_served_unit' && w.serviceId === 'X1')).toBe(true);
    expect(res.get('M3', 'day_care', 'elderly')).toMatchObject({ supply: 6, gap: 0, desert: false });
  });

  it('never mutates the package', () => {
    const before = JSON.stringify(pkg);
    runGaps(pkg, { scenario: { id: 's', name: 's', edits: [{ op: 'close', serviceId: 'S1' }] } });
    expect(JSON.stringify(pkg)).toBe(before);
  });
});
