// The user's files, however they come (file picker, folder picker, drag and drop of files or
// folders, a .zip holding a data package), as paths + bytes. Files beyond the size limit are
// refused before they are read; a zip that is a social-map workspace export is set apart.
import { unzipSync } from 'fflate';
import { isWorkspaceArchive } from '../core/workspace/archive';

export interface IncomingFile {
  path: string;
  bytes: Uint8Array;
}

export interface Refusal {
  path: string;
  reason: 'too_large' | 'unreadable' | 'zip_invalid' | 'skipped';
  /** Bytes (when known) and the limit, for the message. */
  size: number;
  limit: number;
}

export interface Collected {
  files: IncomingFile[];
  refused: Refusal[];
  /** Zips that are workspace exports (restored with "import workspace"). */
  workspaces: IncomingFile[];
}

/** Extensions read as data; anything else in a folder or zip is listed as skipped. */
const DATA_EXT = /\.(csv|tsv|txt|xlsx|xlsm|json|geojson|topojson)$/i;
const ZIP_NAME = /\.zip$/i;
const SPREADSHEET = /\.(xlsx|xlsm|ods)$/i;
const HIDDEN = /(^|\/)(\.|__MACOSX\/)/;

const isZipBytes = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export const formatMegabytes = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

function unzipInto(path: string, bytes: Uint8Array, limit: number, out: Collected): void {
  let entries: Record<string, Uint8Array>;
  const big: Refusal[] = [];
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.endsWith('/') || HIDDEN.test(f.name)) return false;
        if (f.originalSize > limit) {
          big.push({ path: `${path}/${f.name}`, reason: 'too_large', size: f.originalSize, limit });
          return false;
        }
        return true;
      },
    });
  } catch {
    out.refused.push({ path, reason: 'zip_invalid', size: bytes.length, limit });
    return;
  }
  out.refused.push(...big);
  const prefix = path.replace(ZIP_NAME, '');
  for (const name of Object.keys(entries).sort()) {
    const b = entries[name];
    if (!b) continue;
    const p = `${prefix}/${name}`;
    if (DATA_EXT.test(name)) out.files.push({ path: p, bytes: b });
    else out.refused.push({ path: p, reason: 'skipped', size: b.length, limit });
  }
}

async function addFile(file: File, path: string, limit: number, out: Collected, inFolder: boolean): Promise<void> {
  if (HIDDEN.test(path)) return;
  if (file.size > limit) {
    out.refused.push({ path, reason: 'too_large', size: file.size, limit });
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    out.refused.push({ path, reason: 'unreadable', size: file.size, limit });
    return;
  }
  if (ZIP_NAME.test(path) || (isZipBytes(bytes) && !SPREADSHEET.test(path))) {
    if (isWorkspaceArchive(bytes)) out.workspaces.push({ path, bytes });
    else unzipInto(path, bytes, limit, out);
    return;
  }
  if (inFolder && !DATA_EXT.test(path)) {
    out.refused.push({ path, reason: 'skipped', size: file.size, limit });
    return;
  }
  out.files.push({ path, bytes });
}

const empty = (): Collected => ({ files: [], refused: [], workspaces: [] });

/** Files from an `<input type="file">` (with or without `webkitdirectory`). */
export async function collectFromFileList(list: FileList | readonly File[], limit: number): Promise<Collected> {
  const out = empty();
  for (const f of Array.from(list)) {
    // '' unless picked with a folder input (undefined outside browsers)
    const rel = typeof f.webkitRelativePath === 'string' ? f.webkitRelativePath : '';
    await addFile(f, rel || f.name, limit, out, rel !== '');
  }
  return out;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries returns at most ~100 entries per call
  for (let guard = 0; guard < 10_000; guard++) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    all.push(...batch);
  }
  return all;
}

async function walk(entry: FileSystemEntry, limit: number, out: Collected, depth: number): Promise<void> {
  const path = entry.fullPath.replace(/^\//, '');
  if (entry.isFile) {
    try {
      await addFile(await fileOf(entry as FileSystemFileEntry), path, limit, out, depth > 0);
    } catch {
      out.refused.push({ path, reason: 'unreadable', size: 0, limit });
    }
  } else if (entry.isDirectory && depth < 8) {
    for (const child of await readAll(entry as FileSystemDirectoryEntry)) await walk(child, limit, out, depth + 1);
  }
}

/** Files and folders dropped on the page. */
export async function collectFromDataTransfer(dt: DataTransfer, limit: number): Promise<Collected> {
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(dt.items)) {
    if (item.kind !== 'file') continue;
    const e = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (e) entries.push(e);
  }
  if (entries.length === 0) return collectFromFileList(dt.files, limit);
  const out = empty();
  for (const e of entries) await walk(e, limit, out, 0);
  return out;
}
