// Which units share a border ("rook" adjacency: a common stretch of border, not one corner).
//
// 1. Exact pass: vertices are keyed on a 1e-5° grid (~1 m); two units are neighbours when one
//    has an edge whose two end vertices both belong to the other (topology-preserving
//    simplification keeps shared arcs vertex-identical, so this finds nearly everything).
// 2. Tolerance pass for the pairs whose boxes (grown by the tolerance) overlap, via Flatbush:
//    neighbours when at least two distinct vertices of one lie within `toleranceKm` of the
//    other's boundary. That closes tiny gaps/overlaps between independently drawn borders and
//    T-junctions where one side has a vertex the other lacks. One touching corner is not enough.
import Flatbush from 'flatbush';
import { localProjection } from './distance';
import { flattenPolygon, type FlatPolygon } from './flat';
import type { PolygonInput } from './points';

export interface AdjacencyOptions {
  /** Largest gap between two borders still counted as shared, in km (default 0.05 = 50 m). */
  toleranceKm?: number;
}

export interface Adjacency {
  /** Unit id → neighbour ids (sorted); every input unit has an entry. */
  neighbours: Map<string, string[]>;
  /** Each neighbouring pair once, [a, b] with a < b. */
  pairs: [string, string][];
  has(a: string, b: string): boolean;
}

interface Prepared {
  flat: FlatPolygon;
  /** Projected km coordinates, same layout as flat.coords. */
  km: Float64Array;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  segIndex?: Flatbush;
  segStart?: Uint32Array;
}

const vertexKey = (lon: number, lat: number): number =>
  Math.round((lon + 180) * 1e5) * 33554432 + Math.round((lat + 90) * 1e5);

export function computeAdjacency(units: readonly PolygonInput[], opts: AdjacencyOptions = {}): Adjacency {
  const tol = Math.max(opts.toleranceKm ?? 0.05, 1e-6);
  const ids = units.map((u) => u.id);
  const flats = units.map((u) => flattenPolygon(u.geometry));
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const f of flats) {
    if (!f) continue;
    minLat = Math.min(minLat, f.minY);
    maxLat = Math.max(maxLat, f.maxY);
  }
  const proj = localProjection(minLat, maxLat);
  const prep: (Prepared | null)[] = flats.map((flat) => {
    if (!flat) return null;
    const km = new Float64Array(flat.coords.length);
    for (let i = 0; i < km.length; i += 2) {
      km[i] = proj.x(flat.coords[i] ?? 0);
      km[i + 1] = proj.y(flat.coords[i + 1] ?? 0);
    }
    return { flat, km, minX: proj.x(flat.minX), minY: proj.y(flat.minY), maxX: proj.x(flat.maxX), maxY: proj.y(flat.maxY) };
  });

  const pairSet = new Set<number>();
  const n = units.length;
  const pairKey = (a: number, b: number): number => (a < b ? a * n + b : b * n + a);

  // 1. exact shared edges
  const owners = new Map<number, number[]>();
  prep.forEach((p, ui) => {
    if (!p) return;
    const c = p.flat.coords;
    for (let v = 0; v < c.length; v += 2) {
      const k = vertexKey(c[v] ?? 0, c[v + 1] ?? 0);
      const list = owners.get(k);
      if (!list) owners.set(k, [ui]);
      else if (list[list.length - 1] !== ui) list.push(ui);
    }
  });
  prep.forEach((p, ui) => {
    if (!p) return;
    const { coords: c, ringStarts } = p.flat;
    for (let r = 0; r + 1 < ringStarts.length; r++) {
      const s = ringStarts[r] ?? 0;
      const e = ringStarts[r + 1] ?? 0;
      for (let i = s + 1; i < e; i++) {
        const a = owners.get(vertexKey(c[2 * i - 2] ?? 0, c[2 * i - 1] ?? 0));
        if (!a || a.length < 2) continue;
        const b = owners.get(vertexKey(c[2 * i] ?? 0, c[2 * i + 1] ?? 0));
        if (!b || b.length < 2 || a === b) continue;
        for (const o of a) if (o !== ui && b.includes(o)) pairSet.add(pairKey(ui, o));
      }
    }
  });

  // 2. tolerance pass over candidate pairs
  const usable = prep.map((p, i) => (p ? i : -1)).filter((i) => i >= 0);
  if (usable.length > 1) {
    const boxes = new Flatbush(usable.length);
    for (const i of usable) {
      const p = prep[i];
      if (p) boxes.add(p.minX - tol, p.minY - tol, p.maxX + tol, p.maxY + tol);
    }
    boxes.finish();
    for (const i of usable) {
      const a = prep[i];
      if (!a) continue;
      for (const h of boxes.search(a.minX, a.minY, a.maxX, a.maxY)) {
        const j = usable[h] ?? -1;
        if (j <= i) continue;
        const b = prep[j];
        if (!b || pairSet.has(pairKey(i, j))) continue;
        if (nearCount(a, b, tol) >= 2 || nearCount(b, a, tol) >= 2) pairSet.add(pairKey(i, j));
      }
    }
  }

  const neighbours = new Map<string, string[]>();
  for (const id of ids) if (!neighbours.has(id)) neighbours.set(id, []);
  const pairs: [string, string][] = [];
  for (const k of pairSet) {
    const a = ids[Math.floor(k / n)] ?? '';
    const b = ids[k % n] ?? '';
    if (a === b) continue;
    neighbours.get(a)?.push(b);
    neighbours.get(b)?.push(a);
    pairs.push(a < b ? [a, b] : [b, a]);
  }
  for (const list of neighbours.values()) list.sort();
  pairs.sort((p, q) => (p[0] === q[0] ? (p[1] < q[1] ? -1 : 1) : p[0] < q[0] ? -1 : 1));
  const has = (a: string, b: string): boolean => neighbours.get(a)?.includes(b) ?? false;
  return { neighbours, pairs, has };
}

function segmentsOf(p: Prepared): { index: Flatbush; start: Uint32Array } {
  if (p.segIndex && p.segStart) return { index: p.segIndex, start: p.segStart };
  const { ringStarts } = p.flat;
  const starts: number[] = [];
  for (let r = 0; r + 1 < ringStarts.length; r++) {
    const s = ringStarts[r] ?? 0;
    const e = ringStarts[r + 1] ?? 0;
    for (let i = s; i + 1 < e; i++) starts.push(i);
  }
  const index = new Flatbush(Math.max(1, starts.length));
  const km = p.km;
  for (const i of starts) {
    const x0 = km[2 * i] ?? 0;
    const y0 = km[2 * i + 1] ?? 0;
    const x1 = km[2 * i + 2] ?? 0;
    const y1 = km[2 * i + 3] ?? 0;
    index.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
  }
  if (starts.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  p.segIndex = index;
  p.segStart = Uint32Array.from(starts);
  return { index, start: p.segStart };
}

const segDist2 = (px: number, py: number, x0: number, y0: number, x1: number, y1: number): number => {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - x0) * dx + (py - y0) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const qx = x0 + t * dx - px;
  const qy = y0 + t * dy - py;
  return qx * qx + qy * qy;
};

/** Distinct vertices of `a` within `tol` km of `b`'s boundary (stops counting at 2). */
function nearCount(a: Prepared, b: Prepared, tol: number): number {
  const km = a.km;
  const tol2 = tol * tol;
  let count = 0;
  let lastX = NaN;
  let lastY = NaN;
  let segs: { index: Flatbush; start: Uint32Array } | null = null;
  const { ringStarts } = a.flat;
  for (let r = 0; r + 1 < ringStarts.length; r++) {
    const s0 = ringStarts[r] ?? 0;
    let e = ringStarts[r + 1] ?? 0;
    // the GeoJSON closing vertex repeats the first one: not a second vertex
    if (e - s0 > 1 && km[2 * (e - 1)] === km[2 * s0] && km[2 * (e - 1) + 1] === km[2 * s0 + 1]) e--;
    for (let v = 2 * s0; v < 2 * e; v += 2) {
      const x = km[v] ?? 0;
      const y = km[v + 1] ?? 0;
      if (x < b.minX - tol || x > b.maxX + tol || y < b.minY - tol || y > b.maxY + tol) continue;
      if (x === lastX && y === lastY) continue;
      segs ??= segmentsOf(b);
      const s = segs;
      const bk = b.km;
      const hit = s.index.search(x - tol, y - tol, x + tol, y + tol, (h) => {
        const i = s.start[h] ?? 0;
        return segDist2(x, y, bk[2 * i] ?? 0, bk[2 * i + 1] ?? 0, bk[2 * i + 2] ?? 0, bk[2 * i + 3] ?? 0) <= tol2;
      });
      if (hit.length > 0) {
        count++;
        lastX = x;
        lastY = y;
        if (count >= 2) return count;
      }
    }
  }
  return count;
}
