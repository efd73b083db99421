// Runs every measurement at the chosen sizes and collects the result keys. Pure orchestration:
// the measurements live in import.ts, spatial.ts, gaps.ts and browser.ts.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPmtiles, refreshSite } from '../pmtiles/build';
import { coldLoad, importLongTask, launch, panLarge, chromiumPath } from './browser';
import { measureGaps, type GapsResult } from './gaps';
import { outlineMinZoom } from '../../src/core/geo/labels';
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
  /** Run only these parts (default: all). */
  only?: readonly Part[];
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
  import: ImportResult | null;
  heap: HeapResult | null;
  spatial: SpatialResult | null;
  gaps: GapsResult | null;
  notes: string[];
  chromium: string | null;
}

export const PARTS = ['import', 'heap', 'spatial', 'gaps', 'cold', 'national', 'pmtiles', 'longtask'] as const;
export type Part = (typeof PARTS)[number];

const emptyKeys = (): Keys => ({
  import_mb_per_s: null,
  import_vs_papaparse: null,
  papaparse_mb_per_s: null,
  import_mb: null,
  import_rows: null,
  import_ms: null,
  import_cpu_ms: null,
  papaparse_cpu_ms: null,
  import_vs_papaparse_cpu: null,
  papaparse_tuned_cpu_ms: null,
  import_vs_papaparse_tuned_cpu: null,
  spatial_speedup_vs_naive: null,
  spatial_index_ms: null,
  spatial_naive_ms: null,
  spatial_speedup_vs_naive_cpu: null,
  adjacency_ms: null,
  gap_engine_ms: null,
  gap_engine_cpu_ms: null,
  gap_engine_rerun_ms: null,
  gap_rows_ms: null,
  cold_load_ms: null,
  cold_load_transfer_kb: null,
  cold_load_requests: null,
  max_long_task_ms: null,
  csv_import_in_app_ms: null,
  import_long_task_before_ready_ms: null,
  import_long_task_after_ready_ms: null,
  peak_heap_mb: null,
  heap_before_import_mb: null,
  large_layer_polygons: null,
  large_layer_load_ms: null,
  large_pan_frame_median_ms: null,
  large_pan_frame_p95_ms: null,
  large_pan_max_long_task_ms: null,
  large_outline_zoom: null,
  large_zoomed_zoom: null,
  large_zoomed_pan_frame_median_ms: null,
  large_zoomed_pan_frame_p95_ms: null,
  large_zoomed_pan_max_long_task_ms: null,
  pmtiles_polygons: null,
  pmtiles_mb: null,
  pmtiles_load_ms: null,
  pmtiles_pan_frame_median_ms: null,
  pmtiles_pan_frame_p95_ms: null,
});

export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const sizes: Sizes = { ...(opts.smoke ? SMOKE : FULL), ...opts.sizes };
  const notes: string[] = [];
  const log = opts.log;
  const want = (p: Part): boolean => !opts.only || opts.only.includes(p);
  const keys = emptyKeys();
  const show = (names: string[]): void => log(`  ${names.map((k) => `${k} = ${keys[k] ?? '—'}`).join(', ')}`);
  /** Runs one measurement; a failure becomes a note and leaves its keys null. */
  const step = async (name: string, fn: () => Promise<void> | void): Promise<void> => {
    try {
      await fn();
    } catch (e) {
      const msg = String(e instanceof Error ? e.message : e).split('\n')[0]?.slice(0, 300) ?? '';
      notes.push(`${name} failed: ${msg}`);
      log(`  ${name} FAILED: ${msg}`);
    }
  };

  log(`generating ${sizes.importRows.toLocaleString('en')} indicator rows over ${sizes.importUnits.toLocaleString('en')} units …`);
  const input = importInput(sizes.importRows, sizes.importUnits);
  let imp: ImportResult | null = null;
  if (want('import'))
    await step('import', () => {
      log('import vs PapaParse …');
      const r = measureImport(input, opts.reps);
      imp = r;
      if (!r.ok) notes.push(`import check failed: ${r.observations} observations and ${r.setAside} rows set aside for ${r.rows} rows (${input.bad} bad)`);
      Object.assign(keys, {
        import_mb_per_s: round(r.importMbPerS, 2),
        import_vs_papaparse: round(r.ratio, 3),
        papaparse_mb_per_s: round(r.papaMbPerS, 2),
        import_mb: round(r.mb, 1),
        import_rows: r.rows,
        import_ms: round(Math.min(...r.importMs), 0),
        import_cpu_ms: round(median(r.importCpuMs), 0),
        papaparse_cpu_ms: round(median(r.papaCpuMs), 0),
        import_vs_papaparse_cpu: round(r.ratioCpu, 3),
        papaparse_tuned_cpu_ms: round(median(r.papaTunedCpuMs), 0),
        import_vs_papaparse_tuned_cpu: round(r.ratioTunedCpu, 3),
      });
      show(['import_mb_per_s', 'papaparse_mb_per_s', 'import_vs_papaparse', 'import_vs_papaparse_cpu', 'import_vs_papaparse_tuned_cpu', 'import_cpu_ms']);
    });

  let heap: HeapResult | null = null;
  if (want('heap'))
    await step('peak heap', async () => {
      log('peak heap of one import (child process, --trace-gc) …');
      const h = await peakHeap(sizes.importRows, sizes.importUnits);
      heap = h;
      keys.peak_heap_mb = round(h.peakMiB, 0);
      keys.heap_before_import_mb = round(h.baseMiB, 0);
      show(['peak_heap_mb', 'heap_before_import_mb']);
    });

  let spatial: SpatialResult | null = null;
  if (want('spatial'))
    await step('spatial', () => {
      log(`spatial: ${sizes.points.toLocaleString('en')} points × ${sizes.polygons.toLocaleString('en')} polygons …`);
      collect();
      const r = measureSpatial(sizes.polygons, sizes.points, sizes.naiveSample, opts.reps);
      spatial = r;
      if (r.agree !== r.naiveSample) notes.push(`spatial: the index and Turf disagree on ${r.naiveSample - r.agree} of ${r.naiveSample} sampled points`);
      notes.push(`spatial: the naive Turf loop ran on ${r.naiveSample} evenly spaced points and is extrapolated linearly to ${r.points}`);
      Object.assign(keys, {
        spatial_speedup_vs_naive: round(r.speedup, 1),
        spatial_index_ms: round(r.indexMs, 1),
        spatial_naive_ms: round(r.naiveMs, 0),
        spatial_speedup_vs_naive_cpu: round(r.speedupCpu, 1),
        adjacency_ms: round(r.adjacencyMs, 0),
      });
      show(['spatial_speedup_vs_naive', 'spatial_index_ms', 'spatial_naive_ms', 'spatial_speedup_vs_naive_cpu', 'adjacency_ms']);
    });

  let gaps: GapsResult | null = null;
  if (want('gaps'))
    await step('gap engine', () => {
      log(`gap engine: ${sizes.gapUnits.toLocaleString('en')} units × 20 categories × ${sizes.services.toLocaleString('en')} services …`);
      collect();
      const r = measureGaps(sizes.gapUnits, sizes.services, opts.reps);
      gaps = r;
      Object.assign(keys, {
        gap_engine_ms: round(r.engineMs, 0),
        gap_engine_cpu_ms: round(r.engineCpuMs, 0),
        gap_engine_rerun_ms: r.rerunMs === null ? null : round(r.rerunMs, 0),
        gap_rows_ms: round(r.rowsMs, 0),
      });
      show(['gap_engine_ms', 'gap_engine_cpu_ms', 'gap_engine_rerun_ms', 'gap_rows_ms']);
    });

  const browserParts = (['cold', 'national', 'pmtiles', 'longtask'] as const).filter(want);
  let chromium: string | null = null;
  if (browserParts.length === 0) {
    /* nothing in the browser */
  } else if (!opts.browser) notes.push('browser measurements skipped (--no-browser)');
  else if (!chromiumPath()) notes.push('browser measurements skipped: no Chromium (apt-get install chromium, or set CHROMIUM_PATH)');
  else {
    ensureBuild({ reuse: opts.reuseBuild, log });
    // files the app loads: the national package (?package=) and the CSV to import
    mkdirSync(WWW, { recursive: true });
    const national = `national-${sizes.nationalPolygons}`;
    const nationalTess = tessellate(sizes.nationalPolygons);
    writeNationalPackage(join(WWW, national), nationalTess);
    const outlineZoom = outlineMinZoom(nationalTess.cells.map((c) => c.geometry));
    const importPkg = `national-${sizes.importUnits}`;
    if (importPkg !== national) writeNationalPackage(join(WWW, importPkg), tessellate(sizes.importUnits));
    const csvPath = join(WWW, `indicators-${sizes.importRows}.csv`);
    writeFileSync(csvPath, input.bytes);

    const server = await serve();
    const browser = await launch();
    chromium = browser.version();
    try {
      if (want('cold'))
        await step('cold load', async () => {
          log(`cold load ×${sizes.coldReps} (${server.url}) …`);
          const cold = await coldLoad(browser, server.url, sizes.coldReps);
          keys.cold_load_ms = round(cold.median, 0);
          keys.cold_load_transfer_kb = round(cold.transferBytes / 1024, 1);
          keys.cold_load_requests = cold.requests;
          log(`  cold_load_ms = ${keys.cold_load_ms} (runs: ${cold.ms.join(', ')}); ${keys.cold_load_transfer_kb} KB in ${cold.requests} requests`);
        });

      if (want('national'))
        await step('national layer', async () => {
          log(`national layer: ${sizes.nationalPolygons.toLocaleString('en')} polygons, load and pan …`);
          const pan = await panLarge(browser, `${server.url}?package=/__bench/${national}/datapackage.json`, outlineZoom);
          Object.assign(keys, {
            large_layer_polygons: sizes.nationalPolygons,
            large_layer_load_ms: round(pan.loadMs, 0),
            large_pan_frame_median_ms: round(pan.frameMedianMs, 1),
            large_pan_frame_p95_ms: round(pan.frameP95Ms, 1),
            large_pan_max_long_task_ms: round(pan.maxLongTaskMs, 0),
            large_outline_zoom: outlineZoom,
            large_zoomed_zoom: pan.zoomed?.zoom ?? null,
            large_zoomed_pan_frame_median_ms: pan.zoomed ? round(pan.zoomed.frameMedianMs, 1) : null,
            large_zoomed_pan_frame_p95_ms: pan.zoomed ? round(pan.zoomed.frameP95Ms, 1) : null,
            large_zoomed_pan_max_long_task_ms: pan.zoomed ? round(pan.zoomed.maxLongTaskMs, 0) : null,
          });
          if (pan.zoomed?.zoom != null && pan.zoomed.zoom < outlineZoom) notes.push(`national layer: the zoomed pan ran at zoom ${pan.zoomed.zoom}, below the outlines' ${outlineZoom}`);
          show(['large_layer_load_ms', 'large_pan_frame_median_ms', 'large_pan_frame_p95_ms', 'large_pan_max_long_task_ms', 'large_zoomed_zoom', 'large_zoomed_pan_frame_median_ms', 'large_zoomed_pan_frame_p95_ms', 'large_zoomed_pan_max_long_task_ms']);
        });

      if (want('pmtiles') && sizes.pmtilesPolygons > 0)
        await step('PMTiles layer', async () => {
          const dir = join(WWW, `pmtiles-${sizes.pmtilesPolygons}`);
          const archive = join(dir, 'units.pmtiles');
          if (!existsSync(archive)) {
            log(`PMTiles: tiling ${sizes.pmtilesPolygons.toLocaleString('en')} polygons (once; cached in ${dir}) …`);
            await buildPmtiles({ out: dir, polygons: sizes.pmtilesPolygons, log });
          } else if (existsSync(join(dir, 'site.json'))) refreshSite(dir);
          log(`PMTiles layer: ${sizes.pmtilesPolygons.toLocaleString('en')} polygons, load and pan …`);
          const pm = await panLarge(browser, `${server.url}__bench/pmtiles-${sizes.pmtilesPolygons}/index.html`);
          Object.assign(keys, {
            pmtiles_polygons: sizes.pmtilesPolygons,
            pmtiles_mb: round(statSync(archive).size / 1e6, 1),
            pmtiles_load_ms: round(pm.loadMs, 0),
            pmtiles_pan_frame_median_ms: round(pm.frameMedianMs, 1),
            pmtiles_pan_frame_p95_ms: round(pm.frameP95Ms, 1),
          });
          show(['pmtiles_mb', 'pmtiles_load_ms', 'pmtiles_pan_frame_median_ms', 'pmtiles_pan_frame_p95_ms']);
        });

      if (want('longtask'))
        await step('import in the app', async () => {
          log(`import of ${(input.bytes.length / 1e6).toFixed(1)} MB through the file input, on the ${sizes.importUnits.toLocaleString('en')}-unit package …`);
          const lt = await importLongTask(browser, `${server.url}?package=/__bench/${importPkg}/datapackage.json`, csvPath);
          keys.max_long_task_ms = lt.maxLongTaskMs === null ? null : round(lt.maxLongTaskMs, 0);
          keys.csv_import_in_app_ms = lt.importMs;
          keys.import_long_task_before_ready_ms = lt.beforeReadyMs === null ? null : round(lt.beforeReadyMs, 0);
          keys.import_long_task_after_ready_ms = lt.afterReadyMs === null ? null : round(lt.afterReadyMs, 0);
          if (lt.reason) notes.push(`max_long_task_ms is null: ${lt.reason}`);
          show(['max_long_task_ms', 'csv_import_in_app_ms', 'import_long_task_before_ready_ms', 'import_long_task_after_ready_ms']);
          log(`  long tasks [start after the choice, duration] ms: ${JSON.stringify(lt.tasks)}`);
        });
    } finally {
      await browser.close();
      await server.close();
    }
  }
  for (const k of KEYS) if (keys[k] === null && !notes.some((n) => n.includes(k))) notes.push(`${k} is null: its measurement was skipped or failed (see above)`);
  return { sizes, keys, import: imp, heap, spatial, gaps, notes, chromium };
}
