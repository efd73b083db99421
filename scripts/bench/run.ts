// `npm run bench` (full sizes) and `npm run bench:smoke` (tiny sizes). Prints a table, ratios
// against scripts/bench/baseline.json, and as its last line one JSON object (see README.md).
//   --smoke            tiny sizes (seconds)
//   --no-browser       skip the Chromium measurements (their keys are null, with a reason)
//   --reps N           repetitions of the Node timings (default 3; medians are reported)
//   --write-baseline   store this run as scripts/bench/baseline.json
//   --only a,b         run only these parts: import, heap, spatial, gaps, cold, national, pmtiles, longtask
//   --reuse-build      serve the last build in .cache/bench/dist even if sources changed
// Run under `node --expose-gc` (the npm scripts do) for a full collection before each timing.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PARTS, runBench, type BenchOptions, type Part } from './bench';
import { machine } from './machine';
import { formatTable, ratios, type Baseline } from './report';

const args = process.argv.slice(2);
const flag = (f: string): boolean => args.includes(f);
const num = (f: string, d: number): number => {
  const i = args.indexOf(f);
  const v = i >= 0 ? Number(args[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : d;
};

function onlyParts(): Part[] | undefined {
  const i = args.indexOf('--only');
  if (i < 0) return undefined;
  const list = (args[i + 1] ?? '').split(',').map((p) => p.trim());
  const bad = list.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (bad.length > 0) throw new Error(`--only: unknown part(s) ${bad.join(', ')}; parts: ${PARTS.join(', ')}`);
  return list as Part[];
}

const opts: BenchOptions = {
  smoke: flag('--smoke'),
  browser: !flag('--no-browser'),
  reps: num('--reps', flag('--smoke') ? 1 : 3),
  reuseBuild: flag('--reuse-build'),
  only: onlyParts(),
  log: (s) => process.stderr.write(`${s}\n`),
};

const m = machine();
opts.log(`social-map benchmark (${opts.smoke ? 'smoke' : 'full'}) on ${m.cpu}, ${m.cores} cores, Node ${m.node}, load ${m.loadavg}`);
const res = await runBench(opts);

const baselinePath = join(import.meta.dirname, 'baseline.json');
const baseline: Baseline | null = existsSync(baselinePath) ? (JSON.parse(readFileSync(baselinePath, 'utf8')) as Baseline) : null;
const out = { ...res.keys, machine: { ...m, chromium: res.chromium }, smoke: opts.smoke, notes: res.notes };
console.log(formatTable(res, m, baseline && !opts.smoke ? ratios(res.keys, baseline.results) : null));
if (flag('--write-baseline')) {
  if (opts.smoke || opts.only) throw new Error('refusing to write a smoke or partial run as the baseline');
  mkdirSync(import.meta.dirname, { recursive: true });
  writeFileSync(baselinePath, `${JSON.stringify({ date: new Date().toISOString(), machine: out.machine, results: res.keys }, null, 2)}\n`);
  opts.log(`baseline written to ${baselinePath}`);
}
console.log(JSON.stringify(out));
