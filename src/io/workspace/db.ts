// IndexedDB (through idb) for the workspace: one record (everything but file bytes) and the
// file bytes by file id. The record's own `version` is the workspace format version (see
// core/workspace/migrate.ts); DB_VERSION below only versions the object stores.
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StoredFile, StoredFileMeta, Workspace } from '../../core/workspace/schema';

export const DB_NAME = 'social-map';
const DB_VERSION = 1;
const RECORD_KEY = 'workspace';

/** The stored record: the workspace without bytes. */
export type StoredRecord = Omit<Workspace, 'files'> & { files: StoredFileMeta[] };

interface Schema extends DBSchema {
  records: { key: string; value: unknown };
  files: { key: string; value: unknown };
}

export type WorkspaceDb = IDBPDatabase<Schema>;

/**
 * Opens the workspace database. One at our version that lacks our object stores (social-map
 * creates both in one upgrade, so something else made it, or it was emptied by hand) holds
 * nothing of ours: it is deleted and made again — unless a workspace record is in it, which is
 * never deleted (then this throws, and the app says storage is unavailable and why).
 */
export async function openWorkspaceDb(): Promise<WorkspaceDb> {
  const db = await openAtOurVersion();
  const missing = (['records', 'files'] as const).filter((n) => !db.objectStoreNames.contains(n));
  if (missing.length === 0) return db;
  const holdsRecord = db.objectStoreNames.contains('records') && (await db.get('records', RECORD_KEY)) !== undefined;
  db.close();
  if (holdsRecord) throw new Error(`the database has no object store '${missing.join("', '")}'`);
  await deleteDB(DB_NAME);
  return openAtOurVersion();
}

function openAtOurVersion(): Promise<WorkspaceDb> {
  return openDB<Schema>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('records');
        db.createObjectStore('files');
      }
    },
    blocking(_current, _next, event) {
      // a newer tab wants to upgrade the stores: let it
      (event.target as IDBDatabase | null)?.close();
    },
  });
}

/**
 * A store left by a newer social-map (object stores at a higher version than DB_VERSION, so
 * openWorkspaceDb fails with VersionError): opened at its own version, read, closed — never
 * upgraded or written. `raw` is null when it holds no record.
 */
export async function readNewerStore(): Promise<{ version: number; raw: unknown }> {
  const db = await openDB<Schema>(DB_NAME);
  try {
    const raw = db.objectStoreNames.contains('records') && db.objectStoreNames.contains('files') ? await readRecord(db) : null;
    return { version: db.version, raw };
  } finally {
    db.close();
  }
}

/** The record as stored, with each file's bytes attached (a file without bytes keeps none);
 *  null when nothing was ever saved. Throws when IndexedDB fails. */
export async function readRecord(db: WorkspaceDb): Promise<unknown> {
  const tx = db.transaction(['records', 'files'], 'readonly');
  const record = await tx.objectStore('records').get(RECORD_KEY);
  if (record === undefined) {
    await tx.done;
    return null;
  }
  const files = typeof record === 'object' && record !== null ? (record as { files?: unknown }).files : undefined;
  if (Array.isArray(files)) {
    const withBytes = await Promise.all(
      files.map(async (f: unknown) => {
        const id = typeof f === 'object' && f !== null ? (f as { id?: unknown }).id : undefined;
        // version 1 kept bytes inline; later versions keep them in `files`
        if (typeof id !== 'string' || (f as { bytes?: unknown }).bytes !== undefined) return f;
        const bytes: unknown = await tx.objectStore('files').get(id);
        return { ...(f as object), bytes };
      }),
    );
    await tx.done;
    // bytes are kept as a Blob (earlier builds: a Uint8Array); read once the transaction is over
    const read = await Promise.all(
      withBytes.map(async (f: unknown) => {
        const bytes = typeof f === 'object' && f !== null ? (f as { bytes?: unknown }).bytes : undefined;
        return bytes instanceof Blob ? { ...(f as object), bytes: new Uint8Array(await bytes.arrayBuffer()) } : f;
      }),
    );
    return { ...(record as object), files: read };
  }
  await tx.done;
  return record;
}

const recordOf = (ws: Workspace): StoredRecord => ({
  version: ws.version,
  files: ws.files.map(({ id, path, size, addedAt, options }) => ({ id, path, size, addedAt, options })),
  aliases: ws.aliases,
  mappings: ws.mappings,
  slices: ws.slices,
  updatedAt: ws.updatedAt,
});

/**
 * A file's bytes as stored: a Blob. IndexedDB copies an array's bytes into the stored value on
 * the page's main thread (about 100 ms for a 32 MB import); a Blob is handed over by reference
 * and written to disk by the browser.
 */
const asBlob = (bytes: Uint8Array): Blob => new Blob([bytes as Uint8Array<ArrayBuffer>]);

/** Writes the record, the bytes of `added` files, and deletes the bytes of `removed` ids, in one
 *  transaction (so the record never names a file whose bytes are missing). */
export async function writeWorkspace(db: WorkspaceDb, ws: Workspace, added: readonly StoredFile[] = [], removed: readonly string[] = []): Promise<void> {
  const tx = db.transaction(['records', 'files'], 'readwrite');
  const files = tx.objectStore('files');
  for (const f of added) void files.put(asBlob(f.bytes), f.id);
  for (const id of removed) void files.delete(id);
  void tx.objectStore('records').put(recordOf(ws), RECORD_KEY);
  await tx.done;
}

/** Replaces everything: the record and exactly these files' bytes. */
export async function replaceWorkspace(db: WorkspaceDb, ws: Workspace): Promise<void> {
  const tx = db.transaction(['records', 'files'], 'readwrite');
  const files = tx.objectStore('files');
  void files.clear();
  for (const f of ws.files) void files.put(asBlob(f.bytes), f.id);
  void tx.objectStore('records').put(recordOf(ws), RECORD_KEY);
  await tx.done;
}

/** Removes bytes no record names (left by a crash between two writes). */
export async function dropOrphans(db: WorkspaceDb, keep: ReadonlySet<string>): Promise<void> {
  const tx = db.transaction('files', 'readwrite');
  const keys = await tx.store.getAllKeys();
  for (const k of keys) if (!keep.has(k)) void tx.store.delete(k);
  await tx.done;
}
