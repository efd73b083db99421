// Reads the workspace's files with the user's choices: the same readPackage as the tests and
// the command line, plus spreadsheets read first (with per-file progress) and column mappings
// applied to the tables the core could not recognise. Runs in the parse worker, or on the main
// thread when there is no Worker. Pure (no IO); never throws.
import type { Observation, Unit } from '../model';
import { isDescriptorPath } from '../parse/descriptor';
import { readPackage, type ReadResult } from '../parse/package';
import { DEFAULT_LIMITS, type FileOverride, type ImportReport, type InputFile, type Limits, type ReadOptions } from '../parse/types';
import { readXlsxTable } from '../parse/xlsx';
import { fileOverride } from './options';
import { shapeKey, type ColumnMapping, type FileOptions } from './schema';
import type { DataPackage } from '../model';

export interface ParseFile {
  path: string;
  bytes: Uint8Array;
  options: FileOptions;
}

export interface ParseInput {
  files: ParseFile[];
  aliases: [string, string][];
  mappings: [string, ColumnMapping][];
  /** Base units and observations to join and validate against; null for a whole package. */
  base: { units: Unit[]; observations: Observation[] } | null;
  limits?: Partial<Limits>;
}

export type ParseProgress =
  | { phase: 'reading'; done: number; total: number; path: string }
  | { phase: 'parsing'; pass: number };

export interface ParseOutput {
  pkg: DataPackage;
  report: ImportReport;
  /** Files read through a column mapping: path → shape key. */
  mapped: [string, string][];
}

const isSpreadsheet = (f: InputFile): boolean =>
  /\.(xlsx|xlsm)$/i.test(f.path) || (f.bytes.length >= 4 && f.bytes[0] === 0x50 && f.bytes[1] === 0x4b && f.bytes[2] === 0x03 && f.bytes[3] === 0x04);

/** True when the files bring their own datapackage.json: they then replace the base package. */
export const isWholePackage = (paths: readonly string[]): boolean => paths.some(isDescriptorPath);

export async function parseWorkspace(input: ParseInput, onProgress: (p: ParseProgress) => void = () => {}): Promise<ParseOutput> {
  const limits = { ...DEFAULT_LIMITS, ...input.limits };
  const files: InputFile[] = [];
  const total = input.files.length;
  for (let i = 0; i < total; i++) {
    const f = input.files[i];
    if (!f) continue;
    onProgress({ phase: 'reading', done: i, total, path: f.path });
    const inFile: InputFile = { path: f.path, bytes: f.bytes };
    if (isSpreadsheet(inFile) && f.bytes.length <= limits.maxFileBytes) {
      const r = await readXlsxTable(f.bytes, limits.maxFileBytes);
      if ('table' in r) inFile.table = r.table;
      else inFile.error = r.error;
    }
    files.push(inFile);
  }
  onProgress({ phase: 'reading', done: total, total, path: '' });

  const mappings = new Map(input.mappings);
  const overrides = new Map<string, FileOverride>();
  for (const f of input.files) {
    const o = fileOverride(f.options, null);
    if (o) overrides.set(f.path, o);
  }
  const opts: ReadOptions = {
    overrides,
    userAliases: new Map(input.aliases),
    limits,
    ...(input.base ? { units: input.base.units, observations: input.base.observations } : {}),
  };
  onProgress({ phase: 'parsing', pass: 1 });
  let result: ReadResult = readPackage(null, files, opts);

  // tables nobody recognised, with a mapping for their shape: read again through it
  const mapped: [string, string][] = [];
  for (const rep of result.report.files) {
    if (rep.resource !== null || rep.format === 'geojson' || rep.format === 'topojson' || rep.columns.length === 0) continue;
    const shape = shapeKey(rep.columns);
    const m = mappings.get(shape);
    const f = input.files.find((x) => x.path === rep.path);
    if (!m || !f) continue;
    const o = fileOverride(f.options, { m, columns: rep.columns });
    if (o) overrides.set(f.path, o);
    mapped.push([f.path, shape]);
  }
  if (mapped.length > 0) {
    onProgress({ phase: 'parsing', pass: 2 });
    result = readPackage(null, files, opts);
  }
  return { pkg: result.pkg, report: result.report, mapped };
}
