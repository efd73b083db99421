// Import throughput: the product's import path (readPackage: decode, parse, recognise, validate
// every row, join to the units, cross-table validation) on a generated long-form indicators CSV,
// against a bare PapaParse parse of the same text in the same process. Peak heap of one import
// is measured in a child process (heap-child.ts), see peakHeap().
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Unit } from '../../src/core/model';
import { readPackage } from '../../src/core/parse/package';
import { indicatorsCsv, tessellate } from './generate';
import { cpuNow, median, now, collect } from './stats';

export interface ImportInput {
  units: Unit[];
  text: string;
  bytes: Uint8Array;
  rows: number;
  bad: number;
}

export function importInput(rows: number, unitCount: number): ImportInput {
  const tess = tessellate(unitCount);
  const csv = indicatorsCsv(
    tess.cells.map((u) => u.id),
    rows,
  );
  return { units: tess.units, text: csv.text, bytes: new TextEncoder().encode(csv.text), rows: csv.rows, bad: csv.bad };
}

export interface ImportResult {
  mb: number;
  rows: number;
  papaMs: number[];
  importMs: number[];
  /** CPU time of the same runs (see stats.cpuNow). */
  papaCpuMs: number[];
  importCpuMs: number[];
  papaMbPerS: number;
  importMbPerS: number;
  ratio: number;
  /** The same ratio from CPU times. */
  ratioCpu: number;
  /** PapaParse told the delimiter and line ending (it then skips guessing, which splits the
   *  whole text once per candidate delimiter): CPU ms, and the import's ratio against it. */
  papaTunedCpuMs: number[];
  ratioTunedCpu: number;
  /** Observations read, rows set aside and error issues: a check that the import did its job. */
  observations: number;
  setAside: number;
  ok: boolean;
}

export function importOnce(input: ImportInput): ReturnType<typeof readPackage> {
  return readPackage(null, [{ path: 'indicators.csv', bytes: input.bytes }], { units: input.units });
}

/** Alternates bare PapaParse and the product import `reps` times each; medians are compared.
 *  Each is timed after a full collection with nothing of the others alive. */
export function measureImport(input: ImportInput, reps: number): ImportResult {
  const papaMs: number[] = [];
  const importMs: number[] = [];
  const papaCpuMs: number[] = [];
  const importCpuMs: number[] = [];
  const papaTunedCpuMs: number[] = [];
  let observations = 0;
  let setAside = 0;
  for (let i = 0; i < reps; i++) {
    collect();
    let c = cpuNow();
    let t = now();
    // only the row count is kept: the parsed rows are garbage before the next measurement
    // (held, they were traced by every collection during the import)
    const bare = Papa.parse<string[]>(input.text).data.length;
    papaMs.push(now() - t);
    papaCpuMs.push(cpuNow() - c);
    if (bare < input.rows) throw new Error(`PapaParse read ${bare} of ${input.rows} rows`);
    collect();
    c = cpuNow();
    const tuned = Papa.parse<string[]>(input.text, { delimiter: ',', newline: '\n' }).data.length;
    papaTunedCpuMs.push(cpuNow() - c);
    if (tuned < input.rows) throw new Error(`PapaParse read ${tuned} of ${input.rows} rows`);
    collect();
    c = cpuNow();
    t = now();
    const res = importOnce(input);
    importMs.push(now() - t);
    importCpuMs.push(cpuNow() - c);
    observations = res.pkg.observations.length;
    setAside = res.report.files.reduce((s, f) => s + f.setAside.length, 0);
  }
  const mb = input.bytes.length / 1e6;
  const papaMbPerS = mb / (median(papaMs) / 1000);
  const importMbPerS = mb / (median(importMs) / 1000);
  // every good row must become an observation and every bad row be set aside
  const ok = observations === input.rows - input.bad && setAside === input.bad;
  const ratioCpu = median(papaCpuMs) / median(importCpuMs);
  const ratioTunedCpu = median(papaTunedCpuMs) / median(importCpuMs);
  return { mb, rows: input.rows, papaMs, importMs, papaCpuMs, importCpuMs, papaTunedCpuMs, papaMbPerS, importMbPerS, ratio: importMbPerS / papaMbPerS, ratioCpu, ratioTunedCpu, observations, setAside, ok };
}

export interface HeapResult {
  /** Largest V8 heap in use seen during the import, MiB (before each GC, and at the end). */
  peakMiB: number;
  /** Heap in use just before the import started (after a full GC), MiB. */
  baseMiB: number;
  gcs: number;
}

/**
 * Peak heap of one import, in a fresh process run with `--expose-gc --trace-gc`: V8 prints the
 * heap in use before and after every collection; the heap only grows between collections, so
 * the largest "before" figure (or the final figure) is the peak. readPackage is synchronous, so
 * sampling with a timer would never run during it.
 */
export async function peakHeap(rows: number, unitCount: number): Promise<HeapResult> {
  // one retry: a child process can fail to start when the machine is busy
  try {
    return await peakHeapOnce(rows, unitCount);
  } catch {
    return peakHeapOnce(rows, unitCount);
  }
}

function peakHeapOnce(rows: number, unitCount: number): Promise<HeapResult> {
  const child = fileURLToPath(new URL('./heap-child.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--expose-gc', '--trace-gc', '--import', 'tsx', child, String(rows), String(unitCount)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`heap child exited with ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`));
      // Markers are found by prefix; the import's collections are the trace lines after the
      // last forced one (`testing`), so the order of V8's and Node's writes does not matter.
      const lines = out.split('\n');
      const startLine = lines.find((l) => l.startsWith('HEAP_START'));
      const endLine = lines.find((l) => l.startsWith('HEAP_END'));
      if (!startLine || !endLine) return reject(new Error('heap child printed no markers'));
      const baseMiB = Number(startLine.split(' ')[1]) / 2 ** 20;
      let peak = Number(endLine.split(' ')[1]) / 2 ** 20;
      const trace = lines.filter((l) => / ms: [A-Za-z -]+ [\d.]+ \([\d.]+\) -> /.test(l));
      let lastForced = -1;
      trace.forEach((l, i) => {
        if (l.includes('testing')) lastForced = i;
      });
      let gcs = 0;
      for (const l of trace.slice(lastForced + 1)) {
        const m = / ms: [A-Za-z -]+ ([\d.]+) \(([\d.]+)\) -> /.exec(l);
        if (!m) continue;
        gcs++;
        peak = Math.max(peak, Number(m[1]));
      }
      resolve({ peakMiB: peak, baseMiB, gcs });
    });
  });
}
