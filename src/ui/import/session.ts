// The import session: watches the workspace and the base package, parses the user's files
// (in the worker, which also merges them onto the base and indexes them) whenever what matters
// for parsing changes, builds the Dataset from that in slices that leave the page responsive,
// and gives the app the dataset to show. One per app (ImportProvider).
import { prepareDataset, type Dataset } from '../../core/dataset';
import type { DataPackage, Unit } from '../../core/model';
import type { ImportReport } from '../../core/parse/types';
import { isWholePackage, type ParseInput } from '../../core/workspace/parse';
import { assembleDataset } from '../../core/workspace/prepared';
import type { Workspace } from '../../core/workspace/schema';
import type { UnitChoice } from '../../core/workspace/unitSearch';
import { ParseCancelled, ParseClient } from '../../io/worker/client';
import type { ImportProgress } from '../../io/worker/protocol';
import { runSliced, SliceAborted } from '../../io/worker/slices';
import type { WorkspaceStore } from '../../io/workspace/store';

export interface UserResult {
  key: string;
  url: string;
  /** The files brought their own datapackage.json: they replace the base package. */
  whole: boolean;
  /** File ids parsed, with their paths. */
  files: { id: string; path: string }[];
  output: { report: ImportReport; mapped: [string, string][] };
  /** Parse (and merge) time in the worker or on the page, ms. */
  ms: number;
  where: 'worker' | 'main';
  /** What the app shows: the base with the user's data on top (or the whole package). */
  ds: Dataset;
  /** The base package `ds` was built on (null for a whole package). */
  base: DataPackage | null;
  /** The units of `ds` (join report: names of suggested units). */
  units: Unit[];
  /** The join report's searchable unit list. */
  choices: UnitChoice[];
}

export interface SessionSnapshot {
  phase: 'idle' | 'parsing' | 'done' | 'error' | 'suspended';
  progress: ImportProgress | null;
  /** The latest completed parse (possibly of an earlier state while a new one runs). */
  result: UserResult | null;
  error: string | null;
  /** Where parsing runs. */
  where: 'worker' | 'main';
  /** The dataset the page has rendered (the join report of a result waits for its data). */
  applied: Dataset | null;
}

/** What the page needs (stable identity while it does not change: useSyncExternalStore). */
export interface PageData {
  ds: Dataset | undefined;
  /** User files exist whose data has not been shown yet: render nothing without them. */
  waiting: boolean;
  userReport: ImportReport | undefined;
}

const CACHE = 4;

/** A User Timing mark (the benchmark splits its long tasks at these). */
function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

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
  /** prepareDataset of each base package, once. */
  private readonly baseData = new WeakMap<DataPackage, Dataset>();
  /** Bumped by cancel(): a dataset being built for an older run is dropped. */
  private runId = 0;
  /** The URL whose data the page has shown (user files added later keep it showing). */
  private shownUrl: string | null = null;
  private page: PageData | null = null;

  constructor(private readonly store: WorkspaceStore) {
    this.snap = { phase: 'idle', progress: null, result: null, error: null, where: this.client.mode, applied: null };
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
    // results are merged onto the base they were parsed with: a new base parses again
    if (pkg !== null && this.base !== null && pkg !== this.base) {
      this.cache.clear();
      this.wantKey = null;
    }
    this.url = url;
    this.base = pkg;
    this.update();
  }

  /** Marks files just added by the user (a cancel removes them). */
  noteAdded(ids: readonly string[]): void {
    this.recent = [...ids];
  }

  /** True while the app should wait: user files exist (restored, or for a URL not shown yet)
   *  and none of their parses has finished. Files added while the page shows data keep it
   *  showing until their data is ready. */
  waiting(url: string): boolean {
    const st = this.store.getSnapshot();
    if (!st.loaded || st.ws.files.length === 0) return false;
    if (this.snap.phase === 'suspended' || this.snap.phase === 'error') return false;
    if (this.shownUrl === url) return false;
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
    const run = ++this.runId;
    const alive = () => this.wantKey === key && this.runId === run;
    this.set({ phase: 'parsing', progress: null, error: null, where: this.client.mode });
    try {
      const done = await this.client.parse(input, (p) => {
        if (alive()) this.set({ progress: p });
      });
      if (!alive()) return;
      this.set({ progress: { phase: 'preparing' } });
      const ds = await runSliced(assembleDataset(done.prepared, whole ? null : this.baseDataset(base)), alive);
      if (!alive()) return;
      const result: UserResult = {
        key,
        url,
        whole,
        files: ws.files.map((f) => ({ id: f.id, path: f.path })),
        output: { report: done.report, mapped: done.mapped },
        ms: done.ms,
        where: done.where,
        ds,
        base: whole ? null : base,
        units: ds.pkg.units,
        choices: done.prepared.choices,
      };
      this.cache.set(key, result);
      while (this.cache.size > CACHE) this.cache.delete(this.cache.keys().next().value ?? '');
      this.recent = [];
      mark('social-map:import-ready');
      this.set({ phase: 'done', result, progress: null, where: done.where });
    } catch (err) {
      if (err instanceof ParseCancelled || err instanceof SliceAborted || !alive()) return;
      this.set({ phase: 'error', progress: null, error: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Cancel button: stops the parse. Files just added are taken out again; otherwise the
   *  user's data stays unapplied until resume(). */
  cancel(): void {
    if (this.snap.phase !== 'parsing') return;
    this.runId++;
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

  /** The page rendered `ds` (useDataset, after its commit). */
  markApplied(ds: Dataset | undefined): void {
    if (!ds || ds === this.snap.applied) return;
    if (ds === this.snap.result?.ds) mark('social-map:import-shown');
    this.set({ applied: ds });
  }

  /** The result the join report shows: the latest, once the page shows its data (or when the
   *  page will not show it: suspended, failed, stale). */
  reportable(): UserResult | null {
    const r = this.snap.result;
    if (!r || this.snap.phase !== 'done') return r;
    return this.snap.applied === r.ds ? r : null;
  }

  /** prepareDataset(base), once per base package. */
  baseDataset(base: DataPackage): Dataset {
    let ds = this.baseData.get(base);
    if (!ds) this.baseData.set(base, (ds = prepareDataset(base)));
    return ds;
  }

  /** The dataset to show: the user's result for this URL and base, else the base's own. */
  dataset(base: DataPackage, url: string): Dataset {
    const r = this.snap.result && this.snap.result.url === url && this.snap.phase !== 'suspended' ? this.snap.result : null;
    this.shownUrl = url;
    if (r && (r.whole || r.base === base)) return r.ds;
    return this.baseDataset(base);
  }

  /** What the page shows for `url` with `base` loaded (null while it loads); the same object
   *  while nothing it holds changed. */
  pageData(url: string, base: DataPackage | null): PageData {
    const waiting = this.waiting(url);
    const ds = !base || waiting ? undefined : this.dataset(base, url);
    const r = this.snap.result && this.snap.result.url === url ? this.snap.result : null;
    const userReport = r?.output.report;
    const p = this.page;
    if (p && p.ds === ds && p.waiting === waiting && p.userReport === userReport) return p;
    return (this.page = { ds, waiting, userReport });
  }
}
