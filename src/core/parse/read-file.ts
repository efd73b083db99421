// One input file → a table, units, a descriptor or nothing (with issues). Decides the format
// from the bytes and the name: spreadsheet (zip), JSON (GeoJSON, TopoJSON, datapackage.json) or
// delimited text.
import type { Unit } from '../model';
import { cellText, detectDelimiter, parseCsv, tableFromRecords, type Table } from './csv';
import { openCsv, type CsvSource } from './csv-stream';
import { decodeBytes } from './decode';
import { isDescriptorPath } from './descriptor';
import { readUnitsGeoJson, topologyToGeoJson } from './geo';
import { issue } from './issues';
import { parseJson } from './json';
import { own } from './props';
import type { FileOverride, FileReport, InputFile, Limits, ResourceName } from './types';
import { append } from './append';

export type ReadFile =
  | { kind: 'table'; report: FileReport; table: Table }
  /** A CSV whose header is read and rows are not (yet): see csv-stream.ts. */
  | { kind: 'csv'; report: FileReport; source: CsvSource }
  | { kind: 'units'; report: FileReport; units: Unit[] }
  | { kind: 'descriptor'; report: FileReport; value: unknown }
  | { kind: 'none'; report: FileReport };

export function newFileReport(path: string): FileReport {
  return { path, resource: null, format: 'unknown', encoding: null, delimiter: null, decimal: null, rows: 0, columns: [], form: null, issues: [], setAside: [] };
}

const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isSpreadsheetName = (p: string): boolean => /\.(xlsx|xlsm|xls|ods)$/i.test(p);
const isJsonName = (p: string): boolean => /\.(geo|topo)?json$/i.test(p);

export interface ReadFileOptions {
  limits: Limits;
  override: FileOverride | undefined;
  /** Encoding from the user (all files) or from the descriptor's resource. */
  encoding: string | null;
  /** Delimiter declared by the descriptor's dialect. */
  delimiter: string | null;
  hint: ResourceName | null;
  crs: number | undefined;
  /** Leave a CSV's rows unread when its header can be read alone (readPackage streams or
   *  reads them later); false: read the whole table now. */
  lazy: boolean;
}

export function readFile(file: InputFile, o: ReadFileOptions): ReadFile {
  const report = newFileReport(file.path);
  const size = file.table ? 0 : file.bytes.length;
  if (size > o.limits.maxFileBytes) {
    report.issues.push(issue('file_too_large', null, null, { size, limit: o.limits.maxFileBytes }));
    return { kind: 'none', report };
  }
  if (file.table || isSpreadsheetName(file.path) || isZip(file.bytes)) {
    report.format = 'xlsx';
    if (!file.table) {
      report.issues.push(issue(file.error ? 'xlsx_unreadable' : 'xlsx_needs_async', null, null, { detail: (file.error ?? '').slice(0, 160) }));
      return { kind: 'none', report };
    }
    if ((file.table[0]?.length ?? 0) > o.limits.maxColumns) {
      report.issues.push(issue('too_many_columns', 1, null, { count: file.table[0]?.length ?? 0, limit: o.limits.maxColumns }));
      return { kind: 'none', report };
    }
    const records = file.table.map((r) => r.map(cellText));
    const built = tableFromRecords(records, o.limits);
    append(report.issues, built.issues);
    return built.table ? tableResult(report, built.table) : { kind: 'none', report };
  }
  if (file.bytes.length === 0) {
    report.issues.push(issue('file_empty'));
    return { kind: 'none', report };
  }
  const decoded = decodeBytes(file.bytes, o.override?.encoding ?? o.encoding);
  report.encoding = decoded.encoding;
  append(report.issues, decoded.issues);
  const text = decoded.text;
  if (text.slice(0, 4096).includes('\u0000')) {
    report.issues.push(issue('file_binary'));
    return { kind: 'none', report };
  }
  const firstChar = /\S/.exec(text)?.[0] ?? '';
  if (isJsonName(file.path) || firstChar === '{' || (firstChar === '[' && !/\.(csv|tsv|txt)$/i.test(file.path))) {
    return readJson(text, file.path, report, o);
  }
  report.format = 'csv';
  const given = o.override?.delimiter ?? o.delimiter ?? (/\.tsv$/i.test(file.path) ? '\t' : null);
  const delimiter = given && given.length > 0 ? given : detectDelimiter(text);
  const source = o.lazy ? openCsv(text, o.limits, delimiter) : null;
  if (source) {
    report.delimiter = delimiter;
    report.columns = source.header;
    return { kind: 'csv', report, source };
  }
  const csv = parseCsv(text, o.limits, delimiter);
  report.delimiter = csv.delimiter;
  append(report.issues, csv.issues);
  return csv.table ? tableResult(report, csv.table) : { kind: 'none', report };
}

function tableResult(report: FileReport, table: Table): ReadFile {
  report.columns = table.header;
  report.rows = table.rows.length;
  return { kind: 'table', report, table };
}

function readJson(text: string, path: string, report: FileReport, o: ReadFileOptions): ReadFile {
  report.format = 'geojson';
  const parsed = parseJson(text, o.limits.maxJsonDepth, report.issues);
  if (!parsed.ok) return { kind: 'none', report };
  const value = parsed.value;
  const type = own(value, 'type');
  if (isDescriptorPath(path) || (type === undefined && Array.isArray(own(value, 'resources')))) {
    report.format = 'datapackage';
    return { kind: 'descriptor', report, value };
  }
  let geo: unknown = value;
  if (type === 'Topology') {
    report.format = 'topojson';
    geo = topologyToGeoJson(value, report.issues, o.limits.maxVertices);
    if (geo === null) return { kind: 'none', report };
  } else if (type !== 'FeatureCollection' && type !== 'Feature') {
    report.issues.push(issue('format_unknown', null, null, { detail: typeof type === 'string' ? type.slice(0, 40) : 'json' }));
    return { kind: 'none', report };
  }
  const res = readUnitsGeoJson(geo, { limits: o.limits, crs: o.override?.crs ?? o.crs });
  report.resource = 'units';
  report.columns = res.columns;
  report.rows = res.rows;
  append(report.issues, res.issues);
  return { kind: 'units', report, units: res.units };
}
