// Self-intersections of a polygon, counted within a bounded amount of work. Turf's `kinks` tests
// every pair of edges (n² / 2): a detailed boundary of 100,000 vertices, or a 100 KB star-shaped
// polygon whose edges all cross, would freeze the import for minutes. Here edges go into a
// Flatbush index and only edges whose boxes overlap are tested; the count stops at `cap`, and
// the pair tests stop at a budget that grows with the polygon's size, so any input finishes.
// Same notion of a crossing as kinks: two non-adjacent edges that meet (ends included), parallel
// edges never count, the closing edge of a ring is adjacent to its first.
import Flatbush from 'flatbush';
import type { Position } from 'geojson';

export interface CrossingCount {
  /** Crossings found (at most `cap`). */
  count: number;
  /** False when the work budget ran out before every pair of overlapping edges was tested. */
  complete: boolean;
}

function meet(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const den = (dy - cy) * (bx - ax) - (dx - cx) * (by - ay);
  if (den === 0) return false;
  const a = ((dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)) / den;
  const b = ((bx - ax) * (ay - cy) - (by - ay) * (ax - cx)) / den;
  return a >= 0 && a <= 1 && b >= 0 && b <= 1;
}

export function countCrossings(rings: readonly Position[][], cap = 1000, budget?: number): CrossingCount {
  // edges as flat arrays: ring index, position in ring, ring length (in edges)
  let n = 0;
  for (const r of rings) n += Math.max(0, r.length - 1);
  if (n < 2) return { count: 0, complete: true };
  const xy = new Float64Array(n * 4);
  const ringOf = new Int32Array(n);
  const posOf = new Int32Array(n);
  const lenOf = new Int32Array(n);
  const index = new Flatbush(n);
  let e = 0;
  rings.forEach((ring, ri) => {
    const m = ring.length - 1;
    for (let i = 0; i < m; i++, e++) {
      const p = ring[i] as Position;
      const q = ring[i + 1] as Position;
      const [ax = 0, ay = 0] = p;
      const [bx = 0, by = 0] = q;
      xy.set([ax, ay, bx, by], e * 4);
      ringOf[e] = ri;
      posOf[e] = i;
      lenOf[e] = m;
      index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
  });
  index.finish();
  let left = budget ?? 50 * n + 200_000;
  let count = 0;
  for (let i = 0; i < n && count < cap; i++) {
    if (left <= 0) return { count, complete: false };
    const o = i * 4;
    const ax = xy[o] ?? 0, ay = xy[o + 1] ?? 0, bx = xy[o + 2] ?? 0, by = xy[o + 3] ?? 0;
    index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), (j) => {
      if (j <= i || left <= 0 || count >= cap) return false;
      left--;
      if (ringOf[i] === ringOf[j]) {
        const d = (posOf[j] ?? 0) - (posOf[i] ?? 0);
        if (d === 1 || d === (lenOf[i] ?? 0) - 1) return false; // neighbours, or first and closing edge
      }
      const p = j * 4;
      if (meet(ax, ay, bx, by, xy[p] ?? 0, xy[p + 1] ?? 0, xy[p + 2] ?? 0, xy[p + 3] ?? 0)) count++;
      return false;
    });
  }
  return { count, complete: left > 0 || count >= cap };
}
