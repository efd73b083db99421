// Types of the import pipeline: what readPackage takes and the report it gives back.
// The report is plain data (JSON-serialisable, structured-cloneable): the CLI prints it, the
// app shows it and stores it with the workspace.
import type { Observation, Unit } from '../model';
import type { IssueCode } from './issues';

/** One file as the user gave it: raw bytes in any encoding. */
export interface InputFile {
  path: string;
  bytes: Uint8Array;
  /**
   * Rows already read from a spreadsheet (XLSX), first row = header. When present, `bytes` is
   * not decoded. readPackageAsync fills this for `.xlsx` files.
   */
  table?: Cell[][];
  /** Why reading failed before the core saw the rows (e.g. an unreadable XLSX). */
  error?: string;
}

export type Cell = string | number | boolean | Date | null;

export type Severity = 'error' | 'warning';

export interface ImportIssue {
  severity: Severity;
  code: IssueCode;
  /** 1-based row as a spreadsheet shows it (header = row 1); for GeoJSON the feature number
   *  (1-based); null for file-level issues. */
  row: number | null;
  /** Column (header as written in the file) or GeoJSON property; null when not tied to one. */
  column: string | null;
  /** i18n key: `import.issue.<code>`. */
  messageKey: string;
  params: Record<string, string | number>;
}

export const RESOURCE_NAMES = ['units', 'indicators', 'services', 'capacities', 'norms'] as const;
export type ResourceName = (typeof RESOURCE_NAMES)[number];
export const isResourceName = (v: unknown): v is ResourceName =>
  typeof v === 'string' && (RESOURCE_NAMES as readonly string[]).includes(v);

export type FileFormat = 'csv' | 'xlsx' | 'geojson' | 'topojson' | 'datapackage' | 'unknown';

/** A row kept out of the package (error, unmatched unit, duplicate), with its raw cells. */
export interface SetAsideRow {
  row: number;
  cells: string[];
  codes: IssueCode[];
}

export type Decimal = '.' | ',';

export interface FileReport {
  path: string;
  resource: ResourceName | null;
  format: FileFormat;
  /** WHATWG encoding label actually used (`utf-8`, `utf-16le`, `windows-1251`…); null for
   *  spreadsheets. */
  encoding: string | null;
  delimiter: string | null;
  decimal: Decimal | null;
  /** Data rows (CSV: non-blank lines after the header; GeoJSON: features). */
  rows: number;
  /** Header as written in the file (CSV/XLSX) or property names seen (GeoJSON). */
  columns: string[];
  /** `long` or `wide` for indicators; null otherwise. */
  form: 'long' | 'wide' | null;
  issues: ImportIssue[];
  setAside: SetAsideRow[];
}

export const JOIN_METHODS = [
  'exact_id',
  'exact_name',
  'folded',
  'transliterated',
  'prefix',
  'alias',
  'user_alias',
  'located',
  'unmatched',
  'duplicate',
  'ambiguous',
] as const;
export type JoinMethod = (typeof JOIN_METHODS)[number];
export type MatchMethod = Exclude<JoinMethod, 'unmatched' | 'duplicate' | 'ambiguous'>;

export interface JoinFuzzy {
  path: string;
  /** First row with this key. */
  row: number;
  key: string;
  unit_id: string;
  method: MatchMethod;
  /** Rows with this key in this file. */
  count: number;
}
export interface JoinUnmatched {
  path: string;
  row: number;
  key: string;
  /** Closest units by name, best first (for the user's choice). */
  suggestions: string[];
}
export interface JoinDuplicate {
  path: string;
  row: number;
  key: string;
  unit_id: string;
  /** The earlier row it repeats. */
  first_row: number;
}
export interface JoinAmbiguous {
  path: string;
  row: number;
  key: string;
  candidates: string[];
}

export interface JoinReport {
  /** Rows joined to a unit (exactly or fuzzily). */
  matched: number;
  /** Of which exactly (by id or by the name as written). */
  exact: number;
  fuzzy: JoinFuzzy[];
  unmatched: JoinUnmatched[];
  duplicates: JoinDuplicate[];
  ambiguous: JoinAmbiguous[];
}

export interface ImportReport {
  /** No error-severity issue in any file. */
  ok: boolean;
  files: FileReport[];
  join: JoinReport;
}

export interface FileOverride {
  /** WHATWG encoding label, e.g. `windows-1250`. */
  encoding?: string;
  delimiter?: string;
  decimal?: Decimal;
  resource?: ResourceName;
  /** Header (as written, or normalised) → contract column key, e.g. `Komuna` → `unit_name`;
   *  `''` drops the column (ignored by a column mapping). */
  rename?: Map<string, string>;
  /** EPSG code of a GeoJSON's coordinates when the file does not declare it. */
  crs?: number;
}

export interface Limits {
  /** Bytes per file. */
  maxFileBytes: number;
  maxColumns: number;
  maxCellChars: number;
  maxJsonDepth: number;
  /** Coordinates per GeoJSON/TopoJSON file. */
  maxVertices: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxColumns: 100_000,
  maxCellChars: 1_000_000,
  maxJsonDepth: 100,
  maxVertices: 5_000_000,
};

export interface ReadOptions {
  /** Encoding for every text file (user override); per-file overrides win. */
  encoding?: string;
  /** Per file path. */
  overrides?: Map<string, FileOverride>;
  /** Units already loaded (e.g. the default package) to join tables to when the files bring
   *  none of their own; merged after the files' units (a file's unit with the same id wins). */
  units?: Unit[];
  /** Observations already loaded, to validate counts against (population). */
  observations?: Observation[];
  /** Region (unit id) the files are about: rows outside it are reported. Also read from the
   *  descriptor's `region`. */
  region?: string;
  /** Aliases chosen by the user: folded name (see foldName) → unit id. */
  userAliases?: Map<string, string>;
  limits?: Partial<Limits>;
  /** EPSG code to assume for GeoJSON without a `crs` member (e.g. 6316). */
  crs?: number;
}
