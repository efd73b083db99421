// The `indicators` resource (long form). Real figures: 2021 census population, 2023 estimate,
// area (facts where given, else computed from the full-detail geometry). Illustrative figures:
// age groups, households and beneficiary categories, drawn with a seeded generator from the
// real population and, where data/facts has a national total, scaled to equal it exactly.
import { area } from '@turf/turf';
import type { Cell } from './csv';
import type { Facts, Municipality } from './facts';
import { nationalValue } from './facts';
import type { AreaGeometry } from './geometry';
import { apportion, mulberry32 } from './prng';

export const INDICATOR_COLUMNS = [
  'unit_id',
  'indicator',
  'value',
  'year',
  'unit',
  'source',
  'note',
] as const;
export type IndicatorRow = Record<(typeof INDICATOR_COLUMNS)[number], Cell>;

export const ILLUSTRATIVE = 'illustrative';
export const INDICATOR_SEED = 20210905;

const CENSUS_SOURCE = 'SSO Census 2021 (2021-09-05)';
const ESTIMATE_SOURCE = 'SSO MakStat estimated resident population (2023-12-31)';
const NE_AREA_SOURCE = 'computed from Natural Earth admin-1 geometry';

export interface ScaledTotal {
  indicator: string;
  total: number;
  fact: string;
  date: string;
  source: string;
}

export interface IndicatorResult {
  rows: IndicatorRow[];
  /** National totals the illustrative figures were scaled to (for README and tests). */
  scaled: ScaledTotal[];
  /** Municipalities whose area was computed from geometry. */
  computedAreas: number;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

export function buildIndicators(
  facts: Facts,
  fullGeometry: ReadonlyMap<string, AreaGeometry>,
): IndicatorResult {
  const ms = facts.municipalities;
  const rows: IndicatorRow[] = [];
  const rng = mulberry32(INDICATOR_SEED);
  const lognormal = (sigma: number): number => Math.exp(sigma * rng.normal());

  // --- real figures -------------------------------------------------------------------------
  let computedAreas = 0;
  for (const m of ms) {
    rows.push({
      unit_id: m.lau,
      indicator: 'population',
      value: m.pop2021,
      year: 2021,
      unit: 'count',
      source: `${CENSUS_SOURCE}; ${m.pop2021Source}`,
      note: `pop_2021_status=${m.pop2021Status}`,
    });
    rows.push({
      unit_id: m.lau,
      indicator: 'population_estimate',
      value: m.pop2023,
      year: 2023,
      unit: 'count',
      source: `${ESTIMATE_SOURCE}; via ${m.pop2023Source.replace(/^MakStat estimated resident population 31\.12\.2023 \(JSON-stat\) via /, '')}`,
      note: 'not cross-checked with an SSO release',
    });
    if (m.areaKm2 !== null) {
      rows.push({
        unit_id: m.lau,
        indicator: 'area_km2',
        value: m.areaKm2,
        year: null,
        unit: 'km2',
        source: m.areaSource,
        note: 'Wikipedia copy, not an official list',
      });
    } else {
      const g = fullGeometry.get(m.lau);
      if (g === undefined) throw new Error(`no geometry for ${m.lau}`);
      computedAreas++;
      rows.push({
        unit_id: m.lau,
        indicator: 'area_km2',
        value: Math.round(area(g) / 1e4) / 100,
        year: null,
        unit: 'km2',
        source: NE_AREA_SOURCE,
        note: 'computed from Natural Earth geometry (full detail; includes any lake surface in the polygon)',
      });
    }
  }

  // --- illustrative figures -----------------------------------------------------------------
  const scaled: ScaledTotal[] = [];
  const perUnit = new Map<string, number[]>();
  const emit = (indicator: string, values: readonly number[], year: number, note: string): void => {
    perUnit.set(indicator, [...values]);
    ms.forEach((m, i) =>
      rows.push({
        unit_id: m.lau,
        indicator,
        value: values[i] ?? 0,
        year,
        unit: 'count',
        source: ILLUSTRATIVE,
        note,
      }),
    );
  };
  const get = (indicator: string): number[] => {
    const v = perUnit.get(indicator);
    if (v === undefined) throw new Error(`${indicator} not generated yet`);
    return v;
  };
  const scaleTo = (
    indicator: string,
    weights: number[],
    fact: string,
    datePrefix: string,
  ): number[] => {
    const f = nationalValue(facts, fact, datePrefix);
    scaled.push({ indicator, total: f.value, fact: f.indicator, date: f.date, source: f.source });
    return apportion(weights, f.value);
  };
  const ageShift = (m: Municipality): number | null =>
    m.medianAge2021 === null ? null : m.medianAge2021 - 40.08;

  // Residents aged 60+: national Census 2021 total; municipal shares follow the median age
  // where data/facts has it (29 municipalities), else a random draw around the national share.
  const share60 = ms.map((m) => {
    const d = ageShift(m);
    return clamp(0.228 * (d === null ? lognormal(0.15) : 1 + 0.035 * d), 0.1, 0.4);
  });
  const elderly = scaleTo(
    'elderly',
    ms.map((m, i) => m.pop2021 * (share60[i] ?? 0)),
    'population_aged_60_plus',
    '2021',
  );
  emit('elderly', elderly, 2021, 'aged 60+ (not 65+); national total = Census 2021 60+ (419,125)');
  emit(
    'population_65_plus',
    elderly.map((e) => Math.round(e * 0.72 * lognormal(0.05))),
    2021,
    '≈72% of illustrative 60+',
  );
  emit(
    'population_0_17',
    ms.map((m) => {
      const d = ageShift(m);
      return Math.round(
        m.pop2021 * clamp(0.19 * (d === null ? lognormal(0.12) : 1 - 0.03 * d), 0.1, 0.32),
      );
    }),
    2021,
    '≈19% of population, by median age where known',
  );
  const households = scaleTo(
    'households',
    ms.map((m) => m.pop2021 / (3.06 * lognormal(0.1))),
    'households',
    '2021',
  );
  emit('households', households, 2021, 'national total = Census 2021 households (598,632)');
  const sah = scaleTo(
    'social_assistance_households',
    households.map((h) => h * lognormal(0.5)),
    'households_social_cash_assistance',
    '2020',
  );
  emit(
    'social_assistance_households',
    sah,
    2020,
    'national total = households on social cash assistance 2020 (32,345)',
  );

  const pop = ms.map((m) => m.pop2021);
  const pwd = pop.map((p) => Math.round(p * 0.045 * lognormal(0.25)));
  emit('persons_with_disabilities', pwd, 2021, '≈45 per 1,000 inhabitants (assumed)');
  emit(
    'severe_disability',
    pwd.map((x) => Math.round(x * 0.22 * lognormal(0.2))),
    2021,
    '≈22% of illustrative persons_with_disabilities',
  );
  const kids = get('population_0_17');
  emit(
    'children_at_risk',
    kids.map((k) => Math.round(k * 0.025 * lognormal(0.4))),
    2021,
    '≈25 per 1,000 of illustrative 0-17',
  );
  emit(
    'children_without_parental_care',
    kids.map((k) => Math.round(k * 0.003 * lognormal(0.4))),
    2021,
    '≈3 per 1,000 of illustrative 0-17',
  );
  emit(
    'dv_victims',
    pop.map((p) => Math.round(p * 0.0012 * lognormal(0.4))),
    2021,
    '≈1.2 per 1,000 inhabitants a year (assumed)',
  );
  emit(
    'elderly_alone',
    elderly.map((e) => Math.round(e * 0.17 * lognormal(0.2))),
    2021,
    '≈17% of illustrative elderly',
  );
  emit(
    'homeless',
    pop.map((p) => Math.round(p * 0.00015 * Math.pow(p / 20000, 0.3) * lognormal(0.5))),
    2021,
    '≈0.15 per 1,000, more in larger towns (assumed)',
  );

  return { rows, scaled, computedAreas };
}
