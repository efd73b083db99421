import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHARTS, DEFAULT_COMPARE_STATE, parseCompareParams, resolveCompareState, writeCompareParams, type CompareState } from '../../src/core/compare/state';
import { mkPackage } from '../fixtures/compare/mk';

const idArb = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,20}$/).filter((s) => !['__proto__', 'constructor', 'prototype'].includes(s));
const stateArb: fc.Arbitrary<CompareState> = fc.record({
  chart: fc.constantFrom(...CHARTS),
  level: fc.constantFrom('region' as const, 'municipality' as const),
  regions: fc.uniqueArray(idArb, { maxLength: 4 }),
  indicator: fc.option(idArb, { nil: null }),
  x: fc.option(idArb, { nil: null }),
  y: fc.option(idArb, { nil: null }),
  area: fc.option(idArb, { nil: null }),
  benchmark: fc.option(idArb, { nil: null }),
  multiples: fc.constantFrom('by_region' as const, 'by_indicator' as const),
  ci: fc.constantFrom('exact' as const, 'byar' as const),
});

describe('compare URL codec', () => {
  it('round-trips every valid state', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const p = new URLSearchParams();
        writeCompareParams(s, p);
        expect(parseCompareParams(new URLSearchParams(p.toString()))).toEqual(s);
      }),
    );
  });

  it('reads the documented parameters', () => {
    const s = parseCompareParams(new URLSearchParams('view=compare&level=municipality&regions=MK005,MK006&indicator=elderly&chart=scatter&x=a&y=b&area=MK00101&bench=MK005&mult=by_indicator&ci=byar'));
    expect(s).toEqual({
      chart: 'scatter',
      level: 'municipality',
      regions: ['MK005', 'MK006'],
      indicator: 'elderly',
      x: 'a',
      y: 'b',
      area: 'MK00101',
      benchmark: 'MK005',
      multiples: 'by_indicator',
      ci: 'byar',
    });
  });

  it('falls back to defaults on invalid values and never throws', () => {
    expect(parseCompareParams(new URLSearchParams('chart=pie&level=planet&indicator=<script>&regions=,,__proto__,MK001,MK001&ci=x'))).toEqual({
      ...DEFAULT_COMPARE_STATE,
      regions: ['MK001'],
    });
    fc.assert(fc.property(fc.string(), (q) => void parseCompareParams(new URLSearchParams(q))));
  });

  it('writes only its own parameters, defaults omitted', () => {
    const p = new URLSearchParams('view=compare&lang=mk&chart=gaps&x=old');
    writeCompareParams({ ...DEFAULT_COMPARE_STATE, indicator: 'elderly' }, p);
    expect(p.toString()).toBe('view=compare&lang=mk&indicator=elderly');
  });
});

describe('resolveCompareState', () => {
  it('fills defaults from the package and drops unknown ids', () => {
    const { state, dropped } = resolveCompareState(mkPackage, { ...DEFAULT_COMPARE_STATE, regions: ['MK005', 'XX9'], indicator: 'nope', benchmark: 'MK00101' });
    expect(state.indicator).toBe('dv_victims');
    expect(state.x).toBe('dv_victims');
    expect(state.y).toBe('persons_with_disabilities');
    expect(state.regions).toEqual(['MK005']);
    expect(state.area).toBe('MK005');
    expect(state.benchmark).toBeNull();
    expect(dropped).toEqual(['XX9', 'nope', 'MK00101']);
  });
  it('keeps valid choices', () => {
    const s = { ...DEFAULT_COMPARE_STATE, indicator: 'persons_with_disabilities', area: 'MK00101', benchmark: 'MK001' };
    expect(resolveCompareState(mkPackage, s).state).toMatchObject({ indicator: 'persons_with_disabilities', area: 'MK00101', benchmark: 'MK001' });
  });
});
