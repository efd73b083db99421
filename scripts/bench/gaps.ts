// The gap engine at national scale: runGaps on units × 20 categories × services with generated
// norms. The engine caches the unit tree and point locator per units array, so the first run
// (cold) is the one reported; later runs (what-if reruns) are reported apart. Rows are built
// lazily by the engine; building all of them is timed separately.
import { runGaps } from '../../src/core/gaps/engine';
import { gapPackage, tessellate } from './generate';
import { median, now, timeReps } from './stats';

export interface GapsResult {
  units: number;
  services: number;
  pairs: number;
  runMs: number[];
  /** The first run (nothing cached). */
  engineMs: number;
  engineCpuMs: number;
  /** Median of the later runs (unit tree and locator cached), when reps > 1. */
  rerunMs: number | null;
  /** Building every unit and aggregate row object once (not part of engineMs). */
  rowsMs: number;
  rows: number;
}

export function measureGaps(unitCount: number, serviceCount: number, reps: number): GapsResult {
  const tess = tessellate(unitCount);
  const pkg = gapPackage(tess, serviceCount);
  const run = timeReps(reps, () => runGaps(pkg));
  const t = now();
  const rows = run.last.rows().length;
  const rowsMs = now() - t;
  return {
    units: tess.cells.length,
    services: pkg.services.length,
    pairs: run.last.pairs.length,
    runMs: run.ms,
    engineMs: run.ms[0] ?? Number.NaN,
    engineCpuMs: run.cpu[0] ?? Number.NaN,
    rerunMs: run.ms.length > 1 ? median(run.ms.slice(1)) : null,
    rowsMs,
    rows,
  };
}
