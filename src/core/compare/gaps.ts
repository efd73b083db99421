// Gaps compared: regions side by side, one row per service × category with a norm, each cell
// the region's coverage (supply / need) and its deserts (member units with need and no active
// service). Figures come from the gap engine (src/core/gaps, runGaps); nothing is recomputed.
import { runGaps } from '../gaps/engine';
import type { GapOptions, GapResult, GapRow } from '../gaps/types';
import { hasKey, t } from '../i18n';
import type { Lang } from '../keys';
import type { DataPackage } from '../model';
import { compareContext, displayName } from './context';
import type { TableModel } from './table';

export interface GapCell {
  regionId: string;
  need: number;
  supply: number;
  /** supply / need; null when there is no need (or need unknown). */
  coverage: number | null;
  gap: number;
  desertUnits: number;
  /** Units (where need is computed) in the region. */
  units: number;
  capacityUnknown: boolean;
  /** Some member units have no count for the category: need is a lower bound. */
  needIncomplete: boolean;
  /** Coverage class, index into COVERAGE_CLASSES; -1 without coverage. */
  classIndex: number;
}

export interface GapPairRow {
  service: string;
  category: string;
  cells: GapCell[];
  /** All regions together. */
  national: { need: number; supply: number; coverage: number | null; desertUnits: number; units: number; classIndex: number };
}

export interface GapsCompared {
  kind: 'gaps';
  regions: { id: string; name: string }[];
  rows: GapPairRow[];
  defaultNorms: boolean;
  warnings: number;
  illustrative: boolean;
  sources: string[];
}

/** Fixed coverage classes, shared by every cell (a ratio needs no data-driven breaks). */
export const COVERAGE_CLASSES: { upTo: number; color: string; labelKey: string }[] = [
  { upTo: 0.25, color: '#b35806', labelKey: 'compare.gaps.class0' },
  { upTo: 0.5, color: '#f1a340', labelKey: 'compare.gaps.class1' },
  { upTo: 0.75, color: '#fee0b6', labelKey: 'compare.gaps.class2' },
  { upTo: 1, color: '#d8daeb', labelKey: 'compare.gaps.class3' },
  { upTo: Infinity, color: '#998ec3', labelKey: 'compare.gaps.class4' },
];
export const NO_COVERAGE_COLOR = '#e0e0e0';

export function coverageClass(c: number | null): number {
  if (c === null || !Number.isFinite(c)) return -1;
  return COVERAGE_CLASSES.findIndex((k) => c < k.upTo || k.upTo === Infinity);
}

const cache = new WeakMap<DataPackage, GapResult>();
/** The gap result for the package with its own norms (memoised per package object). */
export function gapResultFor(pkg: DataPackage, opts?: GapOptions): GapResult {
  if (opts) return runGaps(pkg, opts);
  let r = cache.get(pkg);
  if (!r) cache.set(pkg, (r = runGaps(pkg)));
  return r;
}

function cellOf(row: GapRow | undefined, regionId: string, units: number): GapCell {
  const coverage = row?.coverage ?? null;
  return {
    regionId,
    need: row?.need ?? 0,
    supply: row?.supply ?? 0,
    coverage,
    gap: row?.gap ?? 0,
    desertUnits: row?.desertUnits ?? 0,
    units,
    capacityUnknown: row?.capacityUnknown ?? false,
    needIncomplete: (row?.missingUnits ?? 0) > 0 || row?.needKnown === false,
    classIndex: coverageClass(coverage),
  };
}

/**
 * Regions (every region, or `regions`) side by side. Pairs where no region has a need are left out;
 * `services` restricts the service keys shown.
 */
export function buildGapsCompared(pkg: DataPackage, regions: readonly string[], lang: Lang, opts: { services?: readonly string[]; gapOptions?: GapOptions } = {}): GapsCompared {
  const { h } = compareContext(pkg);
  const res = gapResultFor(pkg, opts.gapOptions);
  const all = h.atLevel('region');
  const chosen = regions.length ? all.filter((r) => regions.includes(r.id)) : all;
  const members = new Map<string, number>();
  for (const id of res.unitIds) {
    const r = res.regionOf(id);
    if (r) members.set(r, (members.get(r) ?? 0) + 1);
  }
  const rows: GapPairRow[] = [];
  for (const p of res.pairs) {
    if (opts.services?.length && !opts.services.includes(p.service)) continue;
    const cells = chosen.map((r) => cellOf(res.get(r.id, p.service, p.category), r.id, members.get(r.id) ?? 0));
    if (!cells.some((c) => c.need > 0)) continue;
    const need = cells.reduce((s, c) => s + c.need, 0);
    const supply = cells.reduce((s, c) => s + c.supply, 0);
    const coverage = need > 0 ? supply / need : null;
    rows.push({
      service: p.service,
      category: p.category,
      cells,
      national: {
        need,
        supply,
        coverage,
        classIndex: coverageClass(coverage),
        desertUnits: cells.reduce((s, c) => s + c.desertUnits, 0),
        units: cells.reduce((s, c) => s + c.units, 0),
      },
    });
  }
  const sources = [...new Set(res.pairs.map((p) => p.source).filter(Boolean))];
  return {
    kind: 'gaps',
    regions: chosen.map((r) => ({ id: r.id, name: displayName(r, lang) })),
    rows,
    defaultNorms: res.defaultNorms,
    warnings: res.warnings.length,
    illustrative: res.defaultNorms || sources.some((s) => s.toLowerCase().startsWith('illustrative')),
    sources,
  };
}

const label = (lang: Lang, key: string): string => (hasKey('en', key) ? t(lang, key) : key.slice(key.indexOf('.') + 1));
const pct = (c: number | null): number | null => (c === null ? null : Math.round(c * 1000) / 10);
const r1 = (x: number): number => Math.round(x * 10) / 10;

export { label as termLabel };

/** Long table: one row per region × service × category (and its CSV). */
export function gapsTable(g: GapsCompared, lang: Lang): TableModel {
  const name = new Map(g.regions.map((r) => [r.id, r.name]));
  return {
    columns: [
      { key: 'region', labelKey: 'compare.col.region', numeric: false },
      { key: 'service', labelKey: 'compare.col.service', numeric: false },
      { key: 'category', labelKey: 'compare.col.category', numeric: false },
      { key: 'need', labelKey: 'compare.col.need', numeric: true },
      { key: 'supply', labelKey: 'compare.col.supply', numeric: true },
      { key: 'coverage', labelKey: 'compare.col.coverage', numeric: true },
      { key: 'gap', labelKey: 'compare.col.gap', numeric: true },
      { key: 'deserts', labelKey: 'compare.col.deserts', numeric: true },
    ],
    rows: g.rows.flatMap((row) =>
      row.cells.map((c) => [
        name.get(c.regionId) ?? c.regionId,
        label(lang, `service.${row.service}`),
        label(lang, `category.${row.category}`),
        r1(c.need),
        r1(c.supply),
        pct(c.coverage),
        r1(c.gap),
        c.desertUnits,
      ]),
    ),
  };
}
