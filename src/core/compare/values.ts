// Values of one indicator for a set of areas, as the compare view shows them: the value, the
// count and denominator behind it, and its 95 % interval. Counts are summed up the hierarchy by
// src/core/indicators.ts (computeCells) and rates recomputed from the sums, never averaged.
import { computeCells, type Cell, type MissingReason } from '../indicators';
import type { DataPackage } from '../model';
import { compareContext } from './context';
import { proportionInterval, rateInterval, type Interval } from './intervals';
import type { IndicatorMeta } from './metadata';

export interface AreaValue {
  unitId: string;
  value: number | null;
  /** Numerator (people, households) behind a rate or proportion; the value itself for counts. */
  count: number | null;
  denominator: number | null;
  interval: Interval | null;
  /** Why there is no value; 'suppressed': hidden by small-number protection (src/core/privacy). */
  missing: MissingReason | 'suppressed' | null;
  /** Aggregated from children of which some had no data: the value is incomplete. */
  partial: boolean;
  /** Not observed for this unit but summed from its children. */
  aggregated: boolean;
  year: number | null;
  sources: string[];
  illustrative: boolean;
}

export interface ValueOptions {
  year?: number | null;
  /** Interval method for rates (proportions always use Wilson). */
  rateMethod?: 'poisson_exact' | 'byar';
  /** Small-number protection: the units whose count of an indicator must not be shown
   *  (suppressionFor in src/core/privacy); their values, rates and intervals are left out. */
  hidden?: (indicator: string) => ReadonlyMap<string, unknown>;
}

const missingValue = (unitId: string, reason: NonNullable<AreaValue['missing']>): AreaValue => ({
  unitId,
  value: null,
  count: null,
  denominator: null,
  interval: null,
  missing: reason,
  partial: false,
  aggregated: false,
  year: null,
  sources: [],
  illustrative: false,
});

/** Build the area value from a numerator cell and (for rates and proportions) a denominator cell. */
export function combine(unitId: string, meta: IndicatorMeta, num: Cell | undefined, den: Cell | undefined, opts: ValueOptions = {}): AreaValue {
  if (!num || !num.ok) return missingValue(unitId, num && !num.ok ? num.reason : 'no_data');
  const base = {
    unitId,
    partial: num.partial,
    aggregated: num.aggregated,
    year: num.year,
    sources: num.sources,
    illustrative: num.illustrative,
    missing: null,
  };
  if (meta.display === 'count' || meta.display === 'value') {
    return { ...base, value: num.value, count: meta.display === 'count' ? num.value : null, denominator: null, interval: null };
  }
  if (!den || !den.ok) return missingValue(unitId, den && !den.ok ? (den.reason === 'no_data' ? 'no_denominator' : den.reason) : 'no_denominator');
  if (den.value === 0) return missingValue(unitId, 'zero_denominator');
  const per = meta.per ?? (meta.display === 'rate' ? 1000 : 100);
  const value = (num.value / den.value) * per;
  const interval =
    meta.display === 'proportion'
      ? proportionInterval(num.value, den.value, per)
      : rateInterval(num.value, den.value, { per, method: opts.rateMethod ?? (meta.intervalMethod === 'byar' ? 'byar' : 'poisson_exact') });
  return {
    ...base,
    value,
    count: num.value,
    denominator: den.value,
    interval,
    partial: num.partial || den.partial,
    sources: [...new Set([...num.sources, ...den.sources])],
    illustrative: num.illustrative || den.illustrative,
  };
}

/** Values for the given unit ids (any level; aggregated from children where needed). */
export function areaValues(pkg: DataPackage, meta: IndicatorMeta, unitIds: readonly string[], opts: ValueOptions = {}): Map<string, AreaValue> {
  const { h, idx } = compareContext(pkg);
  const nums = computeCells(unitIds, { indicator: meta.key, measure: 'count', year: opts.year ?? null }, h, idx);
  const dens = meta.denominator ? computeCells(unitIds, { indicator: meta.denominator, measure: 'count' }, h, idx) : new Map<string, Cell>();
  const hidden = opts.hidden?.(meta.key);
  const out = new Map<string, AreaValue>();
  for (const id of unitIds) out.set(id, hidden?.has(id) ? missingValue(id, 'suppressed') : combine(id, meta, nums.get(id), dens.get(id), opts));
  return out;
}

/**
 * The national value: the `country` unit's (observed or summed from its regions), else the sum
 * over the top-level units of the package. Null when nothing can be computed.
 */
export function nationalValue(pkg: DataPackage, meta: IndicatorMeta, opts: ValueOptions = {}): AreaValue {
  const { h, country } = compareContext(pkg);
  if (country) return areaValues(pkg, meta, [country.id], opts).get(country.id) ?? missingValue(country.id, 'no_data');
  if (meta.display === 'value') return missingValue('', 'not_additive');
  const roots = h.roots().map((u) => u.id);
  const vals = [...areaValues(pkg, { ...meta, display: 'count', denominator: null }, roots, opts).values()];
  const dens = meta.denominator ? [...areaValues(pkg, { ...meta, key: meta.denominator, display: 'count', denominator: null }, roots, {}).values()] : [];
  const sumCell = (xs: AreaValue[]): Cell => {
    const ok = xs.filter((x) => x.value !== null);
    if (ok.length === 0) return { ok: false, reason: 'no_data' };
    return {
      ok: true,
      value: ok.reduce((s, x) => s + (x.value ?? 0), 0),
      count: 0,
      denominator: null,
      year: ok.reduce<number | null>((y, x) => (x.year === null ? y : Math.max(y ?? x.year, x.year)), null),
      sources: [...new Set(ok.flatMap((x) => x.sources))],
      illustrative: ok.some((x) => x.illustrative),
      partial: ok.length < xs.length || ok.some((x) => x.partial),
      aggregated: true,
    };
  };
  return combine('', meta, sumCell(vals), meta.denominator ? sumCell(dens) : undefined, opts);
}

/** A chosen unit as benchmark (e.g. the region when comparing its municipalities). */
export function benchmarkValue(pkg: DataPackage, meta: IndicatorMeta, benchmarkId: string | null, opts: ValueOptions = {}): AreaValue {
  if (benchmarkId === null) return nationalValue(pkg, meta, opts);
  return areaValues(pkg, meta, [benchmarkId], opts).get(benchmarkId) ?? missingValue(benchmarkId, 'no_data');
}
