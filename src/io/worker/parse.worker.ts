/// <reference lib="webworker" />
// The parse worker: runs the same readPackage as the tests and the command line (through
// parseWorkspace), off the page's thread, and reports progress.
import { parseWorkspace } from '../../core/workspace/parse';
import type { ParseRequest, WorkerReply } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<ParseRequest>) => {
  const msg = e.data;
  if (msg?.type !== 'parse') return;
  const post = (r: WorkerReply) => scope.postMessage(r);
  const t0 = performance.now();
  try {
    const output = await parseWorkspace(msg.input, (progress) => post({ type: 'progress', id: msg.id, progress }));
    post({ type: 'done', id: msg.id, output, ms: performance.now() - t0 });
  } catch (err) {
    post({ type: 'error', id: msg.id, message: String(err).slice(0, 300) });
  }
};
