// Runs a core generator (e.g. assembleDataset) on the page in slices of about `budgetMs`,
// giving the event loop a turn between slices so that no task blocks the page for long.
// scheduler.yield() where the browser has it (the continuation keeps its priority), else a
// MessageChannel message (not clamped to 4 ms like nested setTimeout).

interface SchedulerLike {
  yield?: () => Promise<void>;
}

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

function nextTask(): Promise<void> {
  const s = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const c = channel;
  return new Promise((r) => {
    waiting.push(r);
    c.port2.postMessage(0);
  });
}

/** Thrown when `alive()` turns false between slices. */
export class SliceAborted extends Error {
  constructor() {
    super('aborted');
    this.name = 'SliceAborted';
  }
}

/** Gives the event loop a turn (for callers that slice their own loops). */
export const yieldToPage = nextTask;

export async function runSliced<T>(g: Generator<void, T, void>, alive: () => boolean = () => true, budgetMs = 12): Promise<T> {
  for (;;) {
    const t0 = performance.now();
    for (;;) {
      const r = g.next();
      if (r.done) return r.value;
      if (performance.now() - t0 >= budgetMs) break;
    }
    await nextTask();
    if (!alive()) {
      g.return(undefined as never);
      throw new SliceAborted();
    }
  }
}
