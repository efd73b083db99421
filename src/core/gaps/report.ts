// Plain-data outputs of an analysis: gaps.csv rows (contract columns first) and summary.json.
import type { CsvCell } from '../csv';
import type { Lang } from '../keys';
import type { DataPackage } from '../model';
import type { GapResult, GapRow } from './types';

/** Contract columns first (CONTRACT.md 4), then extensions. */
export const GAPS_CSV_HEADER = [
  'region_id', 'unit_id', 'unit_name', 'service', 'category', 'need', 'supply', 'coverage', 'gap', 'desert', 'capacity_unknown',
  'level', 'count', 'need_known', 'missing_units', 'desert_units', 'active', 'planned', 'nearest_km',
];

const round = (x: number | null, digits: number): number | null => {
  if (x === null || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
};

export interface ScopeOptions {
  /** Only this region's units and its region rows; all when absent. */
  regionId?: string | null;
}

/** Unit rows in scope, then the rows of the regions in scope. */
export function scopedRows(result: GapResult, opts: ScopeOptions = {}): GapRow[] {
  const id = opts.regionId ?? null;
  const units = result.unitRows().filter((r) => id === null || r.regionId === id || r.unitId === id);
  const regions = result.regionRows().filter((r) => id === null || r.unitId === id);
  return [...units, ...regions];
}

/** Name of a unit in a language (`name_sq`/`name_mk`/`name_en` if given, else `name`). */
export function unitNamer(pkg: DataPackage, lang?: Lang): (unitId: string, fallback: string) => string {
  const names = new Map<string, string>();
  for (const u of pkg.units) if (!names.has(u.id)) names.set(u.id, (lang && u.names[lang]) || u.name);
  return (id, fallback) => names.get(id) ?? fallback;
}

/** gaps.csv data rows; numbers rounded to `digits` decimals (default 4); unknown need → empty. */
export function gapsCsvRows(rows: readonly GapRow[], name: (unitId: string, fallback: string) => string, digits = 4): CsvCell[][] {
  return rows.map((r) => {
    const unknown = r.count === null;
    return [
      r.level === 'unit' ? r.regionId : r.level === 'region' ? r.unitId : r.regionId,
      r.unitId,
      name(r.unitId, r.unitName),
      r.service,
      r.category,
      unknown ? null : round(r.need, digits),
      round(r.supply, digits),
      round(r.coverage, digits),
      unknown ? null : round(r.gap, digits),
      r.desert,
      r.capacityUnknown,
      r.level,
      r.count,
      r.needKnown,
      r.missingUnits,
      r.desertUnits,
      r.active,
      r.planned,
      round(r.nearestKm, 3),
    ];
  });
}

export interface RegionSummary {
  id: string;
  name: string;
  units: number;
  need: number;
  supply: number;
  gap: number;
  /** Desert rows (unit × service) by category and by service. */
  deserts: { total: number; byCategory: Record<string, number>; byService: Record<string, number> };
  capacityUnknownRows: number;
}

export interface AnalysisSummary {
  package: string;
  title: string;
  region: string | null;
  lang: Lang;
  norms: { pairs: number; defaultNorms: boolean; illustrative: boolean };
  counts: { units: number; regions: number; services: number; activeServices: number; unitRows: number; regionRows: number };
  /** region id → category → desert rows (unit × service). */
  deserts: Record<string, Record<string, number>>;
  regions: RegionSummary[];
  totals: { need: number; supply: number; gap: number; deserts: number; capacityUnknownRows: number };
  distance: GapResult['distance'];
  warnings: { total: number; byCode: Record<string, number>; first: { code: string; detail: string }[] };
  runTimeMs: { engine: number; total: number };
}

const bump = (o: Record<string, number>, k: string, by = 1): void => {
  o[k] = (o[k] ?? 0) + by;
};

export function summarise(
  pkg: DataPackage,
  result: GapResult,
  opts: { regionId?: string | null; lang: Lang; engineMs: number; totalMs: number; activeServices: number },
): AnalysisSummary {
  const name = unitNamer(pkg, opts.lang);
  const rows = scopedRows(result, { regionId: opts.regionId ?? null });
  const unitRows = rows.filter((r) => r.level === 'unit');
  const regionRows = rows.filter((r) => r.level === 'region');
  const byRegion = new Map<string, RegionSummary>();
  const deserts: Record<string, Record<string, number>> = Object.create(null) as Record<string, Record<string, number>>;
  const units = new Set<string>();
  const totals = { need: 0, supply: 0, gap: 0, deserts: 0, capacityUnknownRows: 0 };
  for (const r of unitRows) {
    units.add(r.unitId);
    const rid = r.regionId ?? '';
    let s = byRegion.get(rid);
    if (!s) {
      s = { id: rid, name: rid ? name(rid, rid) : '', units: 0, need: 0, supply: 0, gap: 0, deserts: { total: 0, byCategory: Object.create(null) as Record<string, number>, byService: Object.create(null) as Record<string, number> }, capacityUnknownRows: 0 };
      byRegion.set(rid, s);
      deserts[rid] = Object.create(null) as Record<string, number>;
    }
    s.need += r.need;
    s.supply += r.supply;
    s.gap += r.gap;
    totals.need += r.need;
    totals.supply += r.supply;
    totals.gap += r.gap;
    if (r.capacityUnknown) {
      s.capacityUnknownRows++;
      totals.capacityUnknownRows++;
    }
    if (r.desert) {
      s.deserts.total++;
      bump(s.deserts.byCategory, r.category);
      bump(s.deserts.byService, r.service);
      bump(deserts[rid] ?? {}, r.category);
      totals.deserts++;
    }
  }
  for (const s of byRegion.values()) {
    s.units = new Set(unitRows.filter((r) => (r.regionId ?? '') === s.id).map((r) => r.unitId)).size;
    s.need = round(s.need, 4) ?? 0;
    s.supply = round(s.supply, 4) ?? 0;
    s.gap = round(s.gap, 4) ?? 0;
  }
  totals.need = round(totals.need, 4) ?? 0;
  totals.supply = round(totals.supply, 4) ?? 0;
  totals.gap = round(totals.gap, 4) ?? 0;
  const byCode: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const w of result.warnings) bump(byCode, w.code);
  return {
    package: pkg.meta.name,
    title: pkg.meta.title,
    region: opts.regionId ?? null,
    lang: opts.lang,
    norms: {
      pairs: result.pairs.length,
      defaultNorms: result.defaultNorms,
      illustrative: result.pairs.some((p) => p.source.trim().toLowerCase().startsWith('illustrative')),
    },
    counts: {
      units: units.size,
      regions: new Set(regionRows.map((r) => r.unitId)).size,
      services: pkg.services.length,
      activeServices: opts.activeServices,
      unitRows: unitRows.length,
      regionRows: regionRows.length,
    },
    deserts,
    regions: [...byRegion.values()].sort((a, b) => a.id.localeCompare(b.id)),
    totals,
    distance: result.distance,
    warnings: { total: result.warnings.length, byCode, first: result.warnings.slice(0, 50).map((w) => ({ code: w.code, detail: w.detail })) },
    runTimeMs: { engine: opts.engineMs, total: opts.totalMs },
  };
}
