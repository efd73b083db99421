// Profile of one area: each indicator against the national range, as a spine chart
// (Fingertips): national minimum, quartiles and maximum of the areas at the same level, the
// national value, and the area's value with its call.
import { quantile } from 'simple-statistics';
import type { Lang, UnitLevel } from '../keys';
import type { DataPackage } from '../model';
import { compareContext, displayName } from './context';
import { comparableIndicators, indicatorMeta, type IndicatorMeta, type MetaOverrides } from './metadata';
import { benchmarkFor, callFor } from './ranking';
import type { Call } from './significance';
import type { TableModel } from './table';
import { areaValues, type ValueOptions } from './values';
import { t } from '../i18n';

export interface SpineStats {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export interface SpineRow {
  meta: IndicatorMeta;
  value: number | null;
  lower: number | null;
  upper: number | null;
  count: number | null;
  call: Call;
  national: number | null;
  /** Over the `n` areas at the same level with a value; null when none has one. */
  stats: SpineStats | null;
  n: number;
  /**
   * Positions in [0, 1] for drawing: the national value at 0.5, the scale symmetric around it
   * and wide enough for every area. Flipped for `higher_is_better`, so that worse is always on
   * the left (Fingertips convention). Null without stats.
   */
  scaled: { min: number; q1: number; median: number; q3: number; max: number; value: number | null; national: number } | null;
  flipped: boolean;
  partial: boolean;
}

export interface Profile {
  kind: 'profile';
  unitId: string;
  name: string;
  level: UnitLevel;
  rows: SpineRow[];
  sources: string[];
  illustrative: boolean;
}

interface Opts extends ValueOptions {
  lang: Lang;
}

/** Quartile summary of the values (R type 7 quantiles by simple-statistics). */
export function spineStats(values: readonly number[]): SpineStats | null {
  if (values.length === 0) return null;
  const xs = [...values];
  const [min, q1, median, q3, max] = quantile(xs, [0, 0.25, 0.5, 0.75, 1]) as number[];
  return { min: min as number, q1: q1 as number, median: median as number, q3: q3 as number, max: max as number };
}

/** Scale of the spine: centre on the national value (else the median), symmetric, [0, 1]. */
export function spineScale(stats: SpineStats, national: number | null, value: number | null, flipped: boolean): NonNullable<SpineRow['scaled']> {
  const centre = national ?? stats.median;
  const half = Math.max(Math.abs(stats.min - centre), Math.abs(stats.max - centre), value === null ? 0 : Math.abs(value - centre));
  const pos = (x: number) => {
    const p = half === 0 ? 0.5 : 0.5 + (x - centre) / (2 * half);
    return flipped ? 1 - p : p;
  };
  return {
    min: pos(stats.min),
    q1: pos(stats.q1),
    median: pos(stats.median),
    q3: pos(stats.q3),
    max: pos(stats.max),
    value: value === null ? null : pos(value),
    national: pos(centre),
  };
}

/**
 * Profile of `unitId` against the other areas at its level across the country. Without
 * `indicators`, every comparable non-population indicator of the package.
 */
export function buildProfile(pkg: DataPackage, unitId: string, indicators: readonly string[], opts: Opts, overrides: MetaOverrides = new Map()): Profile | null {
  const { h } = compareContext(pkg);
  const unit = h.get(unitId);
  if (!unit) return null;
  const peers = h.atLevel(unit.level).map((u) => u.id);
  const metas = indicators.length
    ? indicators.map((k) => indicatorMeta(pkg, k, overrides.get(k))).filter((m): m is IndicatorMeta => m !== null)
    : comparableIndicators(pkg, overrides).filter((m) => m.kind !== 'population');
  const rows: SpineRow[] = [];
  const sources = new Set<string>();
  let illustrative = false;
  for (const meta of metas) {
    const values = areaValues(pkg, meta, peers, opts);
    const bench = benchmarkFor(pkg, meta, { benchmark: null, lang: opts.lang, year: opts.year, rateMethod: opts.rateMethod });
    const own = values.get(unitId);
    const xs = [...values.values()].map((v) => v.value).filter((x): x is number => x !== null);
    const stats = spineStats(xs);
    const flipped = meta.polarity === 'higher_is_better';
    own?.sources.forEach((s) => sources.add(s));
    illustrative ||= own?.illustrative ?? false;
    const value = own?.value ?? null;
    rows.push({
      meta,
      value,
      lower: own?.interval?.lower ?? null,
      upper: own?.interval?.upper ?? null,
      count: own?.count ?? null,
      call: own ? callFor(own, meta, bench.value) : 'no_data',
      national: bench.value,
      stats,
      n: xs.length,
      scaled: stats ? spineScale(stats, bench.value, value, flipped) : null,
      flipped,
      partial: own?.partial ?? false,
    });
  }
  return { kind: 'profile', unitId, name: displayName(unit, opts.lang), level: unit.level, rows, sources: [...sources], illustrative };
}

const r2 = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : Math.round(x * 100) / 100);

export function profileTable(p: Profile, lang: Lang, label: (m: IndicatorMeta) => string): TableModel {
  return {
    columns: [
      { key: 'indicator', labelKey: 'compare.col.indicator', numeric: false },
      { key: 'value', labelKey: 'compare.col.value', numeric: true },
      { key: 'national', labelKey: 'compare.col.national', numeric: true },
      { key: 'min', labelKey: 'compare.col.min', numeric: true },
      { key: 'q1', labelKey: 'compare.col.q1', numeric: true },
      { key: 'median', labelKey: 'compare.col.median', numeric: true },
      { key: 'q3', labelKey: 'compare.col.q3', numeric: true },
      { key: 'max', labelKey: 'compare.col.max', numeric: true },
      { key: 'call', labelKey: 'compare.col.call', numeric: false },
    ],
    rows: p.rows.map((r) => [
      label(r.meta),
      r2(r.value),
      r2(r.national),
      r2(r.stats?.min),
      r2(r.stats?.q1),
      r2(r.stats?.median),
      r2(r.stats?.q3),
      r2(r.stats?.max),
      t(lang, `compare.call.${r.call}`),
    ]),
  };
}
