// Runs every measurement at the chosen sizes and collects the result keys. Pure orchestration:
// the measurements live in import.ts, spatial.ts, gaps.ts and browser.ts.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPmtiles } from '../pmtiles/build';
import { coldLoad, importLongTask, launch, panLarge, chromiumPath } from './browser';
import { measureGaps, type GapsResult } from './gaps';
import { tessellate } from './generate';
import { importInput, measureImport, peakHeap, type HeapResult, type ImportResult } from './import';
import { writeNationalPackage } from './national';
import { ensureBuild, serve, WWW } from './server';
import { measureSpatial, type SpatialResult } from './spatial';
import { collect, median, round } from './stats';

export interface Sizes {
  importRows: number;
  importUnits: number;
  points: number;
  polygons: number;
  naiveSample: number;
  gapUnits: number;
  services: number;
  coldReps: number;
  nationalPolygons: number;
  /** Polygons of the PMTiles layer (0: skip). */
  pmtilesPolygons: number;
}

export const FULL: Sizes = {
  importRows: 1_000_000,
  importUnits: 10_000,
  points: 100_000,
  polygons: 10_000,
  naiveSample: 500,
  gapUnits: 10_000,
  services: 100_000,
  coldReps: 3,
  nationalPolygons: 10_000,
  pmtilesPolygons: 50_000,
};

export const SMOKE: Sizes = {
  importRows: 5_000,
  importUnits: 200,
  points: 2_000,
  polygons: 200,
  naiveSample: 200,
  gapUnits: 200,
  services: 2_000,
  coldReps: 1,
  nationalPolygons: 200,
  pmtilesPolygons: 500,
};

export interface BenchOptions {
  smoke: boolean;
  browser: boolean;
  reps: number;
  /** Serve the last build even when sources changed since. */
  reuseBuild: boolean;
  log: (s: string) => void;
  sizes?: Partial<Sizes>;
}

/** The JSON keys (null only with a note saying why). */
export const KEYS = [
  'import_mb_per_s',
  'import_vs_papaparse',
  'spatial_speedup_vs_naive',
  'gap_engine_ms',
  'cold_load_ms',
  'max_long_task_ms',
  'peak_heap_mb',
] as const;

export type Keys = Record<(typeof KEYS)[number], number | null> & Record<string, number | null>;

export interface BenchResult {
  sizes: Sizes;
  keys: Keys;
  import: ImportResult;
  heap: HeapResult;
  spatial: SpatialResult;
  gaps: GapsResult;
  notes: string[];
  chromium: string | null;
}

export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const sizes: Sizes = { ...(opts.smoke ? SMOKE : FULL), ...opts.sizes };
  const notes: string[] = [];
  const log = opts.log;

  log(`import: ${sizes.importRows.toLocaleString('en')} rows over ${sizes.importUnits.toLocaleString('en')} units …`);
  const input = importInput(sizes.importRows, sizes.importUnits);
  const imp = measureImport(input, opts.reps);
  if (!imp.ok) notes.push(`import check failed: ${imp.observations} observations and ${imp.setAside} rows set aside for ${imp.rows} rows (${input.bad} bad)`);
  log(`peak heap (child process, --trace-gc) …`);
  const heap = await peakHeap(sizes.importRows, sizes.importUnits);

  log(`spatial: ${sizes.points.toLocaleString('en')} points × ${sizes.polygons.toLocaleString('en')} polygons …`);
  collect();
  const spatial = measureSpatial(sizes.polygons, sizes.points, sizes.naiveSample, opts.reps);
  if (spatial.agree !== spatial.naiveSample) notes.push(`spatial: the index and Turf disagree on ${spatial.naiveSample - spatial.agree} of ${spatial.naiveSample} sampled points`);
  notes.push(`spatial: the naive Turf loop ran on ${spatial.naiveSample} evenly spaced points and is extrapolated linearly to ${spatial.points}`);

  log(`gap engine: ${sizes.gapUnits.toLocaleString('en')} units × 20 categories × ${sizes.services.toLocaleString('en')} services …`);
  collect();
  const gaps = measureGaps(sizes.gapUnits, sizes.services, opts.reps);

  const keys: Keys = {
    import_mb_per_s: round(imp.importMbPerS, 2),
    import_vs_papaparse: round(imp.ratio, 3),
    papaparse_mb_per_s: round(imp.papaMbPerS, 2),
    import_mb: round(imp.mb, 1),
    import_rows: imp.rows,
    import_ms: round(Math.min(...imp.importMs), 0),
    import_cpu_ms: round(median(imp.importCpuMs), 0),
    papaparse_cpu_ms: round(median(imp.papaCpuMs), 0),
    import_vs_papaparse_cpu: round(imp.ratioCpu, 3),
    spatial_speedup_vs_naive: round(spatial.speedup, 1),
    spatial_index_ms: round(spatial.indexMs, 1),
    spatial_naive_ms: round(spatial.naiveMs, 0),
    spatial_speedup_vs_naive_cpu: round(spatial.speedupCpu, 1),
    adjacency_ms: round(spatial.adjacencyMs, 0),
    gap_engine_ms: round(gaps.engineMs, 0),
    gap_engine_cpu_ms: round(gaps.engineCpuMs, 0),
    gap_rows_ms: round(gaps.rowsMs, 0),
    cold_load_ms: null,
    max_long_task_ms: null,
    peak_heap_mb: round(heap.peakMiB, 0),
    heap_before_import_mb: round(heap.baseMiB, 0),
    large_layer_polygons: null,
    large_layer_load_ms: null,
    large_pan_frame_median_ms: null,
    large_pan_frame_p95_ms: null,
    large_pan_max_long_task_ms: null,
    csv_import_in_app_ms: null,
    pmtiles_polygons: null,
    pmtiles_mb: null,
    pmtiles_load_ms: null,
    pmtiles_pan_frame_median_ms: null,
    pmtiles_pan_frame_p95_ms: null,
  };

  let chromium: string | null = null;
  if (!opts.browser) notes.push('browser measurements skipped (--no-browser)');
  else if (!chromiumPath()) notes.push('browser measurements skipped: no Chromium (apt-get install chromium, or set CHROMIUM_PATH)');
  else {
    ensureBuild({ reuse: opts.reuseBuild, log });
    // files the app loads: the national package (?package=) and the CSV to import
    const tess = tessellate(sizes.nationalPolygons);
    const pkgDir = join(WWW, `national-${sizes.nationalPolygons}`);
    writeNationalPackage(pkgDir, tess);
    mkdirSync(WWW, { recursive: true });
    const importTess = tessellate(sizes.importUnits);
    const importPkgDir = join(WWW, `national-${sizes.importUnits}`);
    if (importPkgDir !== pkgDir) writeNationalPackage(importPkgDir, importTess);
    const csvPath = join(WWW, `indicators-${sizes.importRows}.csv`);
    writeFileSync(csvPath, input.bytes);

    let pmtilesDir: string | null = null;
    if (sizes.pmtilesPolygons > 0) {
      pmtilesDir = join(WWW, `pmtiles-${sizes.pmtilesPolygons}`);
      const archive = join(pmtilesDir, 'units.pmtiles');
      if (!existsSync(archive)) {
        log(`PMTiles: tiling ${sizes.pmtilesPolygons.toLocaleString('en')} polygons (once; cached in ${pmtilesDir}) …`);
        await buildPmtiles({ out: pmtilesDir, polygons: sizes.pmtilesPolygons, log });
      }
      keys.pmtiles_polygons = sizes.pmtilesPolygons;
      keys.pmtiles_mb = round(statSync(archive).size / 1e6, 1);
    }

    const server = await serve();
    const browser = await launch();
    chromium = browser.version();
    try {
      log(`cold load ×${sizes.coldReps} (${server.url}) …`);
      const cold = await coldLoad(browser, server.url, sizes.coldReps);
      keys.cold_load_ms = round(cold.median, 0);

      log(`national layer: ${tess.cells.length.toLocaleString('en')} polygons, load and pan …`);
      const pan = await panLarge(browser, `${server.url}?package=/__bench/national-${sizes.nationalPolygons}/datapackage.json`);
      keys.large_layer_polygons = tess.cells.length;
      keys.large_layer_load_ms = round(pan.loadMs, 0);
      keys.large_pan_frame_median_ms = round(pan.frameMedianMs, 1);
      keys.large_pan_frame_p95_ms = round(pan.frameP95Ms, 1);
      keys.large_pan_max_long_task_ms = round(pan.maxLongTaskMs, 0);

      if (pmtilesDir) {
        log(`PMTiles layer: ${sizes.pmtilesPolygons.toLocaleString('en')} polygons, load and pan …`);
        const pm = await panLarge(browser, `${server.url}__bench/pmtiles-${sizes.pmtilesPolygons}/index.html`);
        keys.pmtiles_load_ms = round(pm.loadMs, 0);
        keys.pmtiles_pan_frame_median_ms = round(pm.frameMedianMs, 1);
        keys.pmtiles_pan_frame_p95_ms = round(pm.frameP95Ms, 1);
      }

      log(`import of ${round(imp.mb, 1)} MB through the file input …`);
      const lt = await importLongTask(browser, `${server.url}?package=/__bench/national-${sizes.importUnits}/datapackage.json`, csvPath);
      keys.max_long_task_ms = lt.maxLongTaskMs === null ? null : round(lt.maxLongTaskMs, 0);
      keys.csv_import_in_app_ms = lt.importMs;
      if (lt.reason) notes.push(`max_long_task_ms is null: ${lt.reason}`);
    } finally {
      await browser.close();
      await server.close();
    }
  }
  return { sizes, keys, import: imp, heap, spatial, gaps, notes, chromium };
}
