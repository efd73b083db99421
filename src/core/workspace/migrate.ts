// Stored or exported workspace (any version) → the current Workspace, or a typed refusal.
// Pure: the store (src/io/workspace) reads the record, attaches file bytes, and calls this.
//
// Versions:
//   1  { version: 1, files: [{ name, bytes, encoding? , addedAt? }], aliases: { folded: unit_id } }
//      (bytes inline, per-file encoding only, aliases as an object, no mappings, no slices)
//   2  Workspace (schema.ts): files with ids and options, aliases/mappings/slices as pairs.
// A newer version than this build knows is refused (never written over); a record that is not
// a workspace is "corrupt". In both cases salvage() extracts whatever can be read, for export.
import { isDecimalLike, isResourceNameLike, readMapping } from './validate';
import { defaultFileOptions, WORKSPACE_VERSION, type ColumnMapping, type FileOptions, type StoredFile, type Workspace } from './schema';

export interface Problem {
  /** i18n key suffix: `importui.problem.<code>`. */
  code: 'not_object' | 'version_invalid' | 'files_invalid' | 'file_dropped' | 'alias_dropped' | 'mapping_dropped' | 'slice_dropped';
  detail: string;
}

export type MigrateResult =
  | { kind: 'ok'; ws: Workspace; from: number; problems: Problem[] }
  | { kind: 'newer'; version: number; salvage: Workspace }
  | { kind: 'corrupt'; problems: Problem[]; salvage: Workspace };

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
const own = (o: unknown, k: string): unknown => (isRecord(o) && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function bytesOf(v: unknown): Uint8Array | null {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  return null;
}

function fileOptions(raw: unknown): FileOptions {
  const o = defaultFileOptions();
  const enc = str(own(raw, 'encoding'));
  if (enc && enc.length <= 40) o.encoding = enc;
  const res = own(raw, 'resource');
  if (isResourceNameLike(res)) o.resource = res;
  const dec = own(raw, 'decimal');
  if (isDecimalLike(dec)) o.decimal = dec;
  const del = str(own(raw, 'delimiter'));
  if (del && del.length === 1) o.delimiter = del;
  const crs = own(raw, 'crs');
  if (typeof crs === 'number' && Number.isInteger(crs) && crs > 0) o.crs = crs;
  return o;
}

/** Files with a path and bytes; ids made unique; later duplicates of a path dropped. */
function readFiles(list: unknown, problems: Problem[]): StoredFile[] {
  const out: StoredFile[] = [];
  if (!Array.isArray(list)) return out;
  const paths = new Set<string>();
  const ids = new Set<string>();
  list.forEach((raw: unknown, i: number) => {
    const path = str(own(raw, 'path')) ?? str(own(raw, 'name'));
    const bytes = bytesOf(own(raw, 'bytes'));
    if (!path || !bytes || paths.has(path)) {
      problems.push({ code: 'file_dropped', detail: path ?? `#${i + 1}` });
      return;
    }
    let id = str(own(raw, 'id')) ?? `f${i + 1}`;
    while (ids.has(id)) id = `${id}_`;
    ids.add(id);
    paths.add(path);
    const addedAt = str(own(raw, 'addedAt')) ?? new Date(0).toISOString();
    out.push({ id, path, size: bytes.length, addedAt, options: fileOptions(own(raw, 'options') ?? raw), bytes });
  });
  return out;
}

/** Pairs [string, string] from an array of pairs or (version 1) an object. */
function readAliases(raw: unknown, problems: Problem[]): [string, string][] {
  const out = new Map<string, string>();
  const add = (k: unknown, v: unknown) => {
    if (typeof k === 'string' && typeof v === 'string' && k !== '' && v !== '' && !FORBIDDEN.has(k) && k.length <= 500) out.set(k, v);
    else problems.push({ code: 'alias_dropped', detail: String(k).slice(0, 60) });
  };
  if (Array.isArray(raw)) {
    for (const p of raw) {
      if (Array.isArray(p)) add(p[0], p[1]);
      else problems.push({ code: 'alias_dropped', detail: '' });
    }
  } else if (isRecord(raw)) {
    for (const k of Object.keys(raw)) add(k, raw[k]);
  }
  return [...out];
}

function readMappings(raw: unknown, problems: Problem[]): [string, ColumnMapping][] {
  const out = new Map<string, ColumnMapping>();
  if (!Array.isArray(raw)) return [];
  for (const p of raw) {
    const shape = Array.isArray(p) ? p[0] : undefined;
    const m = Array.isArray(p) ? readMapping(p[1]) : null;
    if (typeof shape === 'string' && m) out.set(shape, m);
    else problems.push({ code: 'mapping_dropped', detail: typeof shape === 'string' ? shape.slice(0, 60) : '' });
  }
  return [...out];
}

/** Slices must be JSON: anything that does not survive JSON is dropped. */
function readSlices(raw: unknown, problems: Problem[]): [string, unknown][] {
  const out = new Map<string, unknown>();
  if (!Array.isArray(raw)) return [];
  for (const p of raw) {
    const key = Array.isArray(p) ? p[0] : undefined;
    if (typeof key !== 'string' || key === '' || key.length > 200) {
      problems.push({ code: 'slice_dropped', detail: '' });
      continue;
    }
    try {
      const json = JSON.stringify((p as unknown[])[1]);
      out.set(key, json === undefined ? null : (JSON.parse(json) as unknown));
    } catch {
      problems.push({ code: 'slice_dropped', detail: key.slice(0, 60) });
    }
  }
  return [...out];
}

function build(raw: unknown, problems: Problem[]): Workspace {
  return {
    version: WORKSPACE_VERSION,
    files: readFiles(own(raw, 'files'), problems),
    aliases: readAliases(own(raw, 'aliases'), problems),
    mappings: readMappings(own(raw, 'mappings'), problems),
    slices: readSlices(own(raw, 'slices'), problems),
    updatedAt: str(own(raw, 'updatedAt')) ?? new Date(0).toISOString(),
  };
}

/** Everything readable in a record of any version (for "export what can be read"). */
export function salvage(raw: unknown): Workspace {
  const problems: Problem[] = [];
  try {
    return build(raw, problems);
  } catch {
    return build(null, problems);
  }
}

/** Migration steps: version n → n + 1, on the raw record. */
const STEPS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  1: (raw) => {
    const files = Array.isArray(raw.files)
      ? raw.files.map((f: unknown, i: number) => ({
          id: `f${i + 1}`,
          path: own(f, 'name'),
          bytes: own(f, 'bytes'),
          addedAt: own(f, 'addedAt'),
          options: { ...defaultFileOptions(), encoding: str(own(f, 'encoding')) },
        }))
      : raw.files;
    const aliasObj = own(raw, 'aliases');
    const aliases = isRecord(aliasObj) ? Object.keys(aliasObj).filter((k) => !FORBIDDEN.has(k)).map((k) => [k, aliasObj[k]]) : [];
    return { version: 2, files, aliases, mappings: [], slices: [], updatedAt: own(raw, 'updatedAt') };
  },
};

/** Reads a stored or exported workspace of any known version. Never throws. */
export function migrateWorkspace(raw: unknown): MigrateResult {
  try {
    if (!isRecord(raw)) return { kind: 'corrupt', problems: [{ code: 'not_object', detail: typeof raw }], salvage: salvage(raw) };
    const version = raw.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      return { kind: 'corrupt', problems: [{ code: 'version_invalid', detail: String(version).slice(0, 40) }], salvage: salvage(raw) };
    }
    if (version > WORKSPACE_VERSION) return { kind: 'newer', version, salvage: salvage(raw) };
    if (!Array.isArray(raw.files)) return { kind: 'corrupt', problems: [{ code: 'files_invalid', detail: typeof raw.files }], salvage: salvage(raw) };
    let rec: Record<string, unknown> = raw;
    for (let v = version; v < WORKSPACE_VERSION; v++) {
      const step = STEPS[v];
      if (!step) return { kind: 'corrupt', problems: [{ code: 'version_invalid', detail: String(v) }], salvage: salvage(raw) };
      rec = step(rec);
    }
    const problems: Problem[] = [];
    return { kind: 'ok', ws: build(rec, problems), from: version, problems };
  } catch (err) {
    return { kind: 'corrupt', problems: [{ code: 'not_object', detail: String(err).slice(0, 120) }], salvage: salvage(null) };
  }
}
