import { describe, expect, it } from 'vitest';
import { classify, NO_DATA } from '../../src/core/classify';

const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null];

describe('classify', () => {
  it('equal intervals split the range evenly', () => {
    const c = classify(values, 'equal', 3);
    expect(c.bounds).toEqual([1, 4, 7, 10]);
    expect(c.classOf(1)).toBe(0);
    expect(c.classOf(4)).toBe(1);
    expect(c.classOf(10)).toBe(2);
  });
  it('quantiles put about the same number of units in each class', () => {
    const c = classify(values, 'quantile', 2);
    const counts = [0, 0];
    for (const v of values) if (v !== null) counts[c.classOf(v)] = (counts[c.classOf(v)] ?? 0) + 1;
    expect(counts).toEqual([5, 5]);
  });
  it('jenks (ckmeans) separates natural groups', () => {
    const c = classify([1, 1.1, 1.2, 50, 51, 52, 100, 101], 'jenks', 3);
    expect(c.classOf(1.2)).toBe(0);
    expect(c.classOf(50)).toBe(1);
    expect(c.classOf(101)).toBe(2);
  });
  it('manual breaks are used as given, inside the range', () => {
    const c = classify(values, 'manual', 5, [5, -100, 8]);
    expect(c.bounds).toEqual([1, 5, 8, 10]);
  });
  it('has an explicit no-data class', () => {
    const c = classify(values, 'quantile', 4);
    expect(c.classOf(null)).toBe(NO_DATA);
    expect(c.classOf(Number.NaN)).toBe(NO_DATA);
  });
  it('copes with no values and with one distinct value', () => {
    expect(classify([null, null], 'jenks', 5).bounds).toEqual([]);
    const one = classify([3, 3, 3], 'quantile', 5);
    expect(one.classOf(3)).toBe(0);
  });
});
