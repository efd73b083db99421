// unitAdjacency: the same answer as computeAdjacency, computed once per units array and id set.
import { describe, expect, it } from 'vitest';
import { computeAdjacency } from '../../src/core/geo/adjacency';
import { unitAdjacency } from '../../src/core/geo/unitAdjacency';
import { tessellate } from '../../scripts/bench/generate';

const { units, cells } = tessellate(36, { seed: 3 });

describe('unitAdjacency', () => {
  it('equals computeAdjacency on the chosen units, and is reused for the same set in any order', () => {
    const ids = cells.map((c) => c.id);
    const a = unitAdjacency(units, ids);
    const want = computeAdjacency(cells.map((c) => ({ id: c.id, geometry: c.geometry })));
    expect(a.pairs).toEqual(want.pairs);
    expect(a.pairs.length).toBeGreaterThan(36);
    expect(unitAdjacency(units, [...ids].reverse())).toBe(a);
  });
  it('computes again for another set of units or another units array', () => {
    const ids = cells.map((c) => c.id);
    const a = unitAdjacency(units, ids);
    const fewer = unitAdjacency(units, ids.slice(0, 6));
    expect(fewer).not.toBe(a);
    expect([...fewer.neighbours.keys()].sort()).toEqual(ids.slice(0, 6).sort());
    expect(unitAdjacency([...units], ids)).not.toBe(a);
  });
});
