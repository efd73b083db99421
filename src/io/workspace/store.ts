// The workspace in memory, written to IndexedDB as it changes: file additions and removals at
// once (one transaction with the record), everything else debounced (300 ms, never more than
// 1 s after the first unsaved change), and flushed when the page is hidden or closed. Every
// change is also journaled synchronously in localStorage (journal.ts), so a tab closed or
// crashed before the write still opens with the change.
//
// A record from a newer version of social-map, or one that cannot be read, is never written
// over: the store opens empty and in memory, keeps what could be read for "export", and waits
// for the user to reset (after a confirmation) or import a workspace.
import { packWorkspace, type PackOptions } from '../../core/workspace/archive';
import { migrateWorkspace, salvage, type Problem } from '../../core/workspace/migrate';
import { defaultFileOptions, emptyWorkspace, type ColumnMapping, type FileOptions, type StoredFile, type Workspace } from '../../core/workspace/schema';
import { applyJournal } from '../../core/workspace/journal';
import { dropOrphans, openWorkspaceDb, readNewerStore, readRecord, replaceWorkspace, writeWorkspace, type WorkspaceDb } from './db';
import { clearJournal, readJournal, writeJournal } from './journal';

export type StoreNotice =
  | { kind: 'newer'; version: number }
  | { kind: 'corrupt'; problems: Problem[] }
  | { kind: 'unavailable'; detail: string }
  | { kind: 'write_failed'; detail: string }
  | { kind: 'migrated'; from: number; problems: Problem[] };

export interface StoreSnapshot {
  ws: Workspace;
  loaded: boolean;
  /** Changes are written to IndexedDB. */
  persistent: boolean;
  notice: StoreNotice | null;
  saving: 'idle' | 'pending' | 'saving';
  /** performance.now() of the last completed write. */
  savedAt: number | null;
}

const DEBOUNCE_MS = 300;
const MAX_WAIT_MS = 1000;

const nowIso = (): string => new Date().toISOString();

/** JSON round trip: what a slice stores is what export and reload give back. */
function asJson(value: unknown): unknown {
  const s = JSON.stringify(value);
  return s === undefined ? null : (JSON.parse(s) as unknown);
}

export class WorkspaceStore {
  private snap: StoreSnapshot = { ws: emptyWorkspace(), loaded: false, persistent: false, notice: null, saving: 'idle', savedAt: null };
  private readonly listeners = new Set<() => void>();
  private db: WorkspaceDb | null = null;
  private added: StoredFile[] = [];
  private removed: string[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstDirty: number | null = null;
  private chain: Promise<void> = Promise.resolve();
  private salvageWs: Workspace | null = null;
  private rawRecord: unknown = null;
  private nextFileId = 1;
  private readonly onHide = () => {
    if (document.visibilityState === 'hidden') void this.flush();
  };
  private readonly onPageHide = () => void this.flush();

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getSnapshot = (): StoreSnapshot => this.snap;

  private set(patch: Partial<StoreSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }

  /** Opens IndexedDB and restores the workspace. Never rejects. */
  async load(): Promise<void> {
    try {
      const db = await openWorkspaceDb();
      const raw = await readRecord(db);
      if (this.snap.loaded) {
        // too late: the app went on in memory (loadInMemory); do not pull the rug from under it
        db.close();
        return;
      }
      this.db = db;
      const journaled = applyJournal(raw, readJournal());
      const j = journaled === null ? null : migrateWorkspace(journaled);
      if (j?.kind === 'ok') {
        // a change the last session made but did not get to write: restore it and write it now
        this.set({ ws: j.ws, loaded: true, persistent: true, saving: 'pending', notice: j.problems.length > 0 ? { kind: 'migrated', from: j.from, problems: j.problems } : null });
        void this.flush();
      } else if (raw === null) {
        clearJournal();
        this.set({ loaded: true, persistent: true });
      } else {
        clearJournal();
        const r = migrateWorkspace(raw);
        if (r.kind === 'ok') {
          this.set({ ws: r.ws, loaded: true, persistent: true, notice: r.from !== r.ws.version || r.problems.length > 0 ? { kind: 'migrated', from: r.from, problems: r.problems } : null });
          void dropOrphans(this.db, new Set(r.ws.files.map((f) => f.id))).catch(() => {});
          if (r.from !== r.ws.version) await replaceWorkspace(this.db, r.ws);
        } else {
          this.rawRecord = raw;
          this.salvageWs = r.salvage;
          this.set({ loaded: true, persistent: false, notice: r.kind === 'newer' ? { kind: 'newer', version: r.version } : { kind: 'corrupt', problems: r.problems } });
        }
      }
    } catch (err) {
      if (!this.snap.loaded && !(await this.openNewer(err))) this.set({ loaded: true, persistent: false, notice: { kind: 'unavailable', detail: String(err).slice(0, 200) } });
    }
    for (const f of this.snap.ws.files) {
      const n = Number(/^f(\d+)$/.exec(f.id)?.[1] ?? 0);
      if (n >= this.nextFileId) this.nextFileId = n + 1;
    }
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', this.onHide);
      window.addEventListener('pagehide', this.onPageHide);
    }
  }

  /** IndexedDB holds stores from a newer build (VersionError): leave them untouched, read what
   *  they hold for export, and say so (as for a newer record). False when that fails too. */
  private async openNewer(err: unknown): Promise<boolean> {
    if (typeof err !== 'object' || err === null || (err as { name?: unknown }).name !== 'VersionError') return false;
    try {
      const { version, raw } = await readNewerStore();
      if (this.snap.loaded) return true;
      this.rawRecord = raw;
      this.salvageWs = salvage(raw);
      this.set({ loaded: true, persistent: false, notice: { kind: 'newer', version } });
      return true;
    } catch {
      return false;
    }
  }

  /** Opens without storage (IndexedDB too slow or missing): changes live in memory only. */
  loadInMemory(detail: string): void {
    if (this.snap.loaded) return;
    this.set({ loaded: true, persistent: false, notice: { kind: 'unavailable', detail } });
  }

  close(): void {
    void this.flush();
    if (typeof document !== 'undefined') {
      document.removeEventListener('visibilitychange', this.onHide);
      window.removeEventListener('pagehide', this.onPageHide);
    }
  }

  // ---- changes ----

  private change(next: Omit<Workspace, 'updatedAt' | 'version'>, immediate = false): void {
    const ws: Workspace = { ...next, version: this.snap.ws.version, updatedAt: nowIso() };
    this.set({ ws, saving: this.snap.persistent ? 'pending' : 'idle' });
    if (!this.snap.persistent) return;
    writeJournal(ws);
    const now = performance.now();
    this.firstDirty ??= now;
    if (this.timer) clearTimeout(this.timer);
    const wait = immediate ? 0 : Math.max(0, Math.min(DEBOUNCE_MS, this.firstDirty + MAX_WAIT_MS - now));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Adds files; a file with the same path as one already there replaces it. */
  addFiles(incoming: readonly { path: string; bytes: Uint8Array }[]): StoredFile[] {
    const ws = this.snap.ws;
    const paths = new Set(incoming.map((f) => f.path));
    const replaced = ws.files.filter((f) => paths.has(f.path));
    const added: StoredFile[] = incoming.map((f) => {
      const old = replaced.find((r) => r.path === f.path);
      return { id: `f${this.nextFileId++}`, path: f.path, size: f.bytes.length, addedAt: nowIso(), options: old ? { ...old.options } : defaultFileOptions(), bytes: f.bytes };
    });
    this.added.push(...added);
    this.removed.push(...replaced.map((f) => f.id));
    this.change({ ...ws, files: [...ws.files.filter((f) => !paths.has(f.path)), ...added] }, true);
    return added;
  }

  removeFiles(ids: readonly string[]): void {
    const set = new Set(ids);
    const ws = this.snap.ws;
    this.added = this.added.filter((f) => !set.has(f.id));
    this.removed.push(...ids);
    this.change({ ...ws, files: ws.files.filter((f) => !set.has(f.id)) }, true);
  }

  setFileOptions(id: string, patch: Partial<FileOptions>): void {
    const ws = this.snap.ws;
    this.change({ ...ws, files: ws.files.map((f) => (f.id === id ? { ...f, options: { ...f.options, ...patch } } : f)) });
  }

  /** Sets (or with null removes) the alias folded name → unit id. */
  setAlias(folded: string, unitId: string | null): void {
    const ws = this.snap.ws;
    const rest = ws.aliases.filter(([k]) => k !== folded);
    this.change({ ...ws, aliases: unitId === null ? rest : [...rest, [folded, unitId]] });
  }

  setMapping(shape: string, mapping: ColumnMapping | null): void {
    const ws = this.snap.ws;
    const rest = ws.mappings.filter(([k]) => k !== shape);
    this.change({ ...ws, mappings: mapping === null ? rest : [...rest, [shape, mapping]] });
  }

  getSlice(key: string): unknown {
    return this.snap.ws.slices.find(([k]) => k === key)?.[1];
  }

  hasSlice(key: string): boolean {
    return this.snap.ws.slices.some(([k]) => k === key);
  }

  /** Stores a feature's state (JSON) under `key`; undefined removes it. */
  setSlice(key: string, value: unknown): void {
    const ws = this.snap.ws;
    const rest = ws.slices.filter(([k]) => k !== key);
    this.change({ ...ws, slices: value === undefined ? rest : [...rest, [key, asJson(value)]] });
  }

  /** Replaces the whole workspace (import, reset) and writes it at once, also over a record
   *  that could not be read. */
  async replace(next: Workspace): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.firstDirty = null;
    this.added = [];
    this.removed = [];
    let n = 0;
    for (const f of next.files) n = Math.max(n, Number(/^f(\d+)$/.exec(f.id)?.[1] ?? 0));
    this.nextFileId = Math.max(this.nextFileId, n + 1);
    const canWrite = this.db !== null && (this.snap.persistent || this.snap.notice?.kind === 'newer' || this.snap.notice?.kind === 'corrupt');
    this.set({ ws: { ...next, updatedAt: nowIso() }, saving: canWrite ? 'saving' : 'idle' });
    if (!canWrite || !this.db) return;
    const db = this.db;
    const ws = this.snap.ws;
    await (this.chain = this.chain.then(async () => {
      try {
        await replaceWorkspace(db, ws);
        this.salvageWs = null;
        this.rawRecord = null;
        if (this.snap.ws === ws) clearJournal();
        this.set({ persistent: true, notice: null, saving: 'idle', savedAt: performance.now() });
      } catch (err) {
        this.set({ saving: 'idle', notice: { kind: 'write_failed', detail: String(err).slice(0, 200) } });
      }
    }));
  }

  reset(): Promise<void> {
    return this.replace(emptyWorkspace(nowIso()));
  }

  /** Writes what is pending now. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.db || !this.snap.persistent || this.snap.saving !== 'pending') return this.chain;
    const db = this.db;
    const added = this.added;
    const removed = this.removed;
    this.added = [];
    this.removed = [];
    this.firstDirty = null;
    this.set({ saving: 'saving' });
    const ws = this.snap.ws;
    this.chain = this.chain.then(async () => {
      try {
        await writeWorkspace(db, ws, added, removed);
        if (this.snap.ws === ws) {
          clearJournal();
          this.set({ saving: 'idle', savedAt: performance.now(), notice: this.snap.notice?.kind === 'write_failed' ? null : this.snap.notice });
        }
      } catch (err) {
        // keep the changes in memory and try again with the next change
        this.added = [...added, ...this.added];
        this.removed = [...removed, ...this.removed];
        this.set({ saving: 'pending', notice: { kind: 'write_failed', detail: String(err).slice(0, 200) } });
      }
    });
    return this.chain;
  }

  // ---- export ----

  /** The workspace (or, when the stored one could not be opened, what could be read of it) as
   *  a zip; a record that could not be read is added as recovered/raw-record.json. */
  exportArchive(opts: PackOptions): Uint8Array {
    if (this.salvageWs) {
      const raw = JSON.stringify(this.rawRecord, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v), 2) ?? 'null';
      return packWorkspace(this.salvageWs, { ...opts, extra: [['raw-record.json', new TextEncoder().encode(raw)]] });
    }
    return packWorkspace(this.snap.ws, opts);
  }

  /** True when a stored record could not be opened and is kept for export. */
  get hasUnreadable(): boolean {
    return this.salvageWs !== null;
  }
}
