// Page side of the parse worker: one parse at a time (a new one, or cancel(), terminates the
// worker running the previous one), progress callbacks, and a main-thread fallback when
// Worker is unavailable or the worker script cannot start. The result is a PreparedImport (the
// user's data merged onto the base and indexed); the page turns it into a Dataset in slices.
import { objectIds } from '../../core/identity';
import type { Observation, Unit } from '../../core/model';
import { parseWorkspace, type ParseInput } from '../../core/workspace/parse';
import { prepareImport } from '../../core/workspace/prepared';
import { packObservationsSteps, packUnitsSteps, type PackedObservations, type PackedUnits } from '../../core/workspace/transfer';
import type { ImportProgress, ParseRequest, ParseResult, WorkerReply, WorkerRequest } from './protocol';
import { runSliced, yieldToPage } from './slices';

export interface ParseDone extends ParseResult {
  /** Parse (and prepare) time inside the worker (or on the main thread), ms. */
  ms: number;
  where: 'worker' | 'main';
}

// The base in columns, packed in slices once per base package (its arrays never change), and
// sent once per worker (copied by postMessage, not transferred, so the cache stays whole).
const packedUnits = new WeakMap<readonly Unit[], Promise<PackedUnits>>();
const packedObs = new WeakMap<readonly Observation[], Promise<PackedObservations>>();
const idOf = objectIds();
function unitsOf(units: readonly Unit[]): Promise<PackedUnits> {
  let p = packedUnits.get(units);
  if (!p) packedUnits.set(units, (p = runSliced(packUnitsSteps(units))));
  return p;
}
function observationsOf(obs: readonly Observation[]): Promise<PackedObservations> {
  let p = packedObs.get(obs);
  if (!p) packedObs.set(obs, (p = runSliced(packObservationsSteps(obs))));
  return p;
}

export class ParseCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ParseCancelled';
  }
}

interface Pending {
  id: number;
  resolve(d: ParseDone): void;
  reject(e: Error): void;
  onProgress(p: ImportProgress): void;
  input: ParseInput;
  started: boolean;
}

export class ParseClient {
  private worker: Worker | null = null;
  private workerBroken = typeof Worker === 'undefined';
  private pending: Pending | null = null;
  private nextId = 1;
  /** The base the running worker holds. */
  private workerBase: string | null = null;

  /** Where the next parse will run. */
  get mode(): 'worker' | 'main' {
    return this.workerBroken ? 'main' : 'worker';
  }

  private spawn(): Worker | null {
    if (this.workerBroken) return null;
    if (this.worker) return this.worker;
    try {
      const w = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name: 'social-map-parse' });
      w.onmessage = (e: MessageEvent<WorkerReply>) => this.onReply(e.data);
      w.onerror = (e) => {
        e.preventDefault();
        const p = this.pending;
        this.terminate();
        // the script did not start: parse here instead; a crash mid-parse is an error
        if (p && !p.started) {
          this.workerBroken = true;
          this.runOnMain(p);
        } else if (p) {
          this.pending = null;
          p.reject(new Error(e.message || 'worker error'));
        }
      };
      this.worker = w;
      return w;
    } catch {
      this.workerBroken = true;
      return null;
    }
  }

  private onReply(r: WorkerReply): void {
    const p = this.pending;
    if (!p || r.id !== p.id) return;
    p.started = true;
    if (r.type === 'progress') p.onProgress(r.progress);
    else {
      this.pending = null;
      if (r.type === 'done') p.resolve({ prepared: r.prepared, report: r.report, mapped: r.mapped, ms: r.ms, where: 'worker' });
      else p.reject(new Error(r.message));
    }
  }

  private runOnMain(p: Pending): void {
    this.pending = p;
    const t0 = performance.now();
    // yield once so that the progress bar paints before the page is busy
    setTimeout(() => {
      parseWorkspace(p.input, (x) => p.onProgress(x)).then(
        (output) => {
          if (this.pending !== p) return;
          this.pending = null;
          const prepared = prepareImport(p.input.base, output.pkg);
          p.resolve({ prepared, report: output.report, mapped: output.mapped, ms: performance.now() - t0, where: 'main' });
        },
        (err: unknown) => {
          if (this.pending !== p) return;
          this.pending = null;
          p.reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
    }, 0);
  }

  /** Parses `input`; cancels any parse still running. Bytes are copied, then transferred. */
  parse(input: ParseInput, onProgress: (p: ImportProgress) => void): Promise<ParseDone> {
    this.cancel();
    return new Promise<ParseDone>((resolve, reject) => {
      const p: Pending = { id: this.nextId++, resolve, reject, onProgress, input, started: false };
      const w = this.spawn();
      if (!w) {
        this.runOnMain(p);
        return;
      }
      this.pending = p;
      void this.send(w, p);
    });
  }

  /** Sends the base (when this worker does not hold it yet), then the files: one message per
   *  task, so that no task copies everything at once. */
  private async send(w: Worker, p: Pending): Promise<void> {
    const live = () => this.pending === p && this.worker === w;
    const post = (m: WorkerRequest, transfer: Transferable[] = []) => w.postMessage(m, transfer);
    try {
      const b = p.input.base;
      const base = b ? `${idOf(b.units)}:${idOf(b.observations)}` : null;
      if (b && base !== null && this.workerBase !== base) {
        const units = await unitsOf(b.units);
        if (!live()) return;
        post({ type: 'base-units', base, units });
        await yieldToPage();
        const observations = await observationsOf(b.observations);
        if (!live()) return;
        post({ type: 'base-observations', base, observations });
        this.workerBase = base;
        await yieldToPage();
        if (!live()) return;
      }
      const { files: own, aliases, mappings, limits } = p.input;
      const files = own.map((f) => ({ ...f, bytes: f.bytes.slice() }));
      const msg: ParseRequest = { type: 'parse', id: p.id, base, input: { files, aliases, mappings, ...(limits ? { limits } : {}) } };
      post(msg, files.map((f) => f.bytes.buffer as ArrayBuffer));
    } catch (err) {
      if (!live()) return;
      this.pending = null;
      p.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.workerBase = null;
  }

  /** Stops the running parse (terminates the worker); its promise rejects with ParseCancelled. */
  cancel(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    if (this.mode === 'worker') this.terminate();
    p.reject(new ParseCancelled());
  }

  dispose(): void {
    this.cancel();
    this.terminate();
  }
}
