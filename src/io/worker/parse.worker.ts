/// <reference lib="webworker" />
// The parse worker: runs the same readPackage as the tests and the command line (through
// parseWorkspace), then merges the result onto the base package and indexes it (prepareImport),
// off the page's thread, and reports progress. The result goes back in typed arrays, transferred.
// The base package arrives in columns before the first parse and is kept for the next ones.
import type { Observation, Unit } from '../../core/model';
import { parseWorkspace } from '../../core/workspace/parse';
import { prepareImport, preparedBuffers } from '../../core/workspace/prepared';
import { unpackObservations, unpackUnits, type PackedObservations, type PackedUnits } from '../../core/workspace/transfer';
import type { WorkerReply, WorkerRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

let base: { id: string; units?: PackedUnits; observations?: PackedObservations; open?: { units: Unit[]; observations: Observation[] } } | null = null;

function baseFor(id: string | null): { units: Unit[]; observations: Observation[] } | null {
  if (id === null) return null;
  if (!base || base.id !== id || !base.units || !base.observations) throw new Error('the base package did not reach the parse worker');
  base.open ??= { units: unpackUnits(base.units), observations: unpackObservations(base.observations) };
  return base.open;
}

scope.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  if (msg?.type === 'base-units' || msg?.type === 'base-observations') {
    if (!base || base.id !== msg.base) base = { id: msg.base };
    if (msg.type === 'base-units') base.units = msg.units;
    else base.observations = msg.observations;
    return;
  }
  if (msg?.type !== 'parse') return;
  const post = (r: WorkerReply, transfer: Transferable[] = []) => scope.postMessage(r, transfer);
  const t0 = performance.now();
  try {
    const ctx = baseFor(msg.base);
    const output = await parseWorkspace({ ...msg.input, base: ctx }, (progress) => post({ type: 'progress', id: msg.id, progress }));
    post({ type: 'progress', id: msg.id, progress: { phase: 'preparing' } });
    const prepared = prepareImport(ctx, output.pkg);
    post({ type: 'done', id: msg.id, prepared, report: output.report, mapped: output.mapped, ms: performance.now() - t0 }, preparedBuffers(prepared));
  } catch (err) {
    post({ type: 'error', id: msg.id, message: String(err).slice(0, 300) });
  }
};
