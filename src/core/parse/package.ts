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
import { detectDecimalInRows, type DecimalDetection } from './numbers';
import { emptyMeta, isDescriptorPath, readDescriptor, resourceForPath, type Descriptor } from './descriptor';
import { deriveMissingParents } from './geo';
import { readIndicators, readLongStream } from './indicators';
import { issue } from './issues';
import { normKey } from './props';
import { readFile, type ReadFile } from './read-file';
import { recognise } from './recognise';
import { readCapacities, readNorms, readServices, readUnitsTable } from './services';
import { Provenance, TableContext } from './table-context';
import { parseCsv, type Table } from './csv';
import { CsvRowStream, type CsvSource } from './csv-stream';
import { Speculation, type Answers } from './speculation';
import { DEFAULT_LIMITS, type Decimal, type FileReport, type ImportReport, type InputFile, type ReadOptions, type ResourceName } from './types';
import { append } from './append';

export type { InputFile, ReadOptions, ImportReport } from './types';

export interface ReadResult {
  pkg: DataPackage;
  report: ImportReport;
}

/** The user's column mapping on a header: new names, and which columns stay (a column
 *  renamed to '' is dropped: the mapping ignores it); keep is null when all stay. */
function renameHeader(header: string[], rename: Map<string, string> | undefined): { header: string[]; keep: boolean[] | null } {
  if (!rename || rename.size === 0) return { header, keep: null };
  const renamed = header.map((h) => rename.get(h) ?? rename.get(normKey(h)) ?? h);
  if (!renamed.includes('')) return { header: renamed, keep: null };
  return { header: renamed.filter((h) => h !== ''), keep: renamed.map((h) => h !== '') };
}

function applyRename(table: Table, rename: Map<string, string> | undefined): Table {
  const { header, keep } = renameHeader(table.header, rename);
  if (header === table.header) return table;
  if (!keep) return { ...table, header };
  return { ...table, header, rows: table.rows.map((r) => ({ row: r.row, cells: r.cells.filter((_, i) => keep[i] ?? true) })) };
}

/** How readPackage reads: `stream` long indicator tables row by row (see csv-stream.ts),
 *  with the answers of an earlier pass, if any (see speculation.ts). */
export interface ReadMode {
  stream: boolean;
  answers?: ReadonlyMap<number, Answers>;
}

/** A pass could not stream (a table could not be read whole after its header was): read
 *  every table whole. */
class StreamFallback extends Error {}

interface TableEntry {
  path: string;
  report: FileReport;
  hint: ResourceName | null;
  /** Header after the user's mapping. */
  header: string[];
  /** Read whole: now (spreadsheets, CSV read whole) or when first needed (lazy). */
  table: Table | null;
  lazy: { source: CsvSource; keep: boolean[] | null; rename: Map<string, string> | undefined } | null;
}

/** The whole table of an entry, read now if it was left lazy (parseCsv, as readFile would). */
function tableOf(t: TableEntry): Table {
  if (t.table) return t.table;
  const lazy = t.lazy;
  if (!lazy) throw new StreamFallback('no table');
  const csv = parseCsv(lazy.source.text, lazy.source.limits, lazy.source.delimiter);
  if (!csv.table) throw new StreamFallback('table unreadable');
  append(t.report.issues, csv.issues);
  t.report.rows = csv.table.rows.length;
  t.table = applyRename(csv.table, lazy.rename);
  return t.table;
}

/**
 * Reads a data package. `descriptor` is the parsed datapackage.json, or null: then a
 * datapackage.json among `files` is used, else each file is recognised by its columns.
 * Never throws: everything that goes wrong is an issue in the report.
 */
export function readPackage(descriptor: unknown, files: InputFile[], opts: ReadOptions = {}): ReadResult {
  const { pkg, report } = readPackageCounted(descriptor, files, opts);
  return { pkg, report };
}

/** How readPackageCounted went: passes over the files, and why the last one read every table
 *  whole if streaming did not finish (a guess still wrong, or what streaming threw). */
export interface ReadPasses {
  passes: number;
  fellBack: string | null;
}

/**
 * readPackage, saying how many passes it took. Long indicator tables are streamed; when a
 * guess made while streaming turns out wrong (speculation.ts) the files are read again with
 * the answers, and if streaming fails, once more with every table read whole. `mode` can ask
 * for whole tables from the start (the reference the tests compare streaming against).
 */
export function readPackageCounted(descriptor: unknown, files: InputFile[], opts: ReadOptions = {}, mode: ReadMode = { stream: true }): ReadResult & ReadPasses {
  let passes = 0;
  let fellBack: string | null = null;
  try {
    if (mode.stream) {
      try {
        passes++;
        let res = readPackageUnsafe(descriptor, files, opts, mode);
        if ('answers' in res) {
          passes++;
          res = readPackageUnsafe(descriptor, files, opts, { stream: true, answers: res.answers });
        }
        if (!('answers' in res)) return { ...res, passes, fellBack };
        fellBack = 'guess still wrong';
      } catch (err) {
        // a failure while streaming: the whole-table read below reports it as it is
        fellBack = String(err).slice(0, 200);
      }
    }
    passes++;
    const res = readPackageUnsafe(descriptor, files, opts, { stream: false });
    if ('answers' in res) throw new Error('whole-table read asked for answers');
    return { ...res, passes, fellBack };
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
      passes,
      fellBack,
    };
  }
}

function readPackageUnsafe(descriptorIn: unknown, files: InputFile[], opts: ReadOptions, mode: ReadMode): ReadResult | { answers: Map<number, Answers> } {
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
      lazy: mode.stream,
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
  const tables: TableEntry[] = [];
  for (const { file, r, hint } of read) {
    const rename = opts.overrides?.get(file.path)?.rename;
    if (r.kind === 'units') append(units, r.units);
    else if (r.kind === 'table') {
      const table = applyRename(r.table, rename);
      tables.push({ path: file.path, report: r.report, hint, header: table.header, table, lazy: null });
    } else if (r.kind === 'csv') {
      const { header, keep } = renameHeader(r.source.header, rename);
      tables.push({ path: file.path, report: r.report, hint, header, table: null, lazy: { source: r.source, keep, rename } });
    }
  }
  const unitTables = tables.filter((t) => recognise(t.header, t.hint).resource === 'units');
  const emptyIndex = buildUnitIndex([]);
  for (const t of unitTables) {
    t.report.resource = 'units';
    const ctx = new TableContext(t.path, tableOf(t), '.', t.report, emptyIndex, new JoinCollector(emptyIndex));
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
  const answers = new Map<number, Answers>();
  let wrong = false;
  for (const [ti, t] of tables.entries()) {
    if (unitTables.includes(t)) continue;
    const rec = recognise(t.header, t.hint);
    t.report.resource = rec.resource;
    t.report.form = rec.form;
    const override = opts.overrides?.get(t.path);
    const noUnits = rec.resource !== 'norms' && units.length === 0 && !warnedNoUnits;
    if (rec.resource && noUnits) warnedNoUnits = true;
    if (t.lazy && rec.resource === 'indicators' && rec.form === 'long' && rec.unitColumn) {
      // streamed: the table's issues come in the order the whole-table read gives them
      const shadow: FileReport = { ...t.report, issues: [], setAside: [] };
      const ctx = new TableContext(t.path, { header: t.header, headerRow: t.lazy.source.headerRow, rows: [] }, '.', shadow, index, join, provenance);
      const spec = new Speculation(t.report.delimiter, override?.decimal ?? null, mode.answers?.get(ti) ?? null, index);
      const { observations, stream } = readLongStream(ctx, rec, new CsvRowStream(t.lazy.source, t.lazy.keep), spec);
      const fin = spec.finish();
      answers.set(ti, { decimal: fin.decimal, level: fin.level });
      if (!fin.held) wrong = true;
      t.report.rows = stream.rows;
      t.report.decimal = fin.decimal;
      append(t.report.issues, stream.issues);
      pushTableIssues(t.report, override?.decimal ? null : fin.detection, fin.decimal, noUnits);
      append(t.report.issues, shadow.issues);
      append(t.report.setAside, shadow.setAside);
      if (pkg.observations.length === 0) pkg.observations = observations;
      else append(pkg.observations, observations);
      continue;
    }
    const table = tableOf(t);
    if (!rec.resource) {
      t.report.issues.push(issue('resource_unknown', table.headerRow, null, { columns: table.header.slice(0, 12).join(', ') }));
      for (const r of table.rows) t.report.setAside.push({ row: r.row, cells: [...r.cells], codes: ['resource_unknown'] });
      continue;
    }
    const det = detectDecimalInRows(table.rows, table.header, t.report.delimiter);
    const decimal = override?.decimal ?? det.decimal;
    t.report.decimal = decimal;
    pushTableIssues(t.report, override?.decimal ? null : det, decimal, noUnits);
    const ctx = new TableContext(t.path, table, decimal, t.report, index, join, provenance);
    if (rec.resource === 'indicators') append(pkg.observations, readIndicators(ctx, rec));
    else if (rec.resource === 'services') append(pkg.services, readServices(ctx));
    else if (rec.resource === 'capacities') append(pkg.capacities, readCapacities(ctx));
    else if (rec.resource === 'norms') append(pkg.norms, readNorms(ctx));
  }
  // a guess used while streaming was wrong: read again, told the answers
  if (wrong) return { answers };

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

/** Issues about a table as a whole, before its rows': an undecided decimal separator (unless
 *  the user chose one: `det` null), and no units to join to (once per import). */
function pushTableIssues(report: FileReport, det: DecimalDetection | null, decimal: Decimal, noUnits: boolean): void {
  const a = det?.ambiguous;
  if (a) report.issues.push(issue('decimal_ambiguous', a.row, a.column, { example: a.example, count: a.count, decimal }));
  if (noUnits) report.issues.push(issue('no_units'));
}

function blankReport(path: string): FileReport {
  return { path, resource: null, format: 'unknown', encoding: null, delimiter: null, decimal: null, rows: 0, columns: [], form: null, issues: [], setAside: [] };
}
