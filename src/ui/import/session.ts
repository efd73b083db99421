// The import session: watches the workspace and the base package, parses the user's files
// (in the worker) whenever what matters for parsing changes, and gives the app the merged,
// prepared dataset. One per app (ImportProvider).
import { prepareDataset, type Dataset } from '../../core/dataset';
import type { DataPackage } from '../../core/model';
import { mergePackages } from '../../core/workspace/merge';
import { isWholePackage, type ParseInput, type ParseProgress } from '../../core/workspace/parse';
import type { Workspace } from '../../core/workspace/schema';
import { ParseCancelled, ParseClient, type ParseDone } from '../../io/worker/client';
import type { WorkspaceStore } from '../../io/workspace/store';

export interface UserResult extends ParseDone {
  key: string;
  url: string;
  /** The files brought their own datapackage.json: they replace the base package. */
  whole: boolean;
  /** File ids parsed, with their paths. */
  files: { id: string; path: string }[];
}

export interface SessionSnapshot {
  phase: 'idle' | 'parsing' | 'done' | 'error' | 'suspended';
  progress: ParseProgress | null;
  /** The latest completed parse (possibly of an earlier state while a new one runs). */
  result: UserResult | null;
  error: string | null;
  /** Where parsing runs. */
  where: 'worker' | 'main';
}

const CACHE = 4;

/** What decides a parse: base URL, files (ids and options), aliases, mappings. */
export function parseKey(url: string, ws: Workspace): string {
  return JSON.stringify([url, ws.files.map((f) => [f.id, f.options]), ws.aliases, ws.mappings]);
}

export class ImportSession {
  private snap: SessionSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly client = new ParseClient();
  private url: string | null = null;
  private base: DataPackage | null = null;
  private wantKey: string | null = null;
  private suspendedKey: string | null = null;
  private readonly cache = new Map<string, UserResult>();
  /** Files the user just added: a cancel takes them out again. */
  private recent: string[] = [];
  private prepared: { base: DataPackage; result: UserResult | null; ds: Dataset } | null = null;

  constructor(private readonly store: WorkspaceStore) {
    this.snap = { phase: 'idle', progress: null, result: null, error: null, where: this.client.mode };
  }

  /** Starts following the workspace; the returned function stops (and cancels a parse). */
  attach(): () => void {
    const off = this.store.subscribe(() => this.update());
    this.wantKey = null;
    this.update();
    return () => {
      off();
      this.client.dispose();
      if (this.snap.phase === 'parsing') this.set({ phase: this.snap.result ? 'done' : 'idle', progress: null });
      this.wantKey = null;
    };
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getSnapshot = (): SessionSnapshot => this.snap;

  private set(patch: Partial<SessionSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }

  /** The base package for `url` (null while it loads). */
  setBase(url: string, pkg: DataPackage | null): void {
    if (url === this.url && pkg === this.base) return;
    if (url !== this.url && this.snap.result?.url !== url) this.set({ result: null });
    this.url = url;
    this.base = pkg;
    this.update();
  }

  /** Marks files just added by the user (a cancel removes them). */
  noteAdded(ids: readonly string[]): void {
    this.recent = [...ids];
  }

  /** True while the app should wait: user files exist but none of their parses has finished. */
  waiting(url: string): boolean {
    const ws = this.store.getSnapshot().ws;
    if (ws.files.length === 0) return false;
    if (this.snap.phase === 'suspended' || this.snap.phase === 'error') return false;
    return this.snap.result === null || this.snap.result.url !== url;
  }

  private update(): void {
    const st = this.store.getSnapshot();
    if (!st.loaded || this.url === null || this.base === null) return;
    const ws = st.ws;
    if (ws.files.length === 0) {
      this.wantKey = null;
      if (this.snap.phase === 'parsing') this.client.cancel();
      if (this.snap.result || this.snap.phase !== 'idle') this.set({ phase: 'idle', result: null, progress: null, error: null });
      return;
    }
    const key = parseKey(this.url, ws);
    if (key === this.wantKey) return;
    this.wantKey = key;
    if (key === this.suspendedKey) return;
    this.suspendedKey = null;
    const cached = this.cache.get(key);
    if (cached) {
      this.client.cancel();
      this.set({ phase: 'done', result: cached, progress: null, error: null });
      return;
    }
    void this.run(key, this.url, this.base, ws);
  }

  private async run(key: string, url: string, base: DataPackage, ws: Workspace): Promise<void> {
    const whole = isWholePackage(ws.files.map((f) => f.path));
    const input: ParseInput = {
      files: ws.files.map((f) => ({ path: f.path, bytes: f.bytes, options: f.options })),
      aliases: ws.aliases,
      mappings: ws.mappings,
      base: whole ? null : { units: base.units, observations: base.observations },
    };
    this.set({ phase: 'parsing', progress: null, error: null, where: this.client.mode });
    try {
      const done = await this.client.parse(input, (p) => {
        if (this.wantKey === key) this.set({ progress: p });
      });
      if (this.wantKey !== key) return;
      const result: UserResult = { ...done, key, url, whole, files: ws.files.map((f) => ({ id: f.id, path: f.path })) };
      this.cache.set(key, result);
      while (this.cache.size > CACHE) this.cache.delete(this.cache.keys().next().value ?? '');
      this.recent = [];
      this.set({ phase: 'done', result, progress: null, where: done.where });
    } catch (err) {
      if (err instanceof ParseCancelled || this.wantKey !== key) return;
      this.set({ phase: 'error', progress: null, error: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Cancel button: stops the parse. Files just added are taken out again; otherwise the
   *  user's data stays unapplied until resume(). */
  cancel(): void {
    if (this.snap.phase !== 'parsing') return;
    this.client.cancel();
    const recent = this.recent;
    this.recent = [];
    if (recent.length > 0) {
      this.set({ phase: this.snap.result ? 'done' : 'idle', progress: null });
      this.store.removeFiles(recent);
    } else {
      this.suspendedKey = this.wantKey;
      this.set({ phase: 'suspended', progress: null });
    }
  }

  resume(): void {
    this.suspendedKey = null;
    this.wantKey = null;
    this.update();
  }

  /** The dataset to show: the base with the user's result on top (prepared once per pair). */
  dataset(base: DataPackage, url: string): Dataset {
    const r = this.snap.result && this.snap.result.url === url && this.snap.phase !== 'suspended' ? this.snap.result : null;
    const p = this.prepared;
    if (p && p.base === base && p.result === r) return p.ds;
    const pkg = r ? (r.whole ? r.output.pkg : mergePackages(base, r.output.pkg)) : base;
    const ds = prepareDataset(pkg);
    this.prepared = { base, result: r, ds };
    return ds;
  }
}
