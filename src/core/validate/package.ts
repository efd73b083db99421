// Validation across tables, after the rows are read and joined: rules.ts (population, shares,
// negative counts), geo.ts (places inside their units), and rows outside the region a file or
// row claims. Each finding becomes an issue at its row; error rows are taken out of the package
// and set aside in the file report with their raw cells.
import type { DataPackage, Observation, Unit } from '../model';
import type { JoinCollector } from '../join/collector';
import { issue, type IssueCode } from '../parse/issues';
import type { Provenance } from '../parse/provenance';
import type { FileReport, SetAsideRow } from '../parse/types';
import { checkPlaces } from './geo';
import { checkObservations, type Finding } from './rules';
import { append } from '../parse/append';

export interface ValidationInput {
  pkg: DataPackage;
  reports: FileReport[];
  provenance: Provenance;
  join: JoinCollector;
  /** Observations already loaded (e.g. population of the default package) to check against. */
  reference?: readonly Observation[];
  /** Region (unit id) the package says it is about, if any. */
  region?: string | null;
}

/** Is `id` the unit `ancestor` or inside it (following parent ids)? */
export function within(units: ReadonlyMap<string, Unit>, id: string, ancestor: string): boolean {
  let cur: string | null = id;
  for (let guard = 0; cur !== null && guard < 20; guard++) {
    if (cur === ancestor) return true;
    cur = units.get(cur)?.parentId ?? null;
  }
  return false;
}

export function validatePackage(input: ValidationInput): void {
  const { pkg, reports, provenance } = input;
  const byPath = new Map(reports.map((r) => [r.path, r]));
  const units = new Map(pkg.units.map((u) => [u.id, u]));
  const findings: Finding[] = [...checkObservations(pkg.observations, input.reference)];

  const places = checkPlaces(pkg.services, pkg.capacities, pkg.units);
  append(findings, places.findings);
  for (const { obj, unitId } of places.located) {
    obj.unitId = unitId;
    const o = provenance.get(obj);
    if (o) input.join.record(o.path, o.row, `${obj.lat}, ${obj.lon}`, { unitId, method: 'located', candidates: [] });
  }
  for (const s of places.unlocated) findings.push({ obj: s, code: 'service_not_located', params: { lat: s.lat ?? '', lon: s.lon ?? '' } });

  const claims = (obj: { unitId: string | null }): void => {
    const region = provenance.regionOf(obj) ?? input.region ?? null;
    if (!region || obj.unitId === null || !units.has(region)) return;
    if (!within(units, obj.unitId, region)) findings.push({ obj, code: 'row_outside_region', params: { unit: obj.unitId, region } });
  };
  // no region claimed by the package or by any row: nothing can lie outside one
  if (provenance.hasRegions || input.region) {
    pkg.observations.forEach(claims);
    pkg.services.forEach(claims);
    pkg.capacities.forEach(claims);
  }

  const dropped = new Set<object>();
  const asideAt = new Map<FileReport, Map<number, SetAsideRow>>();
  const setAside = (report: FileReport, row: number, cells: string[], code: IssueCode): void => {
    let rows = asideAt.get(report);
    if (!rows) {
      rows = new Map(report.setAside.map((s) => [s.row, s]));
      asideAt.set(report, rows);
    }
    const existing = rows.get(row);
    if (existing) {
      if (!existing.codes.includes(code)) existing.codes.push(code);
      return;
    }
    const entry: SetAsideRow = { row, cells: [...cells], codes: [code] };
    rows.set(row, entry);
    report.setAside.push(entry);
  };
  for (const f of findings) {
    const o = provenance.get(f.obj);
    const report = o ? byPath.get(o.path) : undefined;
    if (!o || !report) continue;
    const iss = issue(f.code, o.row, o.column, f.params);
    report.issues.push(iss);
    if (iss.severity !== 'error') continue;
    dropped.add(f.obj);
    setAside(report, o.row, o.cells, f.code);
  }
  if (dropped.size > 0) {
    pkg.observations = pkg.observations.filter((x) => !dropped.has(x));
    pkg.services = pkg.services.filter((x) => !dropped.has(x));
    pkg.capacities = pkg.capacities.filter((x) => !dropped.has(x));
  }
}
