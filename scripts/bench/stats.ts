// Small timing helpers shared by the benchmark's measurements.

export const now = (): number => performance.now();

/** CPU time of this process (all threads: the main thread and V8's GC helpers), ms. Less
 *  disturbed than wall time when other work shares the machine. */
export const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? Number.NaN) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN;
}

/** Runs `fn` `reps` times (after an optional collection) and returns every duration in ms. */
export function timeReps<T>(reps: number, fn: () => T): { ms: number[]; cpu: number[]; last: T } {
  const ms: number[] = [];
  const cpu: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < reps; i++) {
    collect();
    const c = cpuNow();
    const t = now();
    last = fn();
    ms.push(now() - t);
    cpu.push(cpuNow() - c);
  }
  if (last === undefined) throw new Error('timeReps: reps must be ≥ 1');
  return { ms, cpu, last };
}

/** Full garbage collection when node runs with --expose-gc (run.ts re-executes itself so). */
export function collect(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === 'function') g();
}

export const round = (x: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
