import { describe, expect, it } from 'vitest';
import { buildRankedBars, rankedBarsTable, rankRows } from '../../src/core/compare/ranking';
import { buildMultiplesByIndicator, buildMultiplesByRegion, CALL_COLORS } from '../../src/core/compare/multiples';
import { buildProfile, spineScale, spineStats } from '../../src/core/compare/profile';
import { buildScatter } from '../../src/core/compare/scatter';
import { sortTable, tableCsv } from '../../src/core/compare/table';
import { DEFAULT_COMPARE_STATE, resolveCompareState } from '../../src/core/compare/state';
import { buildCompareChart } from '../../src/core/compare/views';
import { buildGapsCompared, COVERAGE_CLASSES, coverageClass } from '../../src/core/compare/gaps';
import { t } from '../../src/core/i18n';
import { mkPackage } from '../fixtures/compare/mk';

describe('ranked bars', () => {
  const bars = buildRankedBars(mkPackage, { indicator: 'persons_with_disabilities', level: 'region', regions: [], lang: 'en' });
  it('ranks all 8 regions with intervals, method and the national reference', () => {
    expect(bars).not.toBeNull();
    if (!bars) return;
    expect(bars.rows).toHaveLength(8);
    expect(bars.rows.map((r) => r.unitId)).toEqual(['MK006', 'MK005', 'MK002', 'MK007', 'MK001', 'MK004', 'MK003', 'MK008']);
    expect(bars.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(bars.method).toBe('poisson_exact');
    expect(bars.benchmark).toMatchObject({ unitId: null, name: 'North Macedonia' });
    expect(bars.benchmark.value).toBeCloseTo((36413 / 1836713) * 1000, 10);
    for (const r of bars.rows) {
      expect(r.lower).not.toBeNull();
      expect(r.lower ?? 0).toBeLessThan(r.value ?? 0);
      expect(r.upper ?? 0).toBeGreaterThan(r.value ?? 0);
    }
    expect(bars.domain[0]).toBe(0);
    expect(bars.domain[1]).toBe(bars.rows[0]?.upper);
  });
  it('calls Polog worse and Skopje better (higher is worse), the others similar or worse', () => {
    const call = (id: string) => bars?.rows.find((r) => r.unitId === id)?.call;
    expect(call('MK006')).toBe('worse');
    expect(call('MK008')).toBe('better');
    expect(call('MK003')).toBe('similar');
    expect(bars?.tally).toMatchObject({ worse: 2, better: 1, similar: 5 });
  });
  it('municipalities within a region against a chosen benchmark; small counts and gaps tagged', () => {
    const m = buildRankedBars(mkPackage, { indicator: 'dv_victims', level: 'municipality', regions: ['MK001'], benchmark: 'MK002', lang: 'en' });
    expect(m?.rows).toHaveLength(9);
    expect(m?.benchmark).toMatchObject({ unitId: 'MK002', name: 'East' });
    const row = (id: string) => m?.rows.find((r) => r.unitId === id);
    expect(row('MK00105')).toMatchObject({ value: 0, count: 0, call: 'too_few' }); // Lozovo: 0 cases
    expect(row('MK00107')).toMatchObject({ count: 4, call: 'too_few' }); // Rosoman: 4 < 5
    expect(row('MK00109')).toMatchObject({ value: null, rank: null, call: 'no_data' }); // Čaška: missing, last
    expect(m?.rows[8]?.unitId).toBe('MK00109');
    expect(row('MK00101')?.parentName).toBe('Vardar');
  });
  it('does not call a partial aggregate', () => {
    const m = buildRankedBars(mkPackage, { indicator: 'dv_victims', level: 'region', regions: [], lang: 'en' });
    expect(m?.rows.find((r) => r.unitId === 'MK001')).toMatchObject({ partial: true, call: 'not_compared' });
  });
  it('shares ranks on ties and keeps missing values last', () => {
    const rows = rankRows([
      { name: 'b', value: 2, rank: null },
      { name: 'a', value: null, rank: null },
      { name: 'c', value: 2, rank: null },
      { name: 'd', value: 5, rank: null },
    ]);
    expect(rows.map((r) => [r.name, r.rank])).toEqual([['d', 1], ['b', 2], ['c', 2], ['a', null]]);
  });
  it('table: sortable, translated calls, empty cells last', () => {
    if (!bars) throw new Error('no bars');
    const table = rankedBarsTable(bars, 'en');
    expect(table.columns.map((c) => c.key)).toEqual(['rank', 'name', 'value', 'lower', 'upper', 'count', 'denominator', 'call']);
    expect(table.rows[0]?.[7]).toBe('Worse than the benchmark');
    const byName = sortTable(table, 'name', 'asc');
    expect(byName.rows.map((r) => r[1])).toEqual(['East', 'Northeast', 'Pelagonia', 'Polog', 'Skopje', 'Southeast', 'Southwest', 'Vardar']);
    expect(sortTable(table, 'value', 'asc').rows[0]?.[1]).toBe('Skopje');
    const withNull = { columns: table.columns, rows: [[null, 'x'], [2, 'y'], [1, 'z']] };
    expect(sortTable(withNull, 'rank', 'desc').rows.map((r) => r[1])).toEqual(['y', 'z', 'x']);
    expect(sortTable(withNull, 'rank', 'asc').rows.map((r) => r[1])).toEqual(['z', 'y', 'x']);
  });
});

describe('small multiples', () => {
  it('one indicator per region shares one set of breaks across panels', () => {
    const m = buildMultiplesByRegion(mkPackage, 'persons_with_disabilities', ['MK001', 'MK002'], { lang: 'en' });
    expect(m?.panels.map((p) => p.id)).toEqual(['MK001', 'MK002']);
    expect(m?.classing.kind).toBe('breaks');
    if (m?.classing.kind !== 'breaks') return;
    const { bounds, colors } = m.classing;
    expect(bounds.length).toBe(colors.length + 1);
    // Every unit's class is where its value lies in the shared bounds.
    for (const p of m.panels)
      for (const u of p.units) {
        if (u.value === null) continue;
        expect(u.value).toBeGreaterThanOrEqual(bounds[u.classIndex] ?? Infinity);
        expect(u.value).toBeLessThanOrEqual(bounds[u.classIndex + 1] ?? -Infinity);
        expect(u.fill).toBe(colors[u.classIndex]);
      }
    // Lozovo (1.3 per 1,000) is in the lowest class, whichever panel.
    expect(m.panels[0]?.units.find((u) => u.unitId === 'MK00105')?.classIndex).toBe(0);
  });
  it('a region without municipalities is drawn whole', () => {
    const m = buildMultiplesByRegion(mkPackage, 'persons_with_disabilities', ['MK003'], { lang: 'en' });
    expect(m?.panels[0]).toMatchObject({ whole: true });
    expect(m?.panels[0]?.units.map((u) => u.unitId)).toEqual(['MK003']);
  });
  it('several indicators of one region are classed by their call (one shared classification)', () => {
    const m = buildMultiplesByIndicator(mkPackage, 'MK001', [], { lang: 'en' });
    expect(m?.classing.kind).toBe('calls');
    expect(m?.panels.map((p) => p.id)).toEqual(['dv_victims', 'persons_with_disabilities', 'social_assistance_households']);
    const lozovo = m?.panels[1]?.units.find((u) => u.unitId === 'MK00105');
    expect(lozovo).toMatchObject({ call: 'too_few', fill: CALL_COLORS.too_few });
    expect(buildMultiplesByIndicator(mkPackage, 'nowhere', [], { lang: 'en' })).toBeNull();
  });
});

describe('spine chart profile', () => {
  it('quartiles by simple-statistics and a scale centred on the national value', () => {
    expect(spineStats([1, 2, 3, 4, 5])).toEqual({ min: 1, q1: 2, median: 3, q3: 4, max: 5 });
    expect(spineStats([])).toBeNull();
    const s = spineScale({ min: 1, q1: 2, median: 3, q3: 4, max: 5 }, 2, 4, false);
    // centre 2, half-width max(|1−2|, |5−2|, |4−2|) = 3
    expect(s.national).toBe(0.5);
    expect(s.min).toBeCloseTo(0.5 - 1 / 6, 10);
    expect(s.max).toBe(1);
    expect(s.value).toBeCloseTo(0.5 + 2 / 6, 10);
    const f = spineScale({ min: 1, q1: 2, median: 3, q3: 4, max: 5 }, 2, 4, true);
    expect(f.max).toBe(0);
  });
  it('profiles Polog against the 8 regions', () => {
    const p = buildProfile(mkPackage, 'MK006', [], { lang: 'en' });
    expect(p?.name).toBe('Polog');
    const pwd = p?.rows.find((r) => r.meta.key === 'persons_with_disabilities');
    expect(pwd).toMatchObject({ n: 8, call: 'worse' });
    expect(pwd?.stats?.max).toBeCloseTo((7600 / 251552) * 1000, 10);
    expect(pwd?.scaled?.value).toBe(1);
    // No population rows in a profile; a missing value is still a row with the national range.
    expect(p?.rows.some((r) => r.meta.kind === 'population')).toBe(false);
    expect(p?.rows.find((r) => r.meta.key === 'social_assistance_households')).toMatchObject({ value: null, call: 'no_data', n: 7 });
  });
});

describe('scatter', () => {
  it('plots two indicators with the area highlighted and the national point', () => {
    const s = buildScatter(mkPackage, { x: 'persons_with_disabilities', y: 'social_assistance_households', level: 'region', regions: [], area: 'MK005' }, { lang: 'en' });
    expect(s?.points).toHaveLength(7);
    expect(s?.missing.map((m) => m.unitId)).toEqual(['MK006']);
    expect(s?.points.filter((p) => p.highlighted).map((p) => p.unitId)).toEqual(['MK005']);
    expect(s?.highlighted).toBe('MK005');
    expect(s?.national.x).toBeCloseTo((36413 / 1836713) * 1000, 10);
    expect(s?.r).not.toBeNull();
    expect(Math.abs(s?.r ?? 2)).toBeLessThanOrEqual(1);
  });
});

describe('buildCompareChart (frame and table for each chart)', () => {
  const base = resolveCompareState(mkPackage, { ...DEFAULT_COMPARE_STATE, indicator: 'persons_with_disabilities' }).state;
  it('bars: title, method named, benchmark, source and date line, CSV', () => {
    const c = buildCompareChart(mkPackage, base, 'en', '2026-01-31');
    expect(c.kind).toBe('bars');
    if (c.kind !== 'bars') return;
    expect(c.frame.title).toBe('Persons with disabilities — Planning regions');
    expect(c.frame.subtitle).toContain('95 % confidence intervals: exact Poisson interval.');
    expect(c.frame.footer).toBe('Source: illustrative; SSO Census 2021 · Year: 2021 · Made on 2026-01-31');
    expect(c.frame.notes).toContain('Includes illustrative (invented) figures.');
    const csv = tableCsv(c.table, (col) => col.label ?? t('en', col.labelKey));
    expect(csv.startsWith('\uFEFFRank,Area,Value')).toBe(true);
    expect(csv).toContain('\n1,Polog,30.21,29.54,30.9,7600,251552,Worse than the benchmark\n');
    const byar = buildCompareChart(mkPackage, { ...base, ci: 'byar' }, 'mk', '2026-01-31');
    expect(byar.kind === 'bars' && byar.frame.subtitle[1]).toBe('Интервали на доверба 95 %: метод на Бајар.');
  });
  it('each chart kind builds, and a missing indicator gives an empty chart with a message', () => {
    for (const chart of ['multiples', 'profile', 'scatter'] as const) expect(buildCompareChart(mkPackage, { ...base, chart }, 'sq', '2026-01-31').kind).toBe(chart);
    expect(buildCompareChart(mkPackage, { ...base, indicator: null }, 'en', 'x')).toEqual({ kind: 'empty', messageKey: 'compare.empty' });
  });
  it('CSV neutralises formulas coming from data', () => {
    const evil = {
      ...mkPackage,
      units: mkPackage.units.map((u) => (u.id === 'MK006' ? { ...u, name: '=HYPERLINK("http://x")', names: {} } : u)),
    };
    const c = buildCompareChart(evil, base, 'en', 'x');
    if (c.kind !== 'bars') throw new Error(c.kind);
    expect(tableCsv(c.table, (col) => col.labelKey)).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe('gaps compared', () => {
  const g = buildGapsCompared(mkPackage, [], 'en');
  it('regions side by side per service × category, from the gap engine', () => {
    expect(g.regions).toHaveLength(8);
    expect(g.rows.map((r) => `${r.service}/${r.category}`)).toEqual(['day_care/persons_with_disabilities', 'counselling/dv_victims']);
    const vardar = g.rows[0]?.cells[0];
    // Need 50 per 1,000 × 2,798 persons = 139.9 places; Veles' 30 places; 8 of 9 municipalities without day care.
    expect(vardar).toMatchObject({ regionId: 'MK001', supply: 30, desertUnits: 8, units: 9, classIndex: 0 });
    expect(vardar?.need).toBeCloseTo(139.9, 9);
    expect(vardar?.coverage).toBeCloseTo(30 / 139.9, 9);
    // Kočani's day care has unknown capacity: East's coverage is a lower bound.
    expect(g.rows[0]?.cells[1]).toMatchObject({ capacityUnknown: true, desertUnits: 9, units: 11 });
    // Polog has day care (a planned one adds nothing): no desert. Skopje above 100 %.
    expect(g.rows[0]?.cells[5]).toMatchObject({ desertUnits: 0, supply: 60 });
    expect(g.rows[0]?.cells[7]?.classIndex).toBe(COVERAGE_CLASSES.length - 1);
    // Čaška has no DV figure: need incomplete for Vardar.
    expect(g.rows[1]?.cells[0]?.needIncomplete).toBe(true);
    expect(g.rows[0]?.national.need).toBeCloseTo(1820.65, 6);
  });
  it('coverage classes are fixed and shared', () => {
    expect([null, 0, 0.2499, 0.25, 0.74, 0.99, 1, 3].map(coverageClass)).toEqual([-1, 0, 0, 1, 2, 3, 4, 4]);
  });
  it('builds the chart with notes and a long table', () => {
    const base = resolveCompareState(mkPackage, { ...DEFAULT_COMPARE_STATE, chart: 'gaps', regions: ['MK001', 'MK002'] }).state;
    const c = buildCompareChart(mkPackage, base, 'en', 'x');
    if (c.kind !== 'gaps') throw new Error(c.kind);
    expect(c.model.regions.map((r) => r.id)).toEqual(['MK001', 'MK002']);
    expect(c.rowLabels[0]).toBe('Day care · Persons with disabilities');
    expect(c.table.rows).toHaveLength(4);
    expect(c.table.rows[0]).toEqual(['Vardar', 'Day care', 'Persons with disabilities', 139.9, 30, 21.4, 109.9, 8]);
    expect(c.frame.notes.join(' ')).toContain('unknown capacity');
  });
});

describe('count above its denominator', () => {
  it('is counted and explained in a note', () => {
    const odd = {
      ...mkPackage,
      observations: mkPackage.observations.map((o) => (o.unitId === 'MK003' && o.indicator === 'persons_with_disabilities' ? { ...o, value: 200_000 } : o)),
    };
    const s = resolveCompareState(odd, { ...DEFAULT_COMPARE_STATE, indicator: 'persons_with_disabilities' }).state;
    const c = buildCompareChart(odd, s, 'en', 'x');
    if (c.kind !== 'bars') throw new Error(c.kind);
    expect(c.model.overDenominator).toBe(1);
    expect(c.frame.notes.join(' ')).toContain('In 1 areas the count is larger than its denominator (Population)');
    const ok = buildCompareChart(mkPackage, s, 'en', 'x');
    expect(ok.kind === 'bars' && ok.model.overDenominator).toBe(0);
  });
});
