// Small multiples: the same indicator as one map per region, or several indicators as maps of
// one region. Panels share one classification so they compare honestly:
// - one indicator: one set of class breaks computed over every unit of every panel;
// - several indicators (different units, scales): each unit is coloured by its call against the
//   national value, the only classification the indicators have in common.
import { classify, NO_DATA, NO_DATA_COLOR, paletteFor, type ClassMethod } from '../classify';
import type { Lang } from '../keys';
import type { DataPackage, UnitGeometry } from '../model';
import { compareContext, displayName } from './context';
import { comparableIndicators, indicatorMeta, type IndicatorMeta, type MetaOverrides } from './metadata';
import { benchmarkFor, callFor } from './ranking';
import { CALLS, type Call } from './significance';
import { areaValues, type ValueOptions } from './values';

export interface PanelUnit {
  unitId: string;
  name: string;
  geometry: UnitGeometry | null;
  value: number | null;
  call: Call;
  /** Class index into the legend (breaks), or NO_DATA (-1). For `calls` classing: index into CALLS. */
  classIndex: number;
  fill: string;
}

export interface Panel {
  id: string;
  /** Area name (by region) or indicator key (by indicator; the UI resolves its label). */
  title: string;
  meta: IndicatorMeta;
  /** True when the region has no municipalities in the package and is drawn as one unit. */
  whole: boolean;
  /** Benchmark (national) value for this panel's indicator. */
  benchmark: number | null;
  units: PanelUnit[];
}

export type Classing =
  | { kind: 'breaks'; method: ClassMethod; bounds: number[]; colors: string[]; noDataColor: string }
  | { kind: 'calls'; calls: readonly Call[]; colors: Record<Call, string> };

export interface SmallMultiples {
  kind: 'multiples';
  mode: 'by_region' | 'by_indicator';
  classing: Classing;
  panels: Panel[];
  sources: string[];
  illustrative: boolean;
}

/**
 * Colour-blind-safe colours for calls (ColorBrewer PuOr ends): purple better, orange worse,
 * grey-blue similar; neutral higher/lower in lighter tones; white (drawn dashed) for no call.
 */
/** Calls drawn with a dashed outline (no colour of their own). */
export const DASHED_CALLS: ReadonlySet<Call> = new Set(['too_few', 'not_compared']);

export const CALL_COLORS: Record<Call, string> = {
  better: '#5e3c99',
  similar: '#c9d3df',
  worse: '#e66101',
  higher: '#b2abd2',
  lower: '#fdb863',
  too_few: '#ffffff',
  not_compared: '#ffffff',
  no_data: NO_DATA_COLOR,
};

interface Opts extends ValueOptions {
  lang: Lang;
  classMethod?: ClassMethod;
  classes?: number;
}

/** Units drawn in a region's panel: its municipalities, or the region itself when it has none. */
function unitsOf(pkg: DataPackage, regionId: string) {
  const { h } = compareContext(pkg);
  const m = h.atLevel('municipality', regionId);
  if (m.length) return m;
  const r = h.get(regionId);
  return r ? [r] : [];
}

/** One indicator, one panel per region (all regions when `regions` is empty). */
export function buildMultiplesByRegion(pkg: DataPackage, indicator: string, regions: readonly string[], opts: Opts, override = {}): SmallMultiples | null {
  const meta = indicatorMeta(pkg, indicator, override);
  if (!meta) return null;
  const { h } = compareContext(pkg);
  const all = h.atLevel('region');
  const chosen = regions.length ? all.filter((r) => regions.includes(r.id)) : all;
  const bench = benchmarkFor(pkg, meta, { benchmark: null, lang: opts.lang, year: opts.year, rateMethod: opts.rateMethod });
  const perPanel = chosen.map((r) => {
    const units = unitsOf(pkg, r.id);
    return { region: r, units, values: areaValues(pkg, meta, units.map((u) => u.id), opts) };
  });
  const allValues = perPanel.flatMap((p) => [...p.values.values()].map((v) => v.value));
  const cls = classify(allValues, opts.classMethod ?? 'quantile', opts.classes ?? 5);
  const colors = paletteFor(cls.k);
  const panels: Panel[] = perPanel.map((p) => ({
    id: p.region.id,
    title: displayName(p.region, opts.lang),
    meta,
    whole: p.units.length === 1 && p.units[0]?.id === p.region.id,
    benchmark: bench.value,
    units: p.units.map((u) => {
      const v = p.values.get(u.id);
      const value = v?.value ?? null;
      const classIndex = cls.classOf(value);
      return {
        unitId: u.id,
        name: displayName(u, opts.lang),
        geometry: u.geometry,
        value,
        call: v ? callFor(v, meta, bench.value) : 'no_data',
        classIndex,
        fill: classIndex === NO_DATA ? NO_DATA_COLOR : (colors[classIndex] ?? NO_DATA_COLOR),
      };
    }),
  }));
  const vals = perPanel.flatMap((p) => [...p.values.values()]);
  return {
    kind: 'multiples',
    mode: 'by_region',
    classing: { kind: 'breaks', method: cls.method, bounds: cls.bounds, colors, noDataColor: NO_DATA_COLOR },
    panels,
    sources: [...new Set(vals.flatMap((v) => v.sources))],
    illustrative: vals.some((v) => v.illustrative),
  };
}

/**
 * Several indicators for one area (a region: its municipalities), one panel per indicator,
 * each unit coloured by its call against the national value. Without `indicators`, every
 * rate or proportion of the package (at most `max`).
 */
export function buildMultiplesByIndicator(
  pkg: DataPackage,
  areaId: string,
  indicators: readonly string[],
  opts: Opts,
  overrides: MetaOverrides = new Map(),
  max = 12,
): SmallMultiples | null {
  const { h } = compareContext(pkg);
  if (!h.get(areaId)) return null;
  const metas = (
    indicators.length
      ? indicators.map((k) => indicatorMeta(pkg, k, overrides.get(k))).filter((m): m is IndicatorMeta => m !== null)
      : comparableIndicators(pkg, overrides).filter((m) => m.display === 'rate' || m.display === 'proportion')
  ).slice(0, max);
  const units = unitsOf(pkg, areaId);
  const ids = units.map((u) => u.id);
  const vals = [];
  const panels: Panel[] = [];
  for (const meta of metas) {
    const bench = benchmarkFor(pkg, meta, { benchmark: null, lang: opts.lang, year: opts.year, rateMethod: opts.rateMethod });
    const values = areaValues(pkg, meta, ids, opts);
    vals.push(...values.values());
    panels.push({
      id: meta.key,
      title: meta.key,
      meta,
      whole: units.length === 1 && units[0]?.id === areaId,
      benchmark: bench.value,
      units: units.map((u) => {
        const v = values.get(u.id);
        const call = v ? callFor(v, meta, bench.value) : 'no_data';
        return { unitId: u.id, name: displayName(u, opts.lang), geometry: u.geometry, value: v?.value ?? null, call, classIndex: CALLS.indexOf(call), fill: CALL_COLORS[call] };
      }),
    });
  }
  return {
    kind: 'multiples',
    mode: 'by_indicator',
    classing: { kind: 'calls', calls: CALLS, colors: CALL_COLORS },
    panels,
    sources: [...new Set(vals.flatMap((v) => v.sources))],
    illustrative: vals.some((v) => v.illustrative),
  };
}
