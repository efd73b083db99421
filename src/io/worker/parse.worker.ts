/// <reference lib="webworker" />
// The parse worker: runs the same readPackage as the tests and the command line (through
// parseWorkspace), off the page's thread, and reports progress.
import { parseWorkspace } from '../../core/workspace/parse';
import { packObservations, packedBuffers } from '../../core/workspace/transfer';
import type { ParseRequest, WorkerReply } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<ParseRequest>) => {
  const msg = e.data;
  if (msg?.type !== 'parse') return;
  const post = (r: WorkerReply, transfer: Transferable[] = []) => scope.postMessage(r, transfer);
  const t0 = performance.now();
  try {
    const output = await parseWorkspace(msg.input, (progress) => post({ type: 'progress', id: msg.id, progress }));
    const observations = packObservations(output.pkg.observations);
    const light = { ...output, pkg: { ...output.pkg, observations: [] } };
    post({ type: 'done', id: msg.id, output: light, observations, ms: performance.now() - t0 }, packedBuffers(observations));
  } catch (err) {
    post({ type: 'error', id: msg.id, message: String(err).slice(0, 300) });
  }
};
