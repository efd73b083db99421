// readPackage: files (+ an optional datapackage.json) → a typed DataPackage and an ImportReport
// that accounts for every row. Pure: runs in Node, a worker or the browser.
//
// Order: read every file (decode, parse), collect units (GeoJSON/TopoJSON and unit tables,
// plus opts.units), index them, then read the tables, joining each row to a unit, and finally
// validate across tables (validate/).
import type { DataPackage, Unit } from '../model';
import { JoinCollector } from '../join/collector';
import { buildUnitIndex } from '../join/match';
import { validatePackage } from '../validate/package';
import { detectDecimalInRows } from './numbers';
import { emptyMeta, isDescriptorPath, readDescriptor, resourceForPath, type Descriptor } from './descriptor';
import { deriveMissingParents } from './geo';
import { readIndicators } from './indicators';
import { issue } from './issues';
import { normKey } from './props';
import { readFile, type ReadFile } from './read-file';
import { recognise } from './recognise';
import { readCapacities, readNorms, readServices, readUnitsTable } from './services';
import { Provenance, TableContext } from './table-context';
import type { Table } from './csv';
import { DEFAULT_LIMITS, type FileReport, type ImportReport, type InputFile, type ReadOptions, type ResourceName } from './types';
import { append } from './append';

export type { InputFile, ReadOptions, ImportReport } from './types';

export interface ReadResult {
  pkg: DataPackage;
  report: ImportReport;
}

function applyRename(table: Table, rename: Map<string, string> | undefined): Table {
  if (!rename || rename.size === 0) return table;
  const header = table.header.map((h) => rename.get(h) ?? rename.get(normKey(h)) ?? h);
  // a column renamed to '' is dropped (the user's column mapping ignores it)
  if (!header.includes('')) return { ...table, header };
  const keep = header.map((h) => h !== '');
  return {
    ...table,
    header: header.filter((_, i) => keep[i]),
    rows: table.rows.map((r) => ({ row: r.row, cells: r.cells.filter((_, i) => keep[i] ?? true) })),
  };
}

/**
 * Reads a data package. `descriptor` is the parsed datapackage.json, or null: then a
 * datapackage.json among `files` is used, else each file is recognised by its columns.
 * Never throws: everything that goes wrong is an issue in the report.
 */
export function readPackage(descriptor: unknown, files: InputFile[], opts: ReadOptions = {}): ReadResult {
  try {
    return readPackageUnsafe(descriptor, files, opts);
  } catch (err) {
    // A bug must not take the page down: report it as a typed issue on the whole import.
    const report = {
      path: files[0]?.path ?? '',
      resource: null,
      format: 'unknown' as const,
      encoding: null,
      delimiter: null,
      decimal: null,
      rows: 0,
      columns: [],
      form: null,
      issues: [issue('internal_error', null, null, { detail: String(err).slice(0, 200) })],
      setAside: [],
    };
    return {
      pkg: { meta: emptyMeta(), units: [], observations: [], services: [], capacities: [], norms: [] },
      report: { ok: false, files: [report], join: { matched: 0, exact: 0, fuzzy: [], unmatched: [], duplicates: [], ambiguous: [] } },
    };
  }
}

function readPackageUnsafe(descriptorIn: unknown, files: InputFile[], opts: ReadOptions): ReadResult {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const reports: FileReport[] = [];
  const descIssues: FileReport['issues'] = [];
  let desc: Descriptor | null = descriptorIn === null || descriptorIn === undefined ? null : readDescriptor(descriptorIn, descIssues);

  // 1. read every file
  const read: { file: InputFile; r: ReadFile; hint: ResourceName | null }[] = [];
  const descFile = desc ? undefined : files.find((f) => isDescriptorPath(f.path));
  const ordered = descFile ? [descFile, ...files.filter((f) => f !== descFile)] : files;
  for (const file of ordered) {
    const decl = desc ? resourceForPath(desc, file.path) : null;
    const override = opts.overrides?.get(file.path);
    const declEnc = decl?.encoding && !/^utf-?8$/i.test(decl.encoding) ? decl.encoding : null;
    const r = readFile(file, {
      limits,
      override,
      encoding: opts.encoding ?? declEnc,
      delimiter: decl?.delimiter ?? null,
      hint: override?.resource ?? decl?.resource ?? null,
      crs: opts.crs,
    });
    if (r.kind === 'descriptor') {
      if (!desc) desc = readDescriptor(r.value, r.report.issues);
      reports.push(r.report);
      continue;
    }
    read.push({ file, r, hint: override?.resource ?? decl?.resource ?? null });
    reports.push(r.report);
  }
  if (descIssues.length > 0) {
    const dr = reports.find((x) => x.format === 'datapackage');
    if (dr) append(dr.issues, descIssues);
    else reports.unshift({ ...blankReport('datapackage.json'), format: 'datapackage', issues: descIssues });
  }

  // 2. units: from geo files and unit tables, then the ones already loaded
  const units: Unit[] = [];
  const tables: { path: string; table: Table; report: FileReport; hint: ResourceName | null }[] = [];
  for (const { file, r, hint } of read) {
    if (r.kind === 'units') append(units, r.units);
    else if (r.kind === 'table') {
      const table = applyRename(r.table, opts.overrides?.get(file.path)?.rename);
      tables.push({ path: file.path, table, report: r.report, hint });
    }
  }
  const unitTables = tables.filter((t) => recognise(t.table.header, t.hint).resource === 'units');
  const emptyIndex = buildUnitIndex([]);
  for (const t of unitTables) {
    t.report.resource = 'units';
    const ctx = new TableContext(t.path, t.table, '.', t.report, emptyIndex, new JoinCollector(emptyIndex));
    append(units, readUnitsTable(ctx));
  }
  const ids = new Set(units.map((u) => u.id));
  for (const u of opts.units ?? []) if (!ids.has(u.id)) units.push(u);
  const firstUnitsReport = reports.find((x) => x.resource === 'units');
  append(units, deriveMissingParents(units, firstUnitsReport?.issues ?? []));

  // 3. tables joined to the units
  const index = buildUnitIndex(units, opts.userAliases);
  const join = new JoinCollector(index);
  const provenance = new Provenance();
  const pkg: DataPackage = { meta: desc?.meta ?? emptyMeta(), units, observations: [], services: [], capacities: [], norms: [] };
  let warnedNoUnits = false;
  for (const t of tables) {
    if (unitTables.includes(t)) continue;
    const rec = recognise(t.table.header, t.hint);
    t.report.resource = rec.resource;
    t.report.form = rec.form;
    if (!rec.resource) {
      t.report.issues.push(issue('resource_unknown', t.table.headerRow, null, { columns: t.table.header.slice(0, 12).join(', ') }));
      for (const r of t.table.rows) t.report.setAside.push({ row: r.row, cells: [...r.cells], codes: ['resource_unknown'] });
      continue;
    }
    const override = opts.overrides?.get(t.path);
    const det = detectDecimalInRows(t.table.rows, t.table.header, t.report.delimiter);
    const decimal = override?.decimal ?? det.decimal;
    t.report.decimal = decimal;
    if (!override?.decimal && det.ambiguous) {
      const a = det.ambiguous;
      t.report.issues.push(issue('decimal_ambiguous', a.row, a.column, { example: a.example, count: a.count, decimal }));
    }
    if (rec.resource !== 'norms' && units.length === 0 && !warnedNoUnits) {
      t.report.issues.push(issue('no_units'));
      warnedNoUnits = true;
    }
    const ctx = new TableContext(t.path, t.table, decimal, t.report, index, join, provenance);
    if (rec.resource === 'indicators') append(pkg.observations, readIndicators(ctx, rec));
    else if (rec.resource === 'services') append(pkg.services, readServices(ctx));
    else if (rec.resource === 'capacities') append(pkg.capacities, readCapacities(ctx));
    else if (rec.resource === 'norms') append(pkg.norms, readNorms(ctx));
  }

  // 4. the package as a whole
  if (desc) {
    const dr = reports.find((x) => x.format === 'datapackage') ?? reports[0];
    for (const res of desc.resources) {
      const found = files.some((f) => resourceForPath({ meta: desc.meta, resources: [res], region: null }, f.path) !== null);
      if (!found && dr) dr.issues.push(issue('resource_file_missing', null, null, { resource: res.name, path: res.paths.join(', ') }));
    }
    for (const need of ['units', 'indicators'] as const) {
      if (!desc.resources.some((r) => r.resource === need) && dr) dr.issues.push(issue('resource_required_missing', null, null, { resource: need }));
    }
  }
  validatePackage({ pkg, reports, provenance, join, reference: opts.observations ?? [], region: opts.region ?? desc?.region ?? null });

  const ok = reports.every((r) => r.issues.every((i) => i.severity !== 'error'));
  return { pkg, report: { ok, files: reports, join: join.report } };
}

function blankReport(path: string): FileReport {
  return { path, resource: null, format: 'unknown', encoding: null, delimiter: null, decimal: null, rows: 0, columns: [], form: null, issues: [], setAside: [] };
}
