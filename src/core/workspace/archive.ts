// Workspace ⇄ zip. The export is a data package: datapackage.json listing the user's files
// (as they were loaded, bytes unchanged, under files/), plus social-map-workspace.json with
// everything else (file options, aliases, mappings, slices, the base package URL). Importing
// it restores the workspace exactly (tests/unit/workspace-archive.test.ts).
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { isDescriptorPath } from '../parse/descriptor';
import type { ResourceName } from '../parse/types';
import { migrateWorkspace, type Problem } from './migrate';
import { metaOf, WORKSPACE_FORMAT, WORKSPACE_VERSION, type Workspace } from './schema';

export const MANIFEST_NAME = 'social-map-workspace.json';
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export interface PackOptions {
  /** URL of the base package the workspace was made on (null = the default). */
  base: string | null;
  /** Resource of each file as last recognised (path → resource), for datapackage.json. */
  resources?: ReadonlyMap<string, ResourceName | null>;
  /** Extra entries (e.g. a raw record that could not be read), zip path → bytes. */
  extra?: [string, Uint8Array][];
  /** ISO date of the export. */
  now?: string;
}

const safeName = (p: string): string => {
  const base = p.split(/[\\/]/).filter(Boolean).pop() ?? 'file';
  return base.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 100) || 'file';
};

export function packWorkspace(ws: Workspace, opts: PackOptions): Uint8Array {
  const zip: Zippable = {};
  const names = new Map<string, number>();
  const resources: Record<string, unknown>[] = [];
  const files = ws.files.map((f, i) => {
    const zipPath = `files/${i + 1}-${safeName(f.path)}`;
    zip[zipPath] = f.bytes;
    if (!isDescriptorPath(f.path)) {
      const res = opts.resources?.get(f.path) ?? null;
      const stem = res ?? 'file';
      const n = (names.get(stem) ?? 0) + 1;
      names.set(stem, n);
      const r: Record<string, unknown> = { name: n === 1 && res ? res : `${stem}_${n}`, path: zipPath };
      if (f.options.encoding) r.encoding = f.options.encoding;
      resources.push(r);
    }
    return { ...metaOf(f), zipPath };
  });
  const manifest = {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    base: opts.base,
    exportedAt: opts.now ?? new Date().toISOString(),
    updatedAt: ws.updatedAt,
    files,
    aliases: ws.aliases,
    mappings: ws.mappings,
    slices: ws.slices,
  };
  const descriptor = {
    name: 'social-map-workspace',
    title: 'social-map workspace',
    description: 'Files loaded into social-map, as given, with the choices made on them (social-map-workspace.json).',
    created: manifest.exportedAt,
    resources,
  };
  zip['datapackage.json'] = strToU8(JSON.stringify(descriptor, null, 2));
  zip[MANIFEST_NAME] = strToU8(JSON.stringify(manifest, null, 2));
  for (const [p, b] of opts.extra ?? []) zip[`recovered/${safeName(p)}`] = b;
  return zipSync(zip, { level: 6 });
}

export type UnpackResult =
  | { ok: true; ws: Workspace; base: string | null; problems: Problem[] }
  | { ok: false; error: 'not_zip' | 'no_manifest' | 'manifest_invalid' | 'newer' | 'too_large'; detail: string };

/** A zip's local-file magic at the start and its end-of-central-directory record near the end
 *  (checked first: fflate throws on junk, and throwing is slow where stacks are source-mapped). */
function isZip(b: Uint8Array): boolean {
  if (b.length < 22 || b[0] !== 0x50 || b[1] !== 0x4b || b[2] !== 0x03 || b[3] !== 0x04) return false;
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let e = b.length - 22; e >= stop; e--) {
    if (b[e] === 0x50 && b[e + 1] === 0x4b && b[e + 2] === 0x05 && b[e + 3] === 0x06) return true;
  }
  return false;
}

/** Does this zip hold a social-map workspace? (Reads only the directory.) */
export function isWorkspaceArchive(bytes: Uint8Array): boolean {
  if (!isZip(bytes)) return false;
  try {
    let found = false;
    unzipSync(bytes, { filter: (f) => {
      if (f.name === MANIFEST_NAME) found = true;
      return false;
    } });
    return found;
  } catch {
    return false;
  }
}

/** Reads an exported workspace. Never throws. `maxBytes` bounds every entry's unpacked size. */
export function unpackWorkspace(bytes: Uint8Array, maxBytes: number): UnpackResult {
  if (!isZip(bytes)) return { ok: false, error: 'not_zip', detail: '' };
  let entries: Record<string, Uint8Array>;
  let tooLarge = '';
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        const limit = f.name === MANIFEST_NAME ? MAX_MANIFEST_BYTES : maxBytes;
        if (f.originalSize > limit) tooLarge = f.name;
        return f.originalSize <= limit;
      },
    });
  } catch (err) {
    return { ok: false, error: 'not_zip', detail: String(err).slice(0, 120) };
  }
  if (tooLarge) return { ok: false, error: 'too_large', detail: tooLarge.slice(0, 200) };
  const raw = Object.prototype.hasOwnProperty.call(entries, MANIFEST_NAME) ? entries[MANIFEST_NAME] : undefined;
  if (!raw) return { ok: false, error: 'no_manifest', detail: MANIFEST_NAME };
  let manifest: unknown;
  try {
    manifest = JSON.parse(strFromU8(raw));
  } catch (err) {
    return { ok: false, error: 'manifest_invalid', detail: String(err).slice(0, 120) };
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) return { ok: false, error: 'manifest_invalid', detail: 'object' };
  const m = manifest as Record<string, unknown>;
  if (m.format !== WORKSPACE_FORMAT) return { ok: false, error: 'manifest_invalid', detail: 'format' };
  // attach each file's bytes from its zip entry, then read it like a stored record
  const files = Array.isArray(m.files)
    ? m.files.map((f: unknown) => {
        if (typeof f !== 'object' || f === null) return f;
        const zipPath = (f as Record<string, unknown>).zipPath;
        const b = typeof zipPath === 'string' && Object.prototype.hasOwnProperty.call(entries, zipPath) ? entries[zipPath] : undefined;
        return { ...(f as Record<string, unknown>), bytes: b };
      })
    : m.files;
  const res = migrateWorkspace({ ...m, files });
  if (res.kind === 'newer') return { ok: false, error: 'newer', detail: String(res.version) };
  if (res.kind === 'corrupt') return { ok: false, error: 'manifest_invalid', detail: res.problems.map((p) => p.code).join(', ') };
  const base = typeof m.base === 'string' ? m.base : null;
  return { ok: true, ws: res.ws, base, problems: res.problems };
}
