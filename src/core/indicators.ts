// Indicator values per unit: counts, per 1,000 of a denominator, per km².
// Aggregation up the hierarchy sums counts and recomputes rates from the sums; rates are
// never averaged. Missing values are tagged with a reason, never NaN.
import type { Hierarchy } from './hierarchy';
import { isCategoryKey } from './keys';
import { isIllustrative, type DataPackage, type Observation } from './model';
import { findGroup, groupObservations, type ObservationGroups } from './observationGroups';
import type { ObservationSource } from './observationStore';

export type Measure = 'count' | 'per1000' | 'per_km2';
export const MEASURES: readonly Measure[] = ['count', 'per1000', 'per_km2'];

export type MissingReason = 'no_data' | 'no_denominator' | 'zero_denominator' | 'not_additive';

export type Cell =
  | {
      ok: true;
      value: number;
      /** The count behind a rate (or the value itself for a count). */
      count: number;
      denominator: number | null;
      year: number | null;
      sources: string[];
      illustrative: boolean;
      /** Aggregated from children where some children had no data. */
      partial: boolean;
      /** Aggregated from children (not observed for this unit). */
      aggregated: boolean;
    }
  | { ok: false; reason: MissingReason };

/** Units in which an indicator's values can be summed across units. */
const ADDITIVE_UNITS = new Set(['count', 'km2', 'households', 'persons', 'currency', '']);
export const isAdditive = (unit: string): boolean => ADDITIVE_UNITS.has(unit.trim().toLowerCase());

export interface IndicatorInfo {
  key: string;
  kind: 'population' | 'category' | 'free';
  unit: string;
  years: number[];
  sources: string[];
  illustrative: boolean;
  additive: boolean;
}

const POPULATION_LIKE = new Set(['population', 'population_estimate', 'population_0_17', 'population_65_plus', 'households', 'area_km2']);

/**
 * Observations by indicator → unit → observations (all years), over ObservationGroups (typed
 * arrays; see observationGroups.ts). Pass `groups` when they were built elsewhere (the parse
 * worker) for exactly these observations, in this order; then the observations may also be an
 * ObservationStore (columns, objects made on demand).
 */
export class ObservationIndex {
  private readonly ind = new Map<string, number>();
  private unitIdx: Map<string, number> | null = null;
  private readonly units = new Map<string, string>();
  private readonly groups: ObservationGroups;
  constructor(
    private readonly observations: ObservationSource,
    groups?: ObservationGroups,
  ) {
    if (!groups && !Array.isArray(observations)) throw new Error('ObservationIndex: groups are needed for observations that are not an array');
    this.groups = groups ?? groupObservations(observations as readonly Observation[]);
    this.groups.indicators.forEach((k, i) => this.ind.set(k, i));
  }
  indicators(): string[] {
    return [...this.groups.indicators];
  }
  has(indicator: string): boolean {
    return this.ind.has(indicator);
  }
  /** Group of an indicator × unit, or -1. */
  private group(indicator: string, unitId: string): number {
    const i = this.ind.get(indicator);
    if (i === undefined) return -1;
    if (!this.unitIdx) {
      const m = new Map<string, number>();
      this.groups.units.forEach((id, u) => m.set(id, u));
      this.unitIdx = m;
    }
    const u = this.unitIdx.get(unitId);
    return u === undefined ? -1 : findGroup(this.groups, i, u);
  }
  private at(k: number): Observation {
    return this.observations.at(this.groups.order[k] as number) as Observation;
  }
  /** The observation for `year`, or the latest one when year is null. */
  get(indicator: string, unitId: string, year: number | null = null): Observation | undefined {
    const g = this.group(indicator, unitId);
    if (g < 0) return undefined;
    const from = this.groups.groupStart[g] as number;
    const to = this.groups.groupStart[g + 1] as number;
    if (year !== null) {
      for (let k = from; k < to; k++) if (this.yearOf(k) === year) return this.at(k);
      return undefined;
    }
    // the latest year (the first of equals), made into an object once
    let best = from;
    let bestYear = this.yearOf(from) ?? -Infinity;
    for (let k = from + 1; k < to; k++) {
      const y = this.yearOf(k) ?? -Infinity;
      if (y > bestYear) [best, bestYear] = [k, y];
    }
    return this.at(best);
  }
  private yearOf(k: number): number | null {
    const i = this.groups.order[k] as number;
    return this.observations.yearAt ? this.observations.yearAt(i) : (this.observations.at(i)?.year ?? null);
  }
  all(indicator: string): Observation[] {
    const i = this.ind.get(indicator);
    if (i === undefined) return [];
    const g = this.groups;
    const from = g.groupStart[g.indStart[i] as number] as number;
    const to = g.groupStart[g.indStart[i + 1] as number] as number;
    const out = new Array<Observation>(to - from);
    for (let k = from; k < to; k++) out[k - from] = this.at(k);
    return out;
  }
  /** The unit of measurement of an indicator (`count` when unknown). */
  unitOf(indicator: string): string {
    let u = this.units.get(indicator);
    if (u === undefined) {
      const i = this.ind.get(indicator);
      const first = i === undefined ? undefined : this.at(this.groups.groupStart[this.groups.indStart[i] as number] as number);
      u = first?.unit || 'count';
      this.units.set(indicator, u);
    }
    return u;
  }
}

export function indicatorCatalog(pkg: DataPackage, idx = new ObservationIndex(pkg.observations)): IndicatorInfo[] {
  return idx.indicators().map((key) => {
    const obs = idx.all(key);
    const years = [...new Set(obs.map((o) => o.year).filter((y): y is number => y !== null))].sort();
    const sources = [...new Set(obs.map((o) => o.source).filter(Boolean))];
    const unit = obs[0]?.unit || 'count';
    return {
      key,
      kind: POPULATION_LIKE.has(key) ? 'population' : isCategoryKey(key) ? 'category' : 'free',
      unit,
      years,
      sources,
      illustrative: obs.some((o) => isIllustrative(o.source)),
      additive: isAdditive(unit),
    };
  });
}

/** Denominator of "per 1,000": the relevant population where the package has it. */
export function denominatorOf(indicator: string, idx: ObservationIndex): string {
  if (indicator.startsWith('children') && idx.has('population_0_17')) return 'population_0_17';
  if (indicator === 'social_assistance_households' && idx.has('households')) return 'households';
  return 'population';
}

interface Raw {
  value: number;
  year: number | null;
  sources: string[];
  illustrative: boolean;
  partial: boolean;
  aggregated: boolean;
}

/**
 * The count of `indicator` for a unit: its own observation, else the sum of its children's
 * (recursively) when the indicator is additive.
 */
function rawValue(indicator: string, unitId: string, h: Hierarchy, idx: ObservationIndex, year: number | null, memo: Map<string, Raw | null>): Raw | null {
  const key = `${indicator}\u0000${unitId}`;
  if (memo.has(key)) return memo.get(key) ?? null;
  memo.set(key, null); // cycle guard
  let out: Raw | null = null;
  const own = idx.get(indicator, unitId, year);
  if (own) {
    out = { value: own.value, year: own.year, sources: own.source ? [own.source] : [], illustrative: isIllustrative(own.source), partial: false, aggregated: false };
  } else if (isAdditive(idx.unitOf(indicator))) {
    const kids = h.children(unitId);
    let sum = 0;
    let n = 0;
    let partial = false;
    const sources = new Set<string>();
    let illustrative = false;
    let yr: number | null = null;
    for (const k of kids) {
      const r = rawValue(indicator, k.id, h, idx, year, memo);
      if (!r) {
        partial = true;
        continue;
      }
      sum += r.value;
      n++;
      partial ||= r.partial;
      illustrative ||= r.illustrative;
      r.sources.forEach((s) => sources.add(s));
      yr = yr === null ? r.year : Math.max(yr, r.year ?? yr);
    }
    if (n > 0) out = { value: sum, year: yr, sources: [...sources], illustrative, partial, aggregated: true };
  }
  memo.set(key, out);
  return out;
}

interface Pair {
  num: Raw;
  den: number;
  denSources: string[];
  denIllustrative: boolean;
}

/**
 * Numerator and denominator of a rate for a unit: its own pair where it has both, else the sums
 * over the children that have both (so that a child missing one of them biases neither).
 */
function ratePair(indicator: string, denomKey: string, unitId: string, h: Hierarchy, idx: ObservationIndex, year: number | null, memo: Map<string, Pair | null>): Pair | null {
  if (memo.has(unitId)) return memo.get(unitId) ?? null;
  memo.set(unitId, null); // cycle guard
  const num = idx.get(indicator, unitId, year);
  const den = idx.get(denomKey, unitId, null);
  let out: Pair | null = null;
  if (num && den) {
    out = {
      num: { value: num.value, year: num.year, sources: num.source ? [num.source] : [], illustrative: isIllustrative(num.source), partial: false, aggregated: false },
      den: den.value,
      denSources: den.source ? [den.source] : [],
      denIllustrative: isIllustrative(den.source),
    };
  } else if (num || den) {
    // One is observed here, the other only below: complete it from the children's sum.
    const rawMemo = new Map<string, Raw | null>();
    const n = rawValue(indicator, unitId, h, idx, year, rawMemo);
    const d = rawValue(denomKey, unitId, h, idx, null, rawMemo);
    if (n && d) out = { num: n, den: d.value, denSources: d.sources, denIllustrative: d.illustrative };
  } else {
    let n = 0;
    let d = 0;
    let count = 0;
    let partial = false;
    let illustrative = false;
    let denIllustrative = false;
    let yr: number | null = null;
    const sources = new Set<string>();
    const denSources = new Set<string>();
    for (const k of h.children(unitId)) {
      const p = ratePair(indicator, denomKey, k.id, h, idx, year, memo);
      if (!p) {
        partial = true;
        continue;
      }
      count++;
      n += p.num.value;
      d += p.den;
      partial ||= p.num.partial;
      illustrative ||= p.num.illustrative;
      denIllustrative ||= p.denIllustrative;
      p.num.sources.forEach((x) => sources.add(x));
      p.denSources.forEach((x) => denSources.add(x));
      yr = yr === null ? p.num.year : Math.max(yr, p.num.year ?? yr);
    }
    if (count > 0) {
      out = { num: { value: n, year: yr, sources: [...sources], illustrative, partial, aggregated: true }, den: d, denSources: [...denSources], denIllustrative };
    }
  }
  memo.set(unitId, out);
  return out;
}

export interface ValueQuery {
  indicator: string;
  measure: Measure;
  year?: number | null;
}

/** Values of one indicator and measure for the given units (aggregating where needed). */
export function computeCells(units: readonly string[], q: ValueQuery, h: Hierarchy, idx: ObservationIndex): Map<string, Cell> {
  const memo = new Map<string, Raw | null>();
  const pairMemo = new Map<string, Pair | null>();
  const out = new Map<string, Cell>();
  const year = q.year ?? null;
  const denomKey = q.measure === 'per1000' ? denominatorOf(q.indicator, idx) : q.measure === 'per_km2' ? 'area_km2' : null;
  for (const id of units) {
    const r = rawValue(q.indicator, id, h, idx, year, memo);
    if (!r) {
      out.set(id, { ok: false, reason: 'no_data' });
      continue;
    }
    if (!denomKey) {
      out.set(id, { ok: true, value: r.value, count: r.value, denominator: null, year: r.year, sources: r.sources, illustrative: r.illustrative, partial: r.partial, aggregated: r.aggregated });
      continue;
    }
    if (!isAdditive(idx.unitOf(q.indicator))) {
      out.set(id, { ok: false, reason: 'not_additive' });
      continue;
    }
    const pair = ratePair(q.indicator, denomKey, id, h, idx, year, pairMemo);
    if (!pair) out.set(id, { ok: false, reason: rawValue(denomKey, id, h, idx, null, memo) ? 'no_data' : 'no_denominator' });
    else if (pair.den === 0) out.set(id, { ok: false, reason: 'zero_denominator' });
    else {
      const factor = q.measure === 'per1000' ? 1000 : 1;
      out.set(id, {
        ok: true,
        value: (pair.num.value / pair.den) * factor,
        count: pair.num.value,
        denominator: pair.den,
        year: pair.num.year,
        sources: [...new Set([...pair.num.sources, ...pair.denSources])],
        illustrative: pair.num.illustrative || pair.denIllustrative,
        partial: pair.num.partial,
        aggregated: pair.num.aggregated,
      });
    }
  }
  return out;
}
