// Run by import.ts under `node --expose-gc --trace-gc`: one import between two markers, so
// that the GC trace lines in between belong to the import. Prints heapUsed in bytes.
import { collect } from './stats';
import { importInput, importOnce } from './import';

const rows = Number(process.argv[2] ?? 1000);
const units = Number(process.argv[3] ?? 100);
const input = importInput(rows, units);
collect();
collect();
process.stdout.write(`HEAP_START ${process.memoryUsage().heapUsed}\n`);
const res = importOnce(input);
process.stdout.write(`HEAP_END ${process.memoryUsage().heapUsed} ${res.pkg.observations.length}\n`);
