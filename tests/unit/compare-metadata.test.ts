import { describe, expect, it } from 'vitest';
import { comparableIndicators, indicatorLabel, indicatorMeta, unitLabel } from '../../src/core/compare/metadata';
import { areaValues, nationalValue, benchmarkValue } from '../../src/core/compare/values';
import { mkPackage, MUNICIPALITIES } from '../fixtures/compare/mk';

const meta = (k: string) => {
  const m = indicatorMeta(mkPackage, k);
  if (!m) throw new Error(`no ${k}`);
  return m;
};

describe('indicatorMeta', () => {
  it('derives rates for categories, higher is worse, exact Poisson', () => {
    expect(meta('persons_with_disabilities')).toMatchObject({
      kind: 'category',
      display: 'rate',
      per: 1000,
      denominator: 'population',
      polarity: 'higher_is_worse',
      intervalMethod: 'poisson_exact',
      labelKey: 'category.persons_with_disabilities',
      year: 2021,
      illustrative: true,
    });
  });
  it('households on social assistance are a proportion of households (Wilson)', () => {
    expect(meta('social_assistance_households')).toMatchObject({ display: 'proportion', per: 100, denominator: 'households', intervalMethod: 'wilson' });
  });
  it('free indicators are neutral; percentages are shown as given', () => {
    expect(meta('unemployment_rate')).toMatchObject({ kind: 'free', display: 'value', polarity: 'neutral', intervalMethod: null, unit: 'percent' });
    expect(meta('population')).toMatchObject({ kind: 'population', display: 'count', polarity: 'neutral' });
  });
  it('accepts overrides but never a rate without a denominator', () => {
    expect(indicatorMeta(mkPackage, 'persons_with_disabilities', { polarity: 'higher_is_better', intervalMethod: 'byar' })).toMatchObject({
      polarity: 'higher_is_better',
      intervalMethod: 'byar',
    });
    expect(indicatorMeta(mkPackage, 'persons_with_disabilities', { denominator: 'population_65_plus' })).toMatchObject({ display: 'count', denominator: null });
    expect(indicatorMeta(mkPackage, 'unemployment_rate', { display: 'rate', denominator: 'population' })?.display).toBe('value');
  });
  it('is null for an unknown indicator, and lists comparable ones categories first', () => {
    expect(indicatorMeta(mkPackage, 'nope')).toBeNull();
    expect(indicatorMeta(mkPackage, '__proto__')).toBeNull();
    expect(comparableIndicators(mkPackage).map((m) => m.key)).toEqual([
      'dv_victims',
      'persons_with_disabilities',
      'social_assistance_households',
      'unemployment_rate',
      'households',
      'population',
    ]);
  });
  it('labels, with free keys humanised, and units in words', () => {
    expect(indicatorLabel('en', meta('persons_with_disabilities'))).toBe('Persons with disabilities');
    expect(indicatorLabel('mk', meta('persons_with_disabilities'))).toBe('Лица со попреченост');
    expect(indicatorLabel('en', meta('unemployment_rate'))).toBe('Unemployment rate');
    expect(unitLabel('en', meta('persons_with_disabilities'))).toBe('per 1,000 population');
    expect(unitLabel('en', meta('social_assistance_households'))).toBe('% of households');
    expect(unitLabel('en', meta('unemployment_rate'))).toBe('%');
  });
});

describe('areaValues', () => {
  const pwd = meta('persons_with_disabilities');
  it('sums counts and denominators up to the region, then divides (never averages rates)', () => {
    const v = areaValues(mkPackage, pwd, ['MK001']).get('MK001');
    const vardar = MUNICIPALITIES.filter((m) => m[2] === 'MK001');
    const count = vardar.reduce((s, m) => s + m[4], 0);
    const pop = vardar.reduce((s, m) => s + m[3], 0);
    expect(count).toBe(2798);
    expect(pop).toBe(138722); // = Vardar's census total
    expect(v?.value).toBeCloseTo((2798 / 138722) * 1000, 10);
    const meanOfRates = vardar.reduce((s, m) => s + (m[4] / m[3]) * 1000, 0) / vardar.length;
    expect(Math.abs((v?.value ?? 0) - meanOfRates)).toBeGreaterThan(1);
    expect(v?.aggregated).toBe(true);
    // Exact Poisson interval of 2,798 events over 138,722.
    expect(v?.interval?.lower).toBeCloseTo(19.4293, 3);
    expect(v?.interval?.upper).toBeCloseTo(20.9313, 3);
  });
  it('national value sums the eight regions to the census total 1,836,713', () => {
    const n = nationalValue(mkPackage, pwd);
    expect(n.denominator).toBe(1836713);
    expect(n.count).toBe(36413);
  });
  it('marks a region whose municipalities are incomplete as partial', () => {
    // Čaška (MK00109) has no dv_victims figure.
    expect(areaValues(mkPackage, meta('dv_victims'), ['MK001']).get('MK001')?.partial).toBe(true);
    expect(areaValues(mkPackage, meta('dv_victims'), ['MK002']).get('MK002')?.partial).toBe(false);
  });
  it('tags a missing numerator or denominator', () => {
    const sah = meta('social_assistance_households');
    expect(areaValues(mkPackage, sah, ['MK006']).get('MK006')).toMatchObject({ value: null, missing: 'no_data' });
    expect(areaValues(mkPackage, sah, ['MK001']).get('MK001')).toMatchObject({ value: 6, count: 2700, denominator: 45000 });
  });
  it('a chosen region can be the benchmark; percentages use the country observation', () => {
    expect(benchmarkValue(mkPackage, pwd, 'MK006').value).toBeCloseTo((7600 / 251552) * 1000, 10);
    expect(nationalValue(mkPackage, meta('unemployment_rate')).value).toBe(14.4);
  });
});
