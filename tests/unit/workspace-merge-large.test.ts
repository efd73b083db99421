// mergePackages with a national-scale user table: rows of new indicators (kept as they are)
// next to rows of an indicator the base has too (merged by key) must not overflow the stack.
import { describe, expect, it } from 'vitest';
import type { DataPackage, Observation } from '../../src/core/model';
import { mergePackages } from '../../src/core/workspace/merge';

const obs = (unitId: string, indicator: string, value: number, year: number | null = 2024): Observation => ({ unitId, indicator, value, year, unit: 'count', source: '', note: '' });
const pkg = (observations: Observation[]): DataPackage => ({
  meta: { name: '', title: '', description: '', sources: [], licenses: [] },
  units: [],
  observations,
  services: [],
  capacities: [],
  norms: [],
});

describe('mergePackages at scale', () => {
  it('merges 200,000 user rows (one shared indicator, one new) without overflowing', () => {
    const base = pkg([obs('U1', 'population', 1000), obs('U2', 'population', 2000)]);
    const user: Observation[] = [obs('U1', 'population', 1111)];
    for (let i = 0; i < 200_000; i++) user.push(obs(`U${i}`, 'elderly', i));
    const merged = mergePackages(base, pkg(user));
    // U1's population replaced in place, U2's kept, every new row added
    expect(merged.observations).toHaveLength(2 + 200_000);
    expect(merged.observations[0]?.value).toBe(1111);
    expect(merged.observations[1]?.value).toBe(2000);
    expect(merged.observations.at(-1)?.value).toBe(199_999);
  });
});
