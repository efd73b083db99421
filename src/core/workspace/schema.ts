// The user's workspace: every file they loaded (raw bytes + the options they chose), the
// aliases they set (folded name → unit id), the column mappings they made (by file shape) and
// generic slices other features keep (document edits, scenarios, edited norms).
//
// Plain data only: arrays of pairs instead of objects keyed by user text (no prototype
// pollution), JSON-friendly except for the file bytes. Versioned: see migrate.ts.
import type { Decimal, ResourceName } from '../parse/types';

/** Current version of the stored and exported workspace. Bump it with a migration. */
export const WORKSPACE_VERSION = 2;
/** `format` member of social-map-workspace.json. */
export const WORKSPACE_FORMAT = 'social-map-workspace';

/** Per-file choices the user made; null = detect. */
export interface FileOptions {
  /** WHATWG label (`utf-8`, `utf-16le`, `windows-1250` …). */
  encoding: string | null;
  /** The resource the file holds, when the user says so. */
  resource: ResourceName | null;
  decimal: Decimal | null;
  delimiter: string | null;
  /** EPSG code of a GeoJSON without a declared CRS. */
  crs: number | null;
}

export const defaultFileOptions = (): FileOptions => ({ encoding: null, resource: null, decimal: null, delimiter: null, crs: null });

export interface StoredFileMeta {
  /** Stable id (unique in the workspace). */
  id: string;
  /** Path as the user gave it (folder- or zip-relative where there was one). Unique. */
  path: string;
  size: number;
  /** ISO date-time. */
  addedAt: string;
  options: FileOptions;
}

export interface StoredFile extends StoredFileMeta {
  bytes: Uint8Array;
}

/** How to read a table the core could not recognise (a column-mapping step). */
export interface ColumnMapping {
  /** Header (as written) of the column naming the unit. */
  unitColumn: string;
  unitBy: 'id' | 'name';
  form: 'wide' | 'long';
  /** Wide form: the columns holding indicators (others are ignored). */
  indicatorColumns: string[];
  /** Long form: the column naming the indicator and the column holding the value. */
  indicatorColumn: string | null;
  valueColumn: string | null;
}

export interface Workspace {
  version: typeof WORKSPACE_VERSION;
  files: StoredFile[];
  /** foldName(name) → unit id. */
  aliases: [string, string][];
  /** shapeKey(header) → mapping. */
  mappings: [string, ColumnMapping][];
  /** Feature state by key; values are JSON (see src/io/workspace/README.md). */
  slices: [string, unknown][];
  /** ISO date-time of the last change. */
  updatedAt: string;
}

export const emptyWorkspace = (now = new Date(0).toISOString()): Workspace => ({
  version: WORKSPACE_VERSION,
  files: [],
  aliases: [],
  mappings: [],
  slices: [],
  updatedAt: now,
});

/** True when the workspace holds nothing the user made. */
export const isEmptyWorkspace = (ws: Workspace): boolean =>
  ws.files.length === 0 && ws.aliases.length === 0 && ws.mappings.length === 0 && ws.slices.length === 0;

/** A table's shape: its header, trimmed, lower-cased and sorted (so column order does not matter). */
export function shapeKey(columns: readonly string[]): string {
  return JSON.stringify([...columns].map((c) => c.trim().toLowerCase()).sort());
}

/** The file's meta without the bytes (what goes into the JSON record). */
export const metaOf = (f: StoredFile): StoredFileMeta => ({ id: f.id, path: f.path, size: f.size, addedAt: f.addedAt, options: { ...f.options } });
