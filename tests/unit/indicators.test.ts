import { describe, expect, it } from 'vitest';
import { buildHierarchy, defaultMapLevel } from '../../src/core/hierarchy';
import { computeCells, indicatorCatalog, ObservationIndex, type Cell } from '../../src/core/indicators';
import { tinyPackage } from '../fixtures/core/tiny';

const h = buildHierarchy(tinyPackage.units);
const idx = new ObservationIndex(tinyPackage.observations);
const val = (c: Cell | undefined) => (c && c.ok ? c.value : c?.reason);

describe('hierarchy', () => {
  it('knows parents, children, levels and regions', () => {
    expect(h.levels).toEqual(['country', 'region', 'municipality']);
    expect(h.children('R1').map((u) => u.id)).toEqual(['A', 'B']);
    expect(h.ancestorAt('D', 'region')?.id).toBe('R2');
    expect(h.atLevel('municipality', 'R2').map((u) => u.id)).toEqual(['D', 'E']);
    expect(defaultMapLevel(h)).toBe('municipality');
  });
  it('survives a parent cycle', () => {
    const cyc = buildHierarchy([
      { id: 'X', name: 'X', names: {}, level: 'region', parentId: 'Y', aliases: [], geometry: null },
      { id: 'Y', name: 'Y', names: {}, level: 'region', parentId: 'X', aliases: [], geometry: null },
    ]);
    expect(cyc.ancestors('X').map((u) => u.id)).toEqual(['Y']);
  });
});

describe('indicator values', () => {
  it('sums counts up the hierarchy', () => {
    const cells = computeCells(['R1', 'R2', 'C'], { indicator: 'population', measure: 'count' }, h, idx);
    expect(val(cells.get('R1'))).toBe(4000);
    expect(val(cells.get('R2'))).toBe(6000);
    expect(val(cells.get('C'))).toBe(10000);
  });
  it('recomputes rates from sums, never averages them', () => {
    const cells = computeCells(['A', 'B', 'R1'], { indicator: 'elderly', measure: 'per1000' }, h, idx);
    expect(val(cells.get('A'))).toBe(100);
    expect(val(cells.get('B'))).toBe(50);
    // (100 + 150) / (1000 + 3000) × 1000 = 62.5, not the mean of 100 and 50 (75)
    expect(val(cells.get('R1'))).toBe(62.5);
  });
  it('marks partial aggregates and tags missing values with a reason', () => {
    const cells = computeCells(['E', 'R2'], { indicator: 'elderly', measure: 'count' }, h, idx);
    expect(cells.get('E')).toEqual({ ok: false, reason: 'no_data' });
    const r2 = cells.get('R2');
    expect(r2?.ok && r2.partial).toBe(true);
    expect(r2?.ok && r2.illustrative).toBe(true);
  });
  it('aggregates a rate only over children that have both numerator and denominator', () => {
    // R2: Delta has 400 elderly in 2,000 people; Epsilon has no elderly count (4,000 people).
    // The rate is 400 / 2,000 × 1,000 = 200, flagged partial, not 400 / 6,000 × 1,000.
    const r2 = computeCells(['R2'], { indicator: 'elderly', measure: 'per1000' }, h, idx).get('R2');
    expect(val(r2)).toBe(200);
    expect(r2?.ok && r2.partial).toBe(true);
    expect(r2?.ok && r2.denominator).toBe(2000);
  });
  it('density per km², with a zero area tagged', () => {
    const cells = computeCells(['A', 'E'], { indicator: 'population', measure: 'per_km2' }, h, idx);
    expect(val(cells.get('A'))).toBe(100);
    expect(val(cells.get('E'))).toBe('zero_denominator');
  });
  it('does not sum or rate percentages', () => {
    const cells = computeCells(['R1'], { indicator: 'unemployment_rate', measure: 'count' }, h, idx);
    expect(val(cells.get('R1'))).toBe('no_data');
    const rate = computeCells(['A'], { indicator: 'unemployment_rate', measure: 'per1000' }, h, idx);
    expect(val(rate.get('A'))).toBe('not_additive');
  });
  it('catalogues indicators with kind and provenance', () => {
    const cat = indicatorCatalog(tinyPackage);
    const elderly = cat.find((c) => c.key === 'elderly');
    expect(elderly).toMatchObject({ kind: 'category', illustrative: true, years: [2021] });
    expect(cat.find((c) => c.key === 'population')?.kind).toBe('population');
  });
});
