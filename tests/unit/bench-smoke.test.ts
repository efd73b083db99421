// Keeps `npm run bench` working: the benchmark at tiny sizes, in-process, without Chromium
// (the browser part runs in `npm run bench:smoke`). No timing is asserted: only that every key
// is there, numeric, and that the work measured was really done.
import { describe, expect, it } from 'vitest';
import { KEYS, runBench } from '../../scripts/bench/bench';
import { formatTable } from '../../scripts/bench/report';
import { machine } from '../../scripts/bench/machine';

const BROWSER_KEYS = new Set(['cold_load_ms', 'max_long_task_ms']);

describe('benchmark smoke run', () => {
  it('produces every key, numeric, from real work', async () => {
    const res = await runBench({
      smoke: true,
      browser: false,
      reps: 1,
      reuseBuild: true,
      log: () => undefined,
      sizes: { importRows: 3_000, importUnits: 120, points: 500, polygons: 100, naiveSample: 50, gapUnits: 100, services: 400 },
    });
    for (const k of KEYS) {
      expect(res.keys, k).toHaveProperty(k);
      const v = res.keys[k];
      if (BROWSER_KEYS.has(k)) expect(v, k).toBeNull();
      else {
        expect(typeof v, k).toBe('number');
        expect(Number.isFinite(v), k).toBe(true);
      }
    }
    expect(res.notes.some((n) => n.includes('--no-browser'))).toBe(true);
    // (the browser keys are null by design here; any other failure is a real one)
    expect(res.notes.filter((n) => n.includes('failed') && ![...BROWSER_KEYS].some((k) => n.startsWith(k)))).toEqual([]);
    // the import read every good row and set the bad ones aside
    expect(res.import?.ok).toBe(true);
    expect(res.import?.observations).toBeGreaterThan(2_900);
    // both point-in-polygon methods agree, and every point fell in some polygon
    expect(res.spatial?.agree).toBe(res.spatial?.naiveSample);
    expect(res.spatial?.assigned).toBe(500);
    expect(res.gaps?.rows).toBeGreaterThan(0);
    expect(res.heap?.peakMiB).toBeGreaterThanOrEqual(res.heap?.baseMiB ?? Infinity);
    // the table names the machine and every key's row
    const table = formatTable(res, machine(), null);
    expect(table).toContain('cores');
    expect(table).toContain('gap engine');
  });
});
