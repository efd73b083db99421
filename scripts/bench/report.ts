// The readable table printed before the JSON line, with targets and ratios to the baseline.
import type { BenchResult, Keys } from './bench';
import type { Machine } from './machine';

export interface Baseline {
  date: string;
  machine: Machine & { chromium?: string | null };
  results: Keys;
}

/** Targets of issue 8: `min` means higher is better. */
export const TARGETS: Record<string, { min?: number; max?: number }> = {
  import_vs_papaparse: { min: 0.6 },
  spatial_speedup_vs_naive: { min: 20 },
  max_long_task_ms: { max: 200 },
  gap_engine_ms: { max: 2000 },
  cold_load_ms: { max: 3000 },
};

/** current / baseline for every key both have as a number. */
export function ratios(cur: Keys, base: Keys): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(cur)) {
    const b = base[k];
    if (typeof v === 'number' && typeof b === 'number' && b !== 0) out[k] = Math.round((v / b) * 100) / 100;
  }
  return out;
}

const LABELS: [string, string, string][] = [
  ['import_mb_per_s', 'import: parse + validate + join', 'MB/s'],
  ['papaparse_mb_per_s', 'bare PapaParse, same text', 'MB/s'],
  ['import_vs_papaparse', 'import ÷ PapaParse throughput', '×'],
  ['import_vs_papaparse_cpu', 'the same ratio from CPU time', '×'],
  ['import_ms', 'import, best run', 'ms'],
  ['import_cpu_ms', 'import, CPU time (median)', 'ms'],
  ['papaparse_cpu_ms', 'bare PapaParse, CPU time (median)', 'ms'],
  ['papaparse_tuned_cpu_ms', 'PapaParse told delimiter + newline, CPU', 'ms'],
  ['import_vs_papaparse_tuned_cpu', 'import ÷ that PapaParse (CPU)', '×'],
  ['peak_heap_mb', 'peak heap during the import', 'MiB'],
  ['heap_before_import_mb', 'heap before the import', 'MiB'],
  ['spatial_index_ms', 'assignPoints (Flatbush)', 'ms'],
  ['spatial_naive_ms', 'naive Turf loop (extrapolated)', 'ms'],
  ['spatial_speedup_vs_naive', 'spatial speed-up', '×'],
  ['spatial_speedup_vs_naive_cpu', 'the same speed-up from CPU time', '×'],
  ['adjacency_ms', 'adjacency of the polygons', 'ms'],
  ['gap_engine_ms', 'gap engine (runGaps), first run', 'ms'],
  ['gap_engine_cpu_ms', 'gap engine, first run, CPU time', 'ms'],
  ['gap_engine_rerun_ms', 'gap engine rerun (tree cached), median', 'ms'],
  ['gap_rows_ms', 'building every gap row', 'ms'],
  ['cold_load_ms', 'cold load, default data (median)', 'ms'],
  ['cold_load_transfer_kb', '  transferred until drawn', 'KB'],
  ['cold_load_requests', '  requests until drawn', 'requests'],
  ['max_long_task_ms', 'longest main-thread task, CSV import in app', 'ms'],
  ['csv_import_in_app_ms', 'CSV import in the app, file → join report', 'ms'],
  ['import_long_task_before_ready_ms', '  of which: longest until the data is ready', 'ms'],
  ['import_long_task_after_ready_ms', '  of which: longest while the page draws it', 'ms'],
  ['large_layer_polygons', 'national layer', 'polygons'],
  ['large_layer_load_ms', 'national layer: load → drawn', 'ms'],
  ['large_pan_frame_median_ms', 'national layer: pan/zoom frame, median', 'ms'],
  ['large_pan_frame_p95_ms', 'national layer: pan/zoom frame, p95', 'ms'],
  ['large_pan_max_long_task_ms', 'national layer: longest task while panning', 'ms'],
  ['large_outline_zoom', 'national layer: unit outlines drawn from zoom', ''],
  ['large_zoomed_zoom', 'national layer: zoom of the zoomed-in pan', ''],
  ['large_zoomed_pan_frame_median_ms', 'national layer zoomed in (outlines): frame, median', 'ms'],
  ['large_zoomed_pan_frame_p95_ms', 'national layer zoomed in (outlines): frame, p95', 'ms'],
  ['large_zoomed_pan_max_long_task_ms', 'national layer zoomed in: longest task', 'ms'],
  ['pmtiles_polygons', 'PMTiles layer (one static file)', 'polygons'],
  ['pmtiles_mb', 'PMTiles file size', 'MB'],
  ['pmtiles_load_ms', 'PMTiles layer: load → drawn', 'ms'],
  ['pmtiles_pan_frame_median_ms', 'PMTiles layer: pan/zoom frame, median', 'ms'],
  ['pmtiles_pan_frame_p95_ms', 'PMTiles layer: pan/zoom frame, p95', 'ms'],
];

function status(key: string, v: number | null): string {
  const t = TARGETS[key];
  if (!t || v === null) return '';
  if (t.min !== undefined) return v >= t.min ? `ok (≥ ${t.min})` : `MISS (≥ ${t.min})`;
  if (t.max !== undefined) return v <= t.max ? `ok (≤ ${t.max})` : `MISS (≤ ${t.max})`;
  return '';
}

const fmt = (v: number | null): string => (v === null ? '—' : v.toLocaleString('en', { maximumFractionDigits: 3 }));

export function formatTable(res: BenchResult, m: Machine, vsBaseline: Record<string, number> | null): string {
  const s = res.sizes;
  const lines: string[] = [];
  lines.push('');
  lines.push(`machine: ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB, Node ${m.node}${res.chromium ? `, Chromium ${res.chromium}` : ''}, load average ${m.loadavg}`);
  const mb = res.import ? ` (${res.import.mb.toFixed(1)} MB)` : '';
  const pairs = res.gaps ? ` (${res.gaps.pairs} norm pairs)` : '';
  lines.push(
    `sizes: import ${s.importRows.toLocaleString('en')} rows${mb} over ${s.importUnits.toLocaleString('en')} units; ` +
      `${s.points.toLocaleString('en')} points × ${s.polygons.toLocaleString('en')} polygons; gaps ${s.gapUnits.toLocaleString('en')} units × 20 categories × ${s.services.toLocaleString('en')} services${pairs}; ` +
      `national layer ${s.nationalPolygons.toLocaleString('en')} polygons; PMTiles ${s.pmtilesPolygons.toLocaleString('en')} polygons`,
  );
  lines.push('');
  const rows: string[][] = [['measure', 'value', 'unit', 'target', 'vs baseline']];
  for (const [k, label, unit] of LABELS) {
    const v = res.keys[k] ?? null;
    const r = vsBaseline?.[k];
    rows.push([label, fmt(v), unit, status(k, v), r === undefined ? '' : `${r.toFixed(2)}×`]);
  }
  const w = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  rows.forEach((r, ri) => {
    lines.push(`| ${r.map((c, i) => (i === 1 ? c.padStart(w[i] ?? 0) : c.padEnd(w[i] ?? 0))).join(' | ')} |`);
    if (ri === 0) lines.push(`|${w.map((n, i) => (i === 1 ? `${'-'.repeat(n + 1)}:` : '-'.repeat(n + 2))).join('|')}|`);
  });
  if (res.notes.length > 0) {
    lines.push('');
    for (const n of res.notes) lines.push(`note: ${n}`);
  }
  lines.push('');
  return lines.join('\n');
}
