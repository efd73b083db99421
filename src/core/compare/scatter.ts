// Scatter of two indicators across areas (e.g. need rate against coverage), with the selected
// area highlighted and the national point marked.
import { sampleCorrelation } from 'simple-statistics';
import type { Lang } from '../keys';
import type { DataPackage } from '../model';
import { areasFor, type CompareLevel } from './areas';
import { indicatorMeta, type IndicatorMeta, type MetaOverrides } from './metadata';
import { benchmarkFor } from './ranking';
import type { TableModel } from './table';
import { areaValues, type ValueOptions } from './values';

export interface ScatterPoint {
  unitId: string;
  name: string;
  parentName: string | null;
  x: number;
  y: number;
  highlighted: boolean;
}

export interface Scatter {
  kind: 'scatter';
  x: IndicatorMeta;
  y: IndicatorMeta;
  level: CompareLevel;
  points: ScatterPoint[];
  /** Areas without one of the two values (listed, never plotted at 0). */
  missing: { unitId: string; name: string }[];
  national: { x: number | null; y: number | null };
  xDomain: [number, number];
  yDomain: [number, number];
  /** Pearson correlation over the plotted points (null with fewer than 3). */
  r: number | null;
  highlighted: string | null;
  sources: string[];
  illustrative: boolean;
}

interface Opts extends ValueOptions {
  lang: Lang;
}

function extent(xs: number[]): [number, number] {
  if (xs.length === 0) return [0, 1];
  const lo = Math.min(0, ...xs);
  const hi = Math.max(...xs);
  return [lo, hi === lo ? lo + 1 : hi];
}

export function buildScatter(
  pkg: DataPackage,
  q: { x: string; y: string; level: CompareLevel; regions: readonly string[]; area: string | null },
  opts: Opts,
  overrides: MetaOverrides = new Map(),
): Scatter | null {
  const xm = indicatorMeta(pkg, q.x, overrides.get(q.x));
  const ym = indicatorMeta(pkg, q.y, overrides.get(q.y));
  if (!xm || !ym) return null;
  const areas = areasFor(pkg, q.level, q.regions, opts.lang);
  const ids = areas.map((a) => a.unit.id);
  const xs = areaValues(pkg, xm, ids, opts);
  const ys = areaValues(pkg, ym, ids, opts);
  const points: ScatterPoint[] = [];
  const missing: Scatter['missing'] = [];
  for (const a of areas) {
    const x = xs.get(a.unit.id)?.value ?? null;
    const y = ys.get(a.unit.id)?.value ?? null;
    if (x === null || y === null) missing.push({ unitId: a.unit.id, name: a.name });
    else points.push({ unitId: a.unit.id, name: a.name, parentName: a.parentName, x, y, highlighted: a.unit.id === q.area });
  }
  const nx = benchmarkFor(pkg, xm, { benchmark: null, lang: opts.lang, year: opts.year, rateMethod: opts.rateMethod }).value;
  const ny = benchmarkFor(pkg, ym, { benchmark: null, lang: opts.lang, year: opts.year, rateMethod: opts.rateMethod }).value;
  let r: number | null = null;
  if (points.length >= 3) {
    const c = sampleCorrelation(
      points.map((p) => p.x),
      points.map((p) => p.y),
    );
    r = Number.isFinite(c) ? c : null;
  }
  const vals = [...xs.values(), ...ys.values()];
  return {
    kind: 'scatter',
    x: xm,
    y: ym,
    level: q.level,
    points,
    missing,
    national: { x: nx, y: ny },
    xDomain: extent([...points.map((p) => p.x), ...(nx === null ? [] : [nx])]),
    yDomain: extent([...points.map((p) => p.y), ...(ny === null ? [] : [ny])]),
    r,
    highlighted: points.some((p) => p.highlighted) ? q.area : null,
    sources: [...new Set(vals.flatMap((v) => v.sources))],
    illustrative: vals.some((v) => v.illustrative),
  };
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

export function scatterTable(s: Scatter, label: (m: IndicatorMeta) => string): TableModel {
  const multi = s.level === 'municipality';
  return {
    columns: [
      { key: 'name', labelKey: 'compare.col.area', numeric: false },
      ...(multi ? [{ key: 'parent', labelKey: 'compare.col.region', numeric: false }] : []),
      { key: 'x', labelKey: s.x.labelKey, label: label(s.x), numeric: true },
      { key: 'y', labelKey: s.y.labelKey, label: label(s.y), numeric: true },
    ],
    rows: [
      ...s.points.map((p) => [p.name, ...(multi ? [p.parentName] : []), r2(p.x), r2(p.y)]),
      ...s.missing.map((m) => [m.name, ...(multi ? [null] : []), null, null]),
    ].map((row) => row.map((c) => (c === undefined ? null : c))),
  };
}
