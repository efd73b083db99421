import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSmall, suppressCounts, type Relation, type Suppression } from '../../src/core/privacy/suppress';

const vals = (o: Record<string, number | null>) => new Map(Object.entries(o));

describe('primary suppression', () => {
  it('hides counts from 1 to the threshold, shows 0 and larger counts', () => {
    const s = suppressCounts(vals({ a: 0, b: 1, c: 4, d: 5, e: null }), []);
    expect([...s]).toEqual([
      ['b', 'primary'],
      ['c', 'primary'],
    ]);
  });

  it('takes a configurable threshold', () => {
    expect(isSmall(9, 9)).toBe(true);
    expect(isSmall(10, 9)).toBe(false);
    expect(isSmall(0, 9)).toBe(false);
    const s = suppressCounts(vals({ a: 7, b: 12 }), [], 9);
    expect(s.get('a')).toBe('primary');
    expect(s.has('b')).toBe(false);
  });
});

describe('secondary suppression', () => {
  it('a region with exactly one small municipality hides the next smallest non-zero one too', () => {
    // R = 3 + 0 + 20 + 9 + 40: R minus the visible ones would give the 3.
    const values = vals({ R: 72, m1: 3, m2: 0, m3: 20, m4: 9, m5: 40 });
    const s = suppressCounts(values, [{ total: 'R', parts: ['m1', 'm2', 'm3', 'm4', 'm5'] }]);
    expect(Object.fromEntries(s)).toEqual({ m1: 'primary', m4: 'secondary' });
  });

  it('adds a second complement when the first would still pin the small count down', () => {
    // 1 + 5 = 6 and the complement is known to be at least 5: the 1 would be recoverable.
    const values = vals({ R: 30, m1: 1, m2: 5, m3: 24 });
    const s = suppressCounts(values, [{ total: 'R', parts: ['m1', 'm2', 'm3'] }]);
    expect(Object.fromEntries(s)).toEqual({ m1: 'primary', m2: 'secondary', m3: 'secondary' });
  });

  it('two small counts that cannot be told apart need no complement', () => {
    const values = vals({ R: 55, m1: 2, m2: 3, m3: 50 });
    const s = suppressCounts(values, [{ total: 'R', parts: ['m1', 'm2', 'm3'] }]);
    expect(Object.fromEntries(s)).toEqual({ m1: 'primary', m2: 'primary' });
  });

  it('hides the total when no part is left to hide, and carries it up the hierarchy', () => {
    // R1 = 4 + 4: both would be known (each ≤ 4, sum 8). Only R1 itself can go; then the
    // country total would reveal R1, so another region goes, and that region's own parts.
    const values = vals({ C: 108, R1: 8, R2: 40, R3: 60, a: 4, b: 4, c: 15, d: 25, e: 60 });
    const rel: Relation[] = [
      { total: 'C', parts: ['R1', 'R2', 'R3'] },
      { total: 'R1', parts: ['a', 'b'] },
      { total: 'R2', parts: ['c', 'd'] },
      { total: 'R3', parts: ['e'] },
    ];
    const s = suppressCounts(values, rel);
    expect(Object.fromEntries(s)).toEqual({ a: 'primary', b: 'primary', R1: 'secondary', R2: 'secondary', c: 'secondary' });
  });

  it('a hidden total is never left derivable from visible parts', () => {
    const values = vals({ R: 6, m1: 6, m2: 0 });
    // m1 is not small, R is not small: nothing to hide at all.
    expect(suppressCounts(values, [{ total: 'R', parts: ['m1', 'm2'] }]).size).toBe(0);
    const small = vals({ R: 3, m1: 3, m2: 0 });
    // R and m1 are both small and equal: hidden together, neither recoverable.
    expect(Object.fromEntries(suppressCounts(small, [{ total: 'R', parts: ['m1', 'm2'] }]))).toEqual({ R: 'primary', m1: 'primary' });
  });
});

/**
 * Independent check by enumeration: every assignment of the hidden parts consistent with what is
 * shown (the total, the visible parts, and what the method says about hidden cells) is listed;
 * each hidden small cell must keep at least two possible values.
 */
function feasibleValues(total: number, parts: number[], s: Map<string, Suppression>, threshold: number): Map<number, Set<number>> {
  const hidden = parts.map((_, i) => i).filter((i) => s.has(`p${i}`));
  const visibleSum = parts.reduce((acc, v, i) => (s.has(`p${i}`) ? acc : acc + v), 0);
  const target = total - visibleSum;
  const out = new Map<number, Set<number>>(hidden.map((i) => [i, new Set<number>()]));
  const ranges = hidden.map((i) => (s.get(`p${i}`) === 'primary' ? [1, threshold] : [threshold + 1, target]) as [number, number]);
  const pick: number[] = [];
  const walk = (k: number, sum: number) => {
    if (sum > target) return;
    if (k === hidden.length) {
      if (sum === target) pick.forEach((v, j) => out.get(hidden[j] as number)?.add(v));
      return;
    }
    const [lo, hi] = ranges[k] as [number, number];
    for (let v = lo; v <= hi; v++) {
      pick.push(v);
      walk(k + 1, sum + v);
      pick.pop();
    }
  };
  walk(0, 0);
  return out;
}

describe('property: no hidden small count is recoverable from its total', () => {
  it('holds for random regions of up to 6 municipalities', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 6 }), fc.integer({ min: 2, max: 5 }), (parts, threshold) => {
        const total = parts.reduce((a, b) => a + b, 0);
        if (total <= threshold) return; // the total is itself hidden; covered above
        const values = new Map<string, number | null>([['T', total], ...parts.map((v, i): [string, number] => [`p${i}`, v])]);
        const s = suppressCounts(values, [{ total: 'T', parts: parts.map((_, i) => `p${i}`) }], threshold);
        if (s.has('T')) return; // total hidden: no equation is published
        const feasible = feasibleValues(total, parts, s, threshold);
        for (const [i, set] of feasible) {
          if (s.get(`p${i}`) === 'primary') expect(set.size, `part ${i} of ${parts.join(',')}`).toBeGreaterThan(1);
        }
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});
