/// <reference lib="webworker" />
// The parse worker: runs the same readPackage as the tests and the command line (through
// parseWorkspace), then merges the result onto the base package and indexes it (prepareImport),
// off the page's thread, and reports progress. The result goes back in typed arrays, transferred.
import { parseWorkspace } from '../../core/workspace/parse';
import { prepareImport, preparedBuffers } from '../../core/workspace/prepared';
import { unpackObservations, unpackUnits } from '../../core/workspace/transfer';
import type { ParseRequest, WorkerReply } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<ParseRequest>) => {
  const msg = e.data;
  if (msg?.type !== 'parse') return;
  const post = (r: WorkerReply, transfer: Transferable[] = []) => scope.postMessage(r, transfer);
  const t0 = performance.now();
  try {
    const packed = msg.input.base;
    const base = packed ? { units: unpackUnits(packed.units), observations: unpackObservations(packed.observations) } : null;
    const output = await parseWorkspace({ ...msg.input, base }, (progress) => post({ type: 'progress', id: msg.id, progress }));
    post({ type: 'progress', id: msg.id, progress: { phase: 'preparing' } });
    const prepared = prepareImport(base, output.pkg);
    post({ type: 'done', id: msg.id, prepared, report: output.report, mapped: output.mapped, ms: performance.now() - t0 }, preparedBuffers(prepared));
  } catch (err) {
    post({ type: 'error', id: msg.id, message: String(err).slice(0, 300) });
  }
};
