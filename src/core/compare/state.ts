// The compare view's state and its URL codec. Pure: parse never throws (invalid values fall
// back to defaults), write touches only the compare parameters and omits defaults, and
// parse(write(s)) = s for every valid state (round-trip test).
//
// Parameters: chart=bars|multiples|profile|scatter|gaps, level=region|municipality,
// regions=MK005,MK006, indicator, x, y, area, bench (unit id; absent = national),
// mult=by_region|by_indicator, ci=exact|byar. `indicator` is shared with the app's own codec
// (src/core/url.ts) and means the same thing there.
import { isCompareLevel, type CompareLevel } from './areas';
import type { DataPackage } from '../model';
import { compareContext } from './context';
import { comparableIndicators } from './metadata';

export const CHARTS = ['bars', 'multiples', 'profile', 'scatter', 'gaps'] as const;
export type ChartKind = (typeof CHARTS)[number];
export const isChart = (v: unknown): v is ChartKind => typeof v === 'string' && (CHARTS as readonly string[]).includes(v);

export type MultiplesMode = 'by_region' | 'by_indicator';
export type CiMethod = 'exact' | 'byar';

export interface CompareState {
  chart: ChartKind;
  level: CompareLevel;
  /** Region ids restricting the areas; empty = the whole country. */
  regions: string[];
  indicator: string | null;
  /** Scatter axes. */
  x: string | null;
  y: string | null;
  /** The area profiled, highlighted in the scatter, or shown by indicator in small multiples. */
  area: string | null;
  /** Benchmark unit id; null = national. */
  benchmark: string | null;
  multiples: MultiplesMode;
  ci: CiMethod;
}

export const DEFAULT_COMPARE_STATE: CompareState = {
  chart: 'bars',
  level: 'region',
  regions: [],
  indicator: null,
  x: null,
  y: null,
  area: null,
  benchmark: null,
  multiples: 'by_region',
  ci: 'exact',
};

export const COMPARE_PARAMS = ['chart', 'level', 'regions', 'indicator', 'x', 'y', 'area', 'bench', 'mult', 'ci'] as const;

const ID = /^[\p{L}\p{N}_.:-]{1,64}$/u;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const id = (v: string | null): string | null => {
  const s = v?.trim() ?? '';
  return s !== '' && ID.test(s) && !FORBIDDEN.has(s) ? s : null;
};

export function parseCompareParams(params: URLSearchParams): CompareState {
  const s: CompareState = { ...DEFAULT_COMPARE_STATE, regions: [] };
  const chart = params.get('chart');
  if (isChart(chart)) s.chart = chart;
  const level = params.get('level');
  if (isCompareLevel(level)) s.level = level;
  const regions = params.get('regions');
  if (regions) {
    const ids = regions.split(',').map((r) => id(r));
    s.regions = [...new Set(ids.filter((r): r is string => r !== null))];
  }
  s.indicator = id(params.get('indicator'));
  s.x = id(params.get('x'));
  s.y = id(params.get('y'));
  s.area = id(params.get('area'));
  s.benchmark = id(params.get('bench'));
  const mult = params.get('mult');
  if (mult === 'by_region' || mult === 'by_indicator') s.multiples = mult;
  if (params.get('ci') === 'byar') s.ci = 'byar';
  return s;
}

/** Writes the compare parameters into `params` (others untouched), omitting defaults. */
export function writeCompareParams(state: CompareState, params: URLSearchParams): void {
  for (const p of COMPARE_PARAMS) params.delete(p);
  const d = DEFAULT_COMPARE_STATE;
  if (state.chart !== d.chart) params.set('chart', state.chart);
  if (state.level !== d.level) params.set('level', state.level);
  const regions = state.regions.filter((r) => id(r) !== null);
  if (regions.length) params.set('regions', regions.join(','));
  const set = (k: string, v: string | null) => {
    const ok = id(v);
    if (ok) params.set(k, ok);
  };
  set('indicator', state.indicator);
  set('x', state.x);
  set('y', state.y);
  set('area', state.area);
  set('bench', state.benchmark);
  if (state.multiples !== d.multiples) params.set('mult', state.multiples);
  if (state.ci !== d.ci) params.set('ci', state.ci);
}

/**
 * The state as shown for this package: unknown ids dropped, and what the view needs but the
 * URL leaves open filled with defaults (first comparable indicator, the first region as area,
 * two different scatter axes). Returns the ids that were dropped, for a note.
 */
export function resolveCompareState(pkg: DataPackage, state: CompareState): { state: CompareState; dropped: string[] } {
  const { h, catalog } = compareContext(pkg);
  const dropped: string[] = [];
  const keepUnit = (u: string | null, levels: readonly string[]): string | null => {
    if (u === null) return null;
    const unit = h.get(u);
    if (unit && levels.includes(unit.level)) return u;
    dropped.push(u);
    return null;
  };
  const keepIndicator = (k: string | null): string | null => {
    if (k === null) return null;
    if (catalog.has(k)) return k;
    dropped.push(k);
    return null;
  };
  const regions = state.regions.filter((r) => keepUnit(r, ['region']) !== null);
  const metas = comparableIndicators(pkg);
  const rates = metas.filter((m) => m.display === 'rate' || m.display === 'proportion');
  const first = (rates[0] ?? metas[0])?.key ?? null;
  const indicator = keepIndicator(state.indicator) ?? first;
  const x = keepIndicator(state.x) ?? indicator;
  const y = keepIndicator(state.y) ?? (rates.find((m) => m.key !== x) ?? metas.find((m) => m.key !== x))?.key ?? x;
  const area = keepUnit(state.area, ['country', 'region', 'municipality', 'admin_unit', 'settlement']) ?? regions[0] ?? h.atLevel('region')[0]?.id ?? null;
  const benchmark = keepUnit(state.benchmark, ['country', 'region']);
  return { state: { ...state, regions, indicator, x, y, area, benchmark }, dropped };
}
