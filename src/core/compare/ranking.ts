// Ranked bars: the areas ordered by value, each with its 95 % interval and its call against
// the benchmark (national, or a chosen region), and the benchmark as a reference line.
import { t } from '../i18n';
import type { Lang } from '../keys';
import type { DataPackage } from '../model';
import { areasFor, type CompareLevel } from './areas';
import { compareContext, displayName } from './context';
import type { IntervalMethod } from './intervals';
import { indicatorMeta, type IndicatorMeta, type MetaOverride } from './metadata';
import { compareToBenchmark, tallyCalls, type Call, type SmallNumberRule, DEFAULT_SMALL_NUMBERS } from './significance';
import type { TableModel } from './table';
import { areaValues, benchmarkValue, type AreaValue, type ValueOptions } from './values';

export interface RankedRow {
  unitId: string;
  name: string;
  parentId: string | null;
  parentName: string | null;
  value: number | null;
  lower: number | null;
  upper: number | null;
  count: number | null;
  denominator: number | null;
  call: Call;
  /** 1 = highest value; null without a value. Ties share a rank. */
  rank: number | null;
  missing: AreaValue['missing'];
  partial: boolean;
  illustrative: boolean;
}

export interface Benchmark {
  /** null = national. */
  unitId: string | null;
  name: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  partial: boolean;
}

export interface RankedBars {
  kind: 'bars';
  meta: IndicatorMeta;
  level: CompareLevel;
  rows: RankedRow[];
  benchmark: Benchmark;
  method: IntervalMethod | null;
  confidence: number;
  /** Value axis extent, always including 0, every interval and the benchmark. */
  domain: [number, number];
  tally: Record<Call, number>;
  /** Areas whose count exceeds its denominator (a sign that the denominator does not fit). */
  overDenominator: number;
  sources: string[];
  year: number | null;
  illustrative: boolean;
}

export interface CompareQuery {
  indicator: string;
  level: CompareLevel;
  /** Region ids restricting the areas (empty = whole country). */
  regions: readonly string[];
  /** Unit id of the benchmark; null = national. */
  benchmark?: string | null;
  lang: Lang;
  year?: number | null;
  rateMethod?: ValueOptions['rateMethod'];
  override?: MetaOverride;
  smallNumbers?: SmallNumberRule;
  hidden?: ValueOptions['hidden'];
}

/** The call for one area value against the benchmark value. Partial aggregates are not called. */
export function callFor(v: AreaValue, meta: IndicatorMeta, benchmark: number | null, rule: SmallNumberRule = DEFAULT_SMALL_NUMBERS): Call {
  if (v.value === null) return 'no_data';
  if (v.partial) return 'not_compared';
  const counted = meta.display === 'rate' || meta.display === 'proportion';
  return compareToBenchmark(
    {
      value: v.value,
      interval: v.interval,
      count: counted ? v.count : null,
      denominator: counted ? v.denominator : null,
      benchmark,
      polarity: meta.polarity,
    },
    rule,
  );
}

export function benchmarkFor(pkg: DataPackage, meta: IndicatorMeta, q: Pick<CompareQuery, 'benchmark' | 'lang' | 'year' | 'rateMethod' | 'hidden'>): Benchmark {
  const { h, country } = compareContext(pkg);
  const id = q.benchmark && h.get(q.benchmark) ? q.benchmark : null;
  const v = benchmarkValue(pkg, meta, id, { year: q.year ?? null, rateMethod: q.rateMethod, hidden: q.hidden });
  const unit = id ? h.get(id) : country;
  return {
    unitId: id,
    name: unit ? displayName(unit, q.lang) : '',
    value: v.value,
    lower: v.interval?.lower ?? null,
    upper: v.interval?.upper ?? null,
    partial: v.partial,
  };
}

/** Rank descending by value (ties share the rank), missing values last by name. */
export function rankRows<T extends { value: number | null; name: string; rank: number | null }>(rows: T[]): T[] {
  const sorted = [...rows].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? a.name.localeCompare(b.name) : a.value === null ? 1 : -1;
    return b.value - a.value || a.name.localeCompare(b.name);
  });
  let prev: number | null = null;
  let rank = 0;
  sorted.forEach((r, i) => {
    if (r.value === null) return;
    if (r.value !== prev) rank = i + 1;
    prev = r.value;
    r.rank = rank;
  });
  return sorted;
}

export function buildRankedBars(pkg: DataPackage, q: CompareQuery): RankedBars | null {
  const meta = indicatorMeta(pkg, q.indicator, q.override);
  if (!meta) return null;
  const areas = areasFor(pkg, q.level, q.regions, q.lang);
  const values = areaValues(
    pkg,
    meta,
    areas.map((a) => a.unit.id),
    { year: q.year ?? null, rateMethod: q.rateMethod, hidden: q.hidden },
  );
  const benchmark = benchmarkFor(pkg, meta, q);
  const rows: RankedRow[] = areas.map((a) => {
    const v = values.get(a.unit.id);
    const call = v ? callFor(v, meta, benchmark.value, q.smallNumbers) : 'no_data';
    return {
      unitId: a.unit.id,
      name: a.name,
      parentId: a.parentId,
      parentName: a.parentName,
      value: v?.value ?? null,
      lower: v?.interval?.lower ?? null,
      upper: v?.interval?.upper ?? null,
      count: v?.count ?? null,
      denominator: v?.denominator ?? null,
      call,
      rank: null,
      missing: v?.missing ?? 'no_data',
      partial: v?.partial ?? false,
      illustrative: v?.illustrative ?? false,
    };
  });
  const ranked = rankRows(rows);
  const xs = [0, benchmark.value, ...ranked.flatMap((r) => [r.value, r.lower, r.upper])].filter((x): x is number => x !== null);
  const all = [...values.values()];
  const years = all.map((v) => v.year).filter((y): y is number => y !== null);
  return {
    kind: 'bars',
    meta,
    level: q.level,
    rows: ranked,
    benchmark,
    method: meta.display === 'rate' ? (q.rateMethod ?? meta.intervalMethod) : meta.intervalMethod,
    confidence: 0.95,
    domain: [Math.min(...xs), Math.max(...xs)],
    tally: tallyCalls(ranked.map((r) => r.call)),
    overDenominator: ranked.filter((r) => r.count !== null && r.denominator !== null && r.count > r.denominator).length,
    sources: [...new Set(all.flatMap((v) => v.sources))],
    year: years.length ? Math.max(...years) : meta.year,
    illustrative: all.some((v) => v.illustrative),
  };
}

const round = (x: number | null, digits = 2): number | null => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** The table behind the bars (and its CSV). */
export function rankedBarsTable(m: RankedBars, lang: Lang): TableModel {
  const multi = m.level === 'municipality';
  const columns = [
    { key: 'rank', labelKey: 'compare.col.rank', numeric: true },
    { key: 'name', labelKey: 'compare.col.area', numeric: false },
    ...(multi ? [{ key: 'parent', labelKey: 'compare.col.region', numeric: false }] : []),
    { key: 'value', labelKey: 'compare.col.value', numeric: true },
    { key: 'lower', labelKey: 'compare.col.lower', numeric: true },
    { key: 'upper', labelKey: 'compare.col.upper', numeric: true },
    { key: 'count', labelKey: 'compare.col.count', numeric: true },
    { key: 'denominator', labelKey: 'compare.col.denominator', numeric: true },
    { key: 'call', labelKey: 'compare.col.call', numeric: false },
  ];
  const rows = m.rows.map((r) => [
    r.rank,
    r.name,
    ...(multi ? [r.parentName] : []),
    round(r.value),
    round(r.lower),
    round(r.upper),
    r.count,
    r.denominator,
    t(lang, `compare.call.${r.call}`),
  ]);
  return { columns, rows };
}
